/** Labels wrapped by measured width: never wider than their width, never cut, measured as little as needed. */
import { describe, expect, test } from 'vitest';
import { wrapText } from '../../packages/natverkskarta/src/scene/wrap-text.js';
import type { MeasureText, TextStyle } from '../../packages/natverkskarta/src/scene/typography.js';

const style: TextStyle = { size: 10, bold: false };
/** Ten units a character: widths the test can count. */
function counting(): { measure: MeasureText; asked: string[] } {
  const asked: string[] = [];
  return { asked, measure: (text) => (asked.push(text), text.length * 10) };
}

describe('wrapText', () => {
  test('a text that fits stays one line, measured once', () => {
    const { measure, asked } = counting();
    expect(wrapText('Anna Öberg', 100, style, measure)).toEqual(['Anna Öberg']);
    expect(asked).toEqual(['Anna Öberg']);
  });

  test('a text one character too wide breaks at a space, and no line is wider than the width', () => {
    const { measure } = counting();
    const lines = wrapText('Habiliteringen Karlstad barn', 140, style, measure);
    expect(lines).toEqual(['Habiliteringen', 'Karlstad barn']);
    expect(wrapText('Anna Öberg', 90, style, measure)).toEqual(['Anna', 'Öberg']);
    for (const line of lines) expect(measure(line, style)).toBeLessThanOrEqual(140);
  });

  test('a word too long for a line stands alone up to the long-word width, and is broken between letters past it', () => {
    const { measure } = counting();
    expect(wrapText('Korttidsboendet nu', 100, style, measure, 160)).toEqual(['Korttidsboendet', 'nu']);
    expect(wrapText('Habiliteringscentrum', 100, style, measure, 160).join('')).toBe('Habiliteringscentrum');
    expect(wrapText('Habiliteringscentrum', 100, style, measure, 160)).toEqual(['Habiliteringscen', 'trum']);
  });

  test('each line of a text on several lines is wrapped on its own; an empty text is one empty line', () => {
    const { measure } = counting();
    expect(wrapText('Mamma\nAnna Öberg', 100, style, measure)).toEqual(['Mamma', 'Anna Öberg']);
    expect(wrapText('', 100, style, measure)).toEqual(['']);
    // A line that fits beside one that does not, spaces around them as typed.
    expect(wrapText('  Mamma \nHabiliteringen Karlstad barn', 140, style, measure)).toEqual([
      '  Mamma',
      'Habiliteringen',
      'Karlstad barn',
    ]);
  });
});
