/**
 * The PDF's fonts. They come from registry packages (Noto, SIL Open Font License 1.1) and travel with the
 * package next to the module that loads them (`src/export/fonts/`, copied to `dist/export/fonts/` by the build).
 *
 *   node scripts/fonts.mjs sync    writes src/export/fonts from node_modules (after a font update)
 *   node scripts/fonts.mjs check   fails if src/export/fonts differs from what `sync` would write
 *   node scripts/fonts.mjs dist    copies src/export/fonts into dist/export/fonts (part of `npm run build`)
 *
 * `sync` cuts each face into one file per script with `subset-font` (harfbuzz's hb-subset): Latin with Latin
 * Extended and Vietnamese, Greek, Cyrillic, Arabic, Ethiopic. A PDF fetches only the pieces its text needs, so that a
 * map in Swedish fetches the Latin pieces alone. Each piece keeps the ASCII letters, digits and punctuation, so that
 * spaces and numbers inside a run of its script are drawn in it. It drops what jsPDF never reads: the OpenType
 * layout tables (jsPDF shapes Arabic through the presentation forms, which are kept), the hinting, and the glyph
 * names. Outlines, metrics and character maps of what is kept are unchanged. The OFL allows such modified versions
 * (Noto declares no Reserved Font Name).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src/export/fonts');

/** Code point ranges, first and last. */
const ASCII = [[0x20, 0x7e]];
const COMBINING = [[0x300, 0x36f]];
const SCRIPTS = {
  latin: [
    ...ASCII,
    ...COMBINING,
    [0xa0, 0x24f], // Latin-1, Latin Extended-A and -B
    [0x2b0, 0x2ff], // spacing modifier letters
    [0x1e00, 0x1eff], // Latin Extended Additional: Vietnamese
    [0x2000, 0x20cf], // punctuation, super- and subscripts, currency
    [0x2100, 0x21ff], // letterlike symbols, number forms, arrows
    [0x2200, 0x22ff], // mathematical operators
    [0x25a0, 0x27bf], // geometric shapes, miscellaneous symbols, dingbats: the map's marks
    [0xfb00, 0xfb06], // ligatures
    [0xfffd, 0xfffd],
  ],
  greek: [...ASCII, ...COMBINING, [0x370, 0x3ff], [0x1f00, 0x1fff]],
  cyrillic: [...ASCII, ...COMBINING, [0x400, 0x52f], [0x1c80, 0x1c8f], [0x2de0, 0x2dff], [0xa640, 0xa69f]],
  arabic: [...ASCII, [0x600, 0x6ff], [0x750, 0x77f], [0x870, 0x8ff], [0x200c, 0x200f], [0xfb50, 0xfdff], [0xfe70, 0xfeff]],
  ethiopic: [...ASCII, [0x1200, 0x139f], [0x2d80, 0x2ddf], [0xab00, 0xab2f], [0x1e7e0, 0x1e7ff]],
};

const NOTO = '@expo-google-fonts/noto-sans';
const ARABIC = '@expo-google-fonts/noto-sans-arabic';
const ETHIOPIC = '@expo-google-fonts/noto-sans-ethiopic';

/**
 * Each file in src/export/fonts: the face it is cut from and the script it keeps, or a licence copied as it is. Keep
 * in step with `fontUrl` in src/export/fonts.ts.
 */
const FONT_SOURCES = {
  'NotoSans-Regular.ttf': { from: `${NOTO}/400Regular/NotoSans_400Regular.ttf`, script: 'latin' },
  'NotoSans-Bold.ttf': { from: `${NOTO}/700Bold/NotoSans_700Bold.ttf`, script: 'latin' },
  'NotoSansGreek-Regular.ttf': { from: `${NOTO}/400Regular/NotoSans_400Regular.ttf`, script: 'greek' },
  'NotoSansGreek-Bold.ttf': { from: `${NOTO}/700Bold/NotoSans_700Bold.ttf`, script: 'greek' },
  'NotoSansCyrillic-Regular.ttf': { from: `${NOTO}/400Regular/NotoSans_400Regular.ttf`, script: 'cyrillic' },
  'NotoSansCyrillic-Bold.ttf': { from: `${NOTO}/700Bold/NotoSans_700Bold.ttf`, script: 'cyrillic' },
  'NotoSansArabic-Regular.ttf': { from: `${ARABIC}/400Regular/NotoSansArabic_400Regular.ttf`, script: 'arabic' },
  'NotoSansArabic-Bold.ttf': { from: `${ARABIC}/700Bold/NotoSansArabic_700Bold.ttf`, script: 'arabic' },
  'NotoSansEthiopic-Regular.ttf': { from: `${ETHIOPIC}/400Regular/NotoSansEthiopic_400Regular.ttf`, script: 'ethiopic' },
  'NotoSansEthiopic-Bold.ttf': { from: `${ETHIOPIC}/700Bold/NotoSansEthiopic_700Bold.ttf`, script: 'ethiopic' },
  'OFL-NotoSans.txt': { from: `${NOTO}/LICENSE_FONT` },
  'OFL-NotoSansArabic.txt': { from: `${ARABIC}/LICENSE_FONT` },
  'OFL-NotoSansEthiopic.txt': { from: `${ETHIOPIC}/LICENSE_FONT` },
};

/** Every character of a script's ranges, as the text `subset-font` keeps the glyphs of. */
function charactersOf(script) {
  let text = '';
  for (const [first, last] of SCRIPTS[script]) for (let code = first; code <= last; code++) text += String.fromCodePoint(code);
  return text;
}

/** One script's piece of a face, for jsPDF. */
async function cut(font, script) {
  const piece = await subsetFont(Buffer.from(font), charactersOf(script), {
    targetFormat: 'truetype',
    dropTables: ['GPOS', 'GSUB', 'GDEF', 'STAT', 'DSIG', 'BASE', 'JSTF', 'MATH', 'fpgm', 'prep', 'cvt ', 'gasp'],
    noHinting: true,
    glyphNames: false,
  });
  return new Uint8Array(piece);
}

/** What `sync` writes, by file name. */
async function expected() {
  const require = createRequire(join(root, 'package.json'));
  return Promise.all(
    Object.entries(FONT_SOURCES).map(async ([file, { from, script }]) => {
      const bytes = new Uint8Array(readFileSync(require.resolve(from)));
      return { file, from, bytes: script ? await cut(bytes, script) : bytes };
    }),
  );
}

const command = process.argv[2];
if (command === 'sync') {
  mkdirSync(source, { recursive: true });
  for (const { file, from, bytes } of await expected()) {
    writeFileSync(join(source, file), bytes);
    console.log(`${from} -> src/export/fonts/${file} (${bytes.length} bytes)`);
  }
} else if (command === 'check') {
  const stale = (await expected()).filter(({ file, bytes }) => {
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
