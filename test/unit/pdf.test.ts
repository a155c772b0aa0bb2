/** The parent's PDF, read back as a PDF reader would: every name in every script, the headings, fonts, metadata. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildPdf } from '../../packages/natverkskarta/src/export/pdf.js';
import { createMap, actorFromInput } from '../../packages/natverkskarta/src/model/index.js';
import { sv } from '../../packages/natverkskarta/src/i18n/index.js';
import { en } from '../../packages/natverkskarta/src/i18n/en.js';
import { FIXED_NOW, SCRIPT_SAMPLES, longText, multiScriptMap, sizedMap, withLayout } from '../fixtures/pdf-maps.js';
import { makeAndRead, normalise, overlaps, wordBoxes } from './pdf-helpers.js';

/** Words in order, whatever the spaces between them: pdftotext -layout pads columns with spaces. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('the PDF prints every name', () => {
  test.each(SCRIPT_SAMPLES)('$script: name, organisation, phone and e-mail are in the text', async (sample) => {
    const pdf = await sharedScripts();
    const text = squeeze(pdf.text);
    for (const field of [sample.input.name, sample.input.organisation, sample.input.phone, sample.input.email]) {
      expect(text).toContain(squeeze(normalise(field)));
    }
  });

  test('Arabic and Persian are shaped: the PDF holds joined letter forms, not isolated letters', async () => {
    const pdf = await sharedScripts();
    // Presentation forms (U+FB50–U+FEFF) are what jsPDF's shaping draws; unshaped text would keep the letters
    // of U+0600–U+06FF, drawn apart. Normalised, they give back each name as typed (the test above).
    for (const sample of SCRIPT_SAMPLES.filter((s) => s.rtl)) {
      for (const word of sample.input.name.split(' ')) expect(pdf.rawText).not.toContain(word);
    }
    expect(pdf.rawText).toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]{4}/);
  });
});

let scriptsPdf: ReturnType<typeof makeAndRead> | undefined;
function sharedScripts() {
  scriptsPdf ??= makeAndRead(multiScriptMap());
  return scriptsPdf;
}

describe('headings, pages and metadata', () => {
  test('Swedish: title, date, legend, contact list, needed contacts apart, "Sida X av Y" on every page', async () => {
    const pdf = await sharedScripts();
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    const first = squeeze(pdf.pageTexts[0]!);
    expect(first).toContain('Nätverkskarta — Familjen Lind');
    expect(first).toContain('Utskriven 1 maj 2024');
    expect(first).toContain(sv.pdf.legendHeading);
    // The legend in the screen's words: every heading and every entry.
    const { ui } = sv;
    for (const heading of [ui.legendSectors, ui.legendRings, ui.legendStatus, ui.legendFunctioning, ui.legendTies]) {
      expect(first).toContain(heading);
    }
    for (const line of [
      ...Object.values(sv.tieKinds),
      ...Object.values(sv.statuses),
      ...Object.values(sv.rings),
      sv.functionings.good,
      sv.functionings.mixed,
      sv.functionings.poor,
      ui.consentGiven,
    ]) {
      expect(first).toContain(line);
    }
    for (const sector of Object.values(sv.sectors)) expect(first).toContain(sector);
    const list = squeeze(pdf.pageTexts.slice(1).join('\n'));
    expect(list).toContain('Kontaktlista');
    expect(list).toContain('Behövs men saknas');
    expect(list).toContain('LSS-handläggare');
    expect(list).toContain('Ansöka om korttidsvistelse och avlösning');
    expect(list).toContain('Telefon');
    expect(list).toContain('E-post');
    expect(list).toContain('Hjälper till med');
    pdf.pageTexts.forEach((page, i) => expect(page).toContain(`Sida ${i + 1} av ${pdf.pages}`));
    // The needed contact comes after every other one, under its own heading.
    const neededAt = list.indexOf('Behövs men saknas');
    for (const sample of SCRIPT_SAMPLES) {
      expect(list.indexOf(squeeze(normalise(sample.input.phone)))).toBeLessThan(neededAt);
    }
  });

  test('title and language in the metadata', async () => {
    const pdf = await sharedScripts();
    expect(pdf.info.Title).toBe('Nätverkskarta — Familjen Lind');
    expect(Buffer.from(pdf.bytes).toString('latin1')).toContain('/Lang (sv)');
  });

  test("lang 'en' gives English headings, title and /Lang", async () => {
    const pdf = await makeAndRead(multiScriptMap(), { lang: 'en' });
    const text = squeeze(pdf.text);
    for (const heading of ['Network map — Familjen Lind', 'Contact list', 'Needed but missing', en.pdf.legendHeading]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Printed');
    expect(text).toContain('Phone');
    expect(text).not.toContain('Kontaktlista');
    pdf.pageTexts.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pdf.pages}`));
    expect(pdf.info.Title).toBe('Network map — Familjen Lind');
    expect(Buffer.from(pdf.bytes).toString('latin1')).toContain('/Lang (en)');
  });

  test('a title in any script reaches the metadata intact', async () => {
    const pdf = await makeAndRead(multiScriptMap('Familjen Łukasiewicz-العلي'));
    expect(pdf.info.Title).toBe('Nätverkskarta — Familjen Łukasiewicz-العلي');
  });
});

describe('fonts', () => {
  test('every font is embedded, and none is a built-in one', async () => {
    const pdf = await sharedScripts();
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) {
      expect(font.embedded, `${font.name} is embedded`).toBe(true);
      expect(font.name).not.toMatch(/Helvetica|Times|Courier|Symbol|ZapfDingbats/);
      expect(font.type).not.toMatch(/Type 1/);
    }
    expect(pdf.fonts.map((font) => font.name).sort()).toEqual([
      'NotoSans',
      'NotoSans-Bold',
      'NotoSansArabic',
      'NotoSansArabic-Bold',
      'NotoSansCyrillic',
      'NotoSansCyrillic-Bold',
      'NotoSansEthiopic',
      'NotoSansEthiopic-Bold',
      'NotoSansGreek',
      'NotoSansGreek-Bold',
    ]);
  });

  test('only the scripts the text uses are embedded', async () => {
    const pdf = await makeAndRead(sizedMap(5));
    expect(pdf.fonts.map((font) => font.name).sort()).toEqual(['NotoSans', 'NotoSans-Bold']);
  });

  test('the font files in the package are the registry fonts, as scripts/fonts.mjs makes them', () => {
    const script = fileURLToPath(new URL('../../packages/natverkskarta/scripts/fonts.mjs', import.meta.url));
    const result = spawnSync(process.execPath, [script, 'check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('long lists', () => {
  test('60 contacts with long texts break across pages, with no text lost and none overlapping', async () => {
    const small = await makeAndRead(sizedMap(5));
    const map = sizedMap(60, true);
    const pdf = await makeAndRead(map);
    expect(pdf.pages).toBeGreaterThan(small.pages);
    expect(pdf.pages).toBeGreaterThan(5);

    const words = new Set(pdf.text.split(/\s+/));
    for (const [i, actor] of map.actors.entries()) {
      for (const field of [actor.organisation, actor.name, actor.phone, actor.email]) {
        expect(squeeze(pdf.text), `contact ${i}`).toContain(field);
      }
      // Every word of the long texts, once each.
      for (const word of `${actor.helpsWith} ${actor.note}`.split(' ')) {
        expect(words.has(word), `${word} is printed`).toBe(true);
      }
    }
    const counts = new Map<string, number>();
    for (const word of pdf.text.split(/\s+/)) counts.set(word, (counts.get(word) ?? 0) + 1);
    expect(counts.get(longText('h7', 60).split(' ')[59]!)).toBe(1);

    pdf.pageTexts.forEach((page, i) => expect(page).toContain(`Sida ${i + 1} av ${pdf.pages}`));

    // On the list pages, no word lies on another, and every word is on the paper, above the footer.
    const boxes = wordBoxes(pdf.path).filter((box) => box.page > 1);
    expect(boxes.length).toBeGreaterThan(1000);
    expect(overlaps(boxes)).toEqual([]);
    for (const box of boxes) {
      expect(box.xMin).toBeGreaterThanOrEqual(0);
      expect(box.xMax).toBeLessThanOrEqual(595.3);
      expect(box.yMin).toBeGreaterThanOrEqual(0);
      expect(box.yMax).toBeLessThanOrEqual(841.9);
    }
  });

  test('one contact with texts at their longest still prints every word', async () => {
    const map = createMap({ id: 'pdf-longest', title: 'Familjen Lind', now: FIXED_NOW });
    const helps = longText('hh', 330).slice(0, 2000);
    const note = longText('nn', 660).slice(0, 4000);
    const actor = actorFromInput(
      { category: 'bup', organisation: 'BUP '.repeat(50).trim(), name: 'Åsa', phone: '08-1', helpsWith: helps, note },
      map,
      'long',
    );
    const pdf = await makeAndRead(withLayout({ ...map, actors: [actor] }));
    const words = new Set(pdf.text.split(/\s+/));
    for (const word of `${helps} ${note}`.split(' ')) expect(words.has(word), word).toBe(true);
    expect(overlaps(wordBoxes(pdf.path).filter((box) => box.page > 1))).toEqual([]);
  });
});

test('the overlap check finds words that lie on each other', () => {
  const word = { page: 2, word: 'a', xMin: 10, yMin: 10, xMax: 40, yMax: 23 };
  expect(overlaps([word, { ...word, xMin: 30, xMax: 60 }])).toHaveLength(1);
  expect(overlaps([word, { ...word, yMin: 22, yMax: 35 }])).toHaveLength(0);
  expect(overlaps([word, { ...word, page: 3 }])).toHaveLength(0);
});

describe('safety and robustness', () => {
  test('what a user typed is printed as text, never interpreted', async () => {
    const map = createMap({ id: 'pdf-evil', title: 'Familjen (Lind) \\ /Type /Catalog', now: FIXED_NOW });
    const actor = actorFromInput(
      {
        category: 'annan',
        sector: 'civil',
        organisation: '<script>alert(1)</script> (x) \\) ] >> endobj',
        name: '%PDF-1.7 /JavaScript (app.alert(1))',
        helpsWith: 'rad ett\nrad två\r\nrad tre',
      },
      map,
      'evil',
    );
    const pdf = await makeAndRead(withLayout({ ...map, actors: [actor] }));
    const text = squeeze(pdf.text);
    expect(text).toContain('<script>alert(1)</script> (x) \\) ] >> endobj');
    expect(text).toContain('%PDF-1.7 /JavaScript (app.alert(1))');
    expect(text).toContain('rad ett rad två rad tre');
    expect(pdf.info.Title).toBe('Nätverkskarta — Familjen (Lind) \\ /Type /Catalog');
    expect(pdf.info.JavaScript).toBe('no');
  });

  test('actors without a position are placed by the layout; an empty map still gives a PDF', async () => {
    const map = createMap({ id: 'pdf-unplaced', title: 'Familjen Lind', now: FIXED_NOW });
    const actors = ['bup', 'skola', 'lss'].map((category, i) => actorFromInput({ category }, map, `u${i}`));
    const pdf = await makeAndRead({ ...map, actors });
    expect(pdf.text).toContain('BUP');
    const empty = await makeAndRead(createMap({ id: 'pdf-empty', title: '', now: FIXED_NOW }));
    expect(empty.text).toContain('Inga kontakter ännu.');
    expect(empty.text).toContain('Namnlös karta');
  });

  test('a 20-contact PDF stays small', async () => {
    // Fixed cost: jsPDF embeds only the glyphs used, but copies a face's character map, glyph index and metrics
    // whole (≈ 25 KB compressed per Latin face, two faces); each contact adds about 0.5 KB. Measured: about 71 KB.
    // 100 KB leaves room for a longer text or two, and fails if a whole font (≥ 150 KB compressed) gets embedded.
    const bytes = await buildPdf(sizedMap(20), { date: FIXED_NOW });
    console.log(`20-contact PDF: ${(bytes.length / 1024).toFixed(1)} KB`);
    expect(bytes.length).toBeLessThan(100 * 1024);
  });
});
