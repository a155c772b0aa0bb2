/** The PDF's last page with `compareWith`: what changed since a version, read back with poppler. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseHandOver } from '../../packages/natverkskarta/src/model/hand-over.js';
import { makeAndRead } from './pdf-helpers.js';

const squeeze = (text: string) => text.replace(/\s+/g, ' ');
const fixture = () => parseHandOver(readFileSync(new URL('../fixtures/documents/v4.json', import.meta.url), 'utf8'));

describe('the PDF tells what changed since a version', () => {
  test('a last page "Förändringar sedan Kartläggning", grouped, with every contact named in full', async () => {
    const { map, versions } = fixture();
    const plain = await makeAndRead(map);
    const pdf = await makeAndRead(map, { compareWith: versions[0]! });
    expect(pdf.pages).toBe(plain.pages + 1);
    const last = squeeze(pdf.pageTexts.at(-1)!);
    expect(last).toContain('Förändringar sedan Kartläggning');
    const order = [
      '1 ny kontakt',
      'Personligt ombud Karlstad',
      '1 behov har fått en kontakt',
      'Korttidshemmet Solgläntan',
      'Fungerar nu bra',
      'Försäkringskassan',
      'Närmare familjen',
      '1 nytt band',
      'Familjen Haddad – Personligt ombud Karlstad',
    ];
    const at = order.map((text) => last.indexOf(text));
    expect(
      at.every((index) => index >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Nothing of it on the pages before.
    expect(squeeze(pdf.pageTexts.slice(0, -1).join(' '))).not.toContain('Förändringar sedan');
  });

  test('in English, and says so when nothing changed', async () => {
    const { map, versions } = fixture();
    const english = squeeze((await makeAndRead(map, { lang: 'en', compareWith: versions[0]! })).pageTexts.at(-1)!);
    expect(english).toContain('Changes since Kartläggning');
    expect(english).toContain('1 need has got a contact');
    expect(english).toContain('Now works well');
    const same = squeeze((await makeAndRead(map, { compareWith: { ...versions[0]!, map } })).pageTexts.at(-1)!);
    expect(same).toContain('Inga förändringar.');
  });
});
