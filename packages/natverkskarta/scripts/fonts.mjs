/**
 * The PDF's fonts. They come from registry packages (Noto, SIL Open Font License 1.1) and travel with the
 * package next to the module that loads them (`src/export/fonts/`, copied to `dist/export/fonts/` by the build).
 *
 *   node scripts/fonts.mjs sync    writes src/export/fonts from node_modules (after a font update)
 *   node scripts/fonts.mjs check   fails if src/export/fonts differs from what `sync` would write
 *   node scripts/fonts.mjs dist    copies src/export/fonts into dist/export/fonts (part of `npm run build`)
 *
 * `sync` slims each font for jsPDF, which embeds the glyphs a PDF uses but copies some tables whole: it drops the
 * glyph names (`post` format 3), about 50 KB a face in every PDF, and the OpenType layout tables (GPOS, GSUB,
 * GDEF, STAT), which jsPDF never reads, so that the browser loads less. Outlines, metrics and character maps are
 * unchanged. The OFL allows such modified versions (Noto declares no Reserved Font Name).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src/export/fonts');

/** Each file in src/export/fonts and where it comes from. Keep in step with FONT_FILES in src/export/fonts.ts. */
export const FONT_SOURCES = {
  'NotoSans-Regular.ttf': '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'NotoSans-Bold.ttf': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  'NotoSansArabic-Regular.ttf': '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  'NotoSansArabic-Bold.ttf': '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  'NotoSansEthiopic-Regular.ttf': '@expo-google-fonts/noto-sans-ethiopic/400Regular/NotoSansEthiopic_400Regular.ttf',
  'NotoSansEthiopic-Bold.ttf': '@expo-google-fonts/noto-sans-ethiopic/700Bold/NotoSansEthiopic_700Bold.ttf',
  'OFL-NotoSans.txt': '@expo-google-fonts/noto-sans/LICENSE_FONT',
  'OFL-NotoSansArabic.txt': '@expo-google-fonts/noto-sans-arabic/LICENSE_FONT',
  'OFL-NotoSansEthiopic.txt': '@expo-google-fonts/noto-sans-ethiopic/LICENSE_FONT',
};

const DROPPED = new Set(['GPOS', 'GSUB', 'GDEF', 'STAT', 'DSIG']);

function checksum(bytes) {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** The font without glyph names and layout tables, with its checksums recomputed. */
export function slim(font) {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(4);
  const tables = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(at, at + 4));
    const offset = view.getUint32(at + 8);
    let data = font.slice(offset, offset + view.getUint32(at + 12));
    if (DROPPED.has(tag)) continue;
    if (tag === 'post') {
      data = data.slice(0, 32);
      new DataView(data.buffer).setUint32(0, 0x00030000);
    }
    if (tag === 'head') new DataView(data.buffer).setUint32(8, 0);
    tables.push({ tag, data });
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const selector = Math.floor(Math.log2(tables.length));
  const size = 12 + 16 * tables.length + tables.reduce((sum, t) => sum + Math.ceil(t.data.length / 4) * 4, 0);
  const out = new Uint8Array(size);
  const outView = new DataView(out.buffer);
  outView.setUint32(0, view.getUint32(0));
  outView.setUint16(4, tables.length);
  outView.setUint16(6, 2 ** selector * 16);
  outView.setUint16(8, selector);
  outView.setUint16(10, tables.length * 16 - 2 ** selector * 16);
  let offset = 12 + 16 * tables.length;
  let headOffset = 0;
  tables.forEach((table, i) => {
    const at = 12 + 16 * i;
    for (let c = 0; c < 4; c++) out[at + c] = table.tag.charCodeAt(c);
    outView.setUint32(at + 4, checksum(table.data));
    outView.setUint32(at + 8, offset);
    outView.setUint32(at + 12, table.data.length);
    out.set(table.data, offset);
    if (table.tag === 'head') headOffset = offset;
    offset += Math.ceil(table.data.length / 4) * 4;
  });
  outView.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** What `sync` writes, by file name. */
function expected() {
  const require = createRequire(join(root, 'package.json'));
  return Object.entries(FONT_SOURCES).map(([file, from]) => {
    const bytes = new Uint8Array(readFileSync(require.resolve(from)));
    return { file, from, bytes: file.endsWith('.ttf') ? slim(bytes) : bytes };
  });
}

const command = process.argv[2];
if (command === 'sync') {
  mkdirSync(source, { recursive: true });
  for (const { file, from, bytes } of expected()) {
    writeFileSync(join(source, file), bytes);
    console.log(`${from} -> src/export/fonts/${file} (${bytes.length} bytes)`);
  }
} else if (command === 'check') {
  const stale = expected().filter(({ file, bytes }) => {
    try {
      return Buffer.compare(readFileSync(join(source, file)), bytes) !== 0;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(`src/export/fonts is out of date (${stale.map((s) => s.file).join(', ')}): run npm run fonts -w natverkskarta`);
    process.exit(1);
  }
} else if (command === 'dist') {
  cpSync(source, join(root, 'dist/export/fonts'), { recursive: true });
} else if (command !== undefined) {
  console.error('usage: node scripts/fonts.mjs sync|check|dist');
  process.exit(1);
}
