/** Builds PDFs and reads them back with poppler (pdftotext, pdffonts, pdfinfo), as a parent's PDF reader would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPdf, type PdfOptions } from '../../packages/natverkskarta/src/export/pdf.js';
import type { MapDocument } from '../../packages/natverkskarta/src/model/index.js';
import { FIXED_NOW } from '../fixtures/pdf-maps.js';

const dir = mkdtempSync(join(tmpdir(), 'natverkskarta-pdf-'));
let counter = 0;

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      `${tool} is missing: these tests read the PDF back with poppler. Install it with ` +
        '`apt-get install -y poppler-utils` (Debian/Ubuntu) or `brew install poppler` (macOS).',
    );
  }
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export interface ReadPdf {
  bytes: Uint8Array;
  path: string;
  /** `pdftotext -layout`, NFKC-normalised (Arabic presentation forms back to letters), without direction marks. */
  text: string;
  /** The same, not normalised: shaped Arabic shows as presentation forms. */
  rawText: string;
  pages: number;
  /** Page texts, 1-based index - 1. */
  pageTexts: string[];
  fonts: { name: string; type: string; embedded: boolean }[];
  info: Record<string, string>;
}

/** Removes the direction marks pdftotext puts around right-to-left text, and unifies letter forms. */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
}

export async function makeAndRead(map: MapDocument, options: PdfOptions = {}): Promise<ReadPdf> {
  const bytes = await buildPdf(map, { date: FIXED_NOW, ...options });
  const path = join(dir, `map-${++counter}.pdf`);
  writeFileSync(path, bytes);
  const rawText = run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-']);
  const text = normalise(rawText);
  const pageTexts = text.split('\f').slice(0, -1);
  const fontLines = run('pdffonts', [path]).trim().split('\n').slice(2);
  const fonts = fontLines.map((line) => {
    // name, type (may contain spaces), encoding, emb, sub, uni, object, generation
    const parts = line.trim().split(/\s+/);
    const emb = parts.at(-5);
    return { name: parts[0]!, type: parts.slice(1, -6).join(' '), embedded: emb === 'yes' };
  });
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', path]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!] = match[2]!;
  }
  return { bytes, path, text, rawText, pages: Number(info.Pages), pageTexts, fonts, info };
}

export interface WordBox {
  page: number;
  word: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box, from `pdftotext -bbox`. */
export function wordBoxes(path: string): WordBox[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-']);
  const boxes: WordBox[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (match) {
      boxes.push({
        page,
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
        word: match[5]!,
      });
    }
  }
  return boxes;
}

/**
 * Pairs of words on one page that lie on each other. A word's box is as tall as the font's whole height (for
 * Noto Sans 1.36 em), more than its letters, so boxes of lines set closer than that touch by a point or so:
 * only an overlap of more than a quarter of a line's height counts.
 */
export function overlaps(boxes: readonly WordBox[], tolerance = 0.5): [WordBox, WordBox][] {
  const found: [WordBox, WordBox][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.page !== b.page) continue;
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const height = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (x > tolerance && y > Math.max(tolerance, height / 4)) found.push([a, b]);
    }
  }
  return found;
}
