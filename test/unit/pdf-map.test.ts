/**
 * The map on paper is the map on screen: the same scene, painted by jsPDF. Read back with poppler: page 1 names
 * every contact of a 60-contact family in full, carries the marks and their legend, and its words are the ones
 * the scene gives the screen.
 */
import { execFileSync } from 'node:child_process';
import * as engine from '../../packages/natverkskarta/src/layout/layout-map.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MapDocument } from 'natverkskarta';
import { actorLabel, translations } from '../../packages/natverkskarta/src/i18n/index.js';
import { breakPoints, estimateText, FUNCTIONING_COLOURS, MapPicture } from '../../packages/natverkskarta/src/scene/index.js';
import { FAMILY_60 } from '../fixtures/families.js';
import { enterFamily } from '../fixtures/enter-family.js';
import { FIXED_NOW } from '../fixtures/pdf-maps.js';
import { makeAndRead, overlaps, wordBoxes } from './pdf-helpers.js';

const t = translations('sv');

const family = (count: number): MapDocument =>
  enterFamily(FAMILY_60.slice(0, count), `paper-${count}`, { now: FIXED_NOW, prefix: 'p' });

const words = (text: string) => text.split(/\s+/).filter(Boolean);

const hexRgb = (hex: string): [number, number, number] =>
  [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

const DPI = 100;

/** Page 1 as pixels, row by row (poppler's pdftoppm; PPM: "P6 width height 255", then RGB bytes). */
function renderPage(path: string): { pixels: Uint8Array; width: number } {
  const out = execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', String(DPI), path], { maxBuffer: 64 * 1024 * 1024 });
  const header = out.subarray(0, 40).toString('latin1').split(/\s+/);
  let offset = 0;
  for (let fields = 0; fields < 4;) {
    while (out[offset] === 0x20 || out[offset] === 0x0a) offset++;
    while (out[offset] !== 0x20 && out[offset] !== 0x0a) offset++;
    fields++;
  }
  return { pixels: out.subarray(offset + 1), width: Number(header[1]) };
}

function countPixels(pixels: Uint8Array, r: number, g: number, b: number): number {
  let count = 0;
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    if (Math.abs(pixels[i]! - r) < 12 && Math.abs(pixels[i + 1]! - g) < 12 && Math.abs(pixels[i + 2]! - b) < 12) count++;
  }
  return count;
}

/**
 * Whether a word is printed on the page: whole, or — too long for a label's widest line — broken between letters
 * onto two lines, in two parts.
 */
function printedOn(page: string): (word: string) => boolean {
  const printed = words(page);
  return (word) =>
    printed.includes(word) ||
    printed.some((head) => word.startsWith(head) && head.length > 2 && printed.includes(word.slice(head.length)));
}

describe('the map on page 1', () => {
  it('names every one of 60 contacts in full: no "…", every word of every organisation and person', async () => {
    const map = family(60);
    const pdf = await makeAndRead(map);
    const page = pdf.pageTexts[0]!;
    expect(page).not.toContain('…');
    const shown = printedOn(page);
    for (const actor of map.actors) {
      const name = actorLabel(t, actor);
      for (const word of words(name)) expect(shown(word), `${name}: ${word}`).toBe(true);
      if (actor.organisation && actor.name)
        for (const word of words(actor.name)) expect(shown(word), `${actor.name}: ${word}`).toBe(true);
    }
  });

  it('prints the same label lines as the scene the screen paints, measured in the PDF’s fonts', async () => {
    const map = family(30);
    const pdf = await makeAndRead(map);
    const page = pdf.pageTexts[0]!;
    const shown = printedOn(page);
    // The screen's scene (any measure) and the paper's say the same words for each actor: first its name.
    const scene = new MapPicture(t, estimateText, engine).scene(map);
    for (const actor of scene.actors) {
      const said = actor.label.lines.map((line) => line.text + line.tail).join('');
      // Each piece a line may break after ("Kontaktperson/", "stödfamilj") is printed.
      for (const piece of breakPoints(said)) expect(shown(piece.trim()), `${said}: ${piece}`).toBe(true);
    }
    // The family at the centre, every sector and ring by name.
    for (const text of ['Familjen Lind', ...Object.values(t.sectors), ...Object.values(t.rings)]) {
      for (const word of words(text)) expect(page, text).toContain(word);
    }
  });

  it('carries how contacts work and consent, and explains them in the legend in the screen’s words', async () => {
    const map = family(30);
    expect(map.actors.some((actor) => actor.functioning)).toBe(true);
    expect(map.actors.some((actor) => actor.consent.given)).toBe(true);
    const pdf = await makeAndRead(map);
    const page = pdf.pageTexts[0]!.replace(/\s+/g, ' ');
    for (const text of [
      t.ui.legendFunctioning,
      t.functionings.good,
      t.functionings.mixed,
      t.functionings.poor,
      t.ui.consentGiven,
    ]) {
      expect(page).toContain(text);
    }
    // The marks are drawn: page 1 rendered by poppler shows the discs of each way a contact works, in their colours
    // (no other mark of the map has them).
    // Only the map, above the legend (whose samples have those colours too).
    const legend = wordBoxes(pdf.path).find((box) => box.page === 1 && box.word === t.pdf.legendHeading.split(' ')[0])!;
    const { pixels, width } = renderPage(pdf.path);
    const mapOnly = pixels.subarray(0, Math.floor((legend.yMin * DPI) / 72) * width * 3);
    for (const functioning of ['good', 'mixed'] as const) {
      expect(map.actors.some((actor) => actor.functioning === functioning)).toBe(true);
      const [r, g, b] = hexRgb(FUNCTIONING_COLOURS[functioning]);
      expect(countPixels(mapOnly, r, g, b), functioning).toBeGreaterThan(20);
    }
  });

  it('lets no two words of the map lie on each other', async () => {
    const pdf = await makeAndRead(family(30));
    const page = wordBoxes(pdf.path).filter((box) => box.page === 1);
    // The map: everything above the legend's heading.
    const legend = page.find((box) => box.word === t.pdf.legendHeading.split(' ')[0])!;
    const boxes = page.filter((box) => box.yMax < legend.yMin && box.yMin > page[2]!.yMax);
    expect(boxes.length).toBeGreaterThan(60);
    expect(overlaps(boxes)).toEqual([]);
  });
});

describe('the package', () => {
  it('has d3-force as a dependency of its own, which the layout imports', () => {
    const pkg = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../packages/natverkskarta/package.json', import.meta.url)), 'utf8'),
    ) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['d3-force']).toBeDefined();
    const layout = readFileSync(
      fileURLToPath(new URL('../../packages/natverkskarta/src/layout/layout-map.ts', import.meta.url)),
      'utf8',
    );
    expect(layout).toMatch(/import \{[^}]*forceSimulation[^}]*\} from 'd3-force'/);
  });
});
