/** Splitting text into runs of one script, and cleaning what a user typed, for the PDF. */
import { describe, expect, test } from 'vitest';
import { cleanText, scriptRuns, scriptsUsed } from '../../packages/natverkskarta/src/export/text.js';
import { graphemes } from '../../packages/natverkskarta/src/scene/wrap-text.js';
import { fontsFor } from '../../packages/natverkskarta/src/export/fonts.js';

describe('scriptRuns', () => {
  test('keeps a right-to-left name of several words in one run, and Latin around it apart', () => {
    expect(scriptRuns('Tel محمد العلي (BUP)')).toEqual([
      { script: 'latin', text: 'Tel ' },
      { script: 'arabic', text: 'محمد العلي' },
      { script: 'latin', text: ' (BUP)' },
    ]);
  });

  test('Persian with a zero-width non-joiner stays one run', () => {
    expect(scriptRuns('می‌خواهم')).toEqual([{ script: 'arabic', text: 'می‌خواهم' }]);
  });

  test('Ethiopic, Greek, Cyrillic and Latin', () => {
    // Each in its own font's piece; a space between two scripts goes with the text before it, or with Latin text.
    expect(scriptRuns('ተስፋይ ገብረ Ελένη Наталья')).toEqual([
      { script: 'ethiopic', text: 'ተስፋይ ገብረ ' },
      { script: 'greek', text: 'Ελένη ' },
      { script: 'cyrillic', text: 'Наталья' },
    ]);
    expect(scriptRuns('Åsa 12 Ελένη 3')).toEqual([
      { script: 'latin', text: 'Åsa 12 ' },
      { script: 'greek', text: 'Ελένη' },
      { script: 'latin', text: ' 3' },
    ]);
    expect(scriptRuns('')).toEqual([]);
    expect(scriptRuns('   ')).toEqual([{ script: 'latin', text: '   ' }]);
  });

  test('the fonts a document needs follow the scripts it uses', () => {
    // A map in Latin letters (Swedish, Polish, Vietnamese) fetches the Latin pieces alone.
    expect(fontsFor(scriptsUsed(['Åsa Łukasz Nguyễn']))).toEqual(['regular', 'bold']);
    expect(fontsFor(scriptsUsed(['Åsa Łukasz Nguyễn Ελένη Наталья']))).toEqual([
      'regular',
      'bold',
      'greek',
      'greekBold',
      'cyrillic',
      'cyrillicBold',
    ]);
    expect(fontsFor(scriptsUsed(['فاطمه', 'ተስፋይ']))).toEqual([
      'regular',
      'bold',
      'arabic',
      'arabicBold',
      'ethiopic',
      'ethiopicBold',
    ]);
  });
});

describe('cleanText', () => {
  test('composes letters, so Vietnamese uses precomposed glyphs', () => {
    const decomposed = 'Nguyễn'.normalize('NFD');
    expect(cleanText(decomposed)).toBe('Nguyễn');
    expect(graphemes(decomposed)).toHaveLength(6);
  });

  test('removes control characters; keeps line breaks only where asked', () => {
    expect(cleanText('a\u0000b\u0007c\td')).toBe('abc d');
    expect(cleanText('rad ett\r\nrad två\rrad tre')).toBe('rad ett rad två rad tre');
    expect(cleanText('rad ett\r\nrad två', true)).toBe('rad ett\nrad två');
  });
});
