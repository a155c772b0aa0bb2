/**
 * The PDF's fonts: Noto TrueType files (SIL Open Font License 1.1, see `fonts/OFL-*.txt`) that travel with the
 * package in `fonts/` next to this module. They are read only when a PDF is made, and only those the document's
 * text needs.
 *
 * Each file is named with `new URL('./fonts/…', import.meta.url)`, written out literally so that bundlers see it:
 * - Vite (dev server, build, Vitest in the browser) and webpack 5 turn it into an asset URL, which is fetched;
 * - in Node (Vitest's node project, or `dist/` run directly) it is a `file:` URL, read with `node:fs`, since Node's
 *   `fetch` cannot read files;
 * - the library build (`tsc`) keeps the expression, and `npm run build` copies the files to `dist/export/fonts/`.
 * Nothing is ever fetched from another origin.
 */
import { OTHER_SCRIPTS, type Script } from './text.js';

export type FontKey =
  | 'regular'
  | 'bold'
  | 'greek'
  | 'greekBold'
  | 'cyrillic'
  | 'cyrillicBold'
  | 'arabic'
  | 'arabicBold'
  | 'ethiopic'
  | 'ethiopicBold';

/** The fonts a document in these scripts needs: each script in a regular and a bold face. */
export function fontsFor(scripts: ReadonlySet<Script>): FontKey[] {
  const keys: FontKey[] = ['regular', 'bold'];
  for (const [script] of OTHER_SCRIPTS) if (scripts.has(script)) keys.push(script, `${script}Bold`);
  return keys;
}

function fontUrl(key: FontKey): URL {
  switch (key) {
    case 'regular':
      return new URL('./fonts/NotoSans-Regular.ttf', import.meta.url);
    case 'bold':
      return new URL('./fonts/NotoSans-Bold.ttf', import.meta.url);
    case 'greek':
      return new URL('./fonts/NotoSansGreek-Regular.ttf', import.meta.url);
    case 'greekBold':
      return new URL('./fonts/NotoSansGreek-Bold.ttf', import.meta.url);
    case 'cyrillic':
      return new URL('./fonts/NotoSansCyrillic-Regular.ttf', import.meta.url);
    case 'cyrillicBold':
      return new URL('./fonts/NotoSansCyrillic-Bold.ttf', import.meta.url);
    case 'arabic':
      return new URL('./fonts/NotoSansArabic-Regular.ttf', import.meta.url);
    case 'arabicBold':
      return new URL('./fonts/NotoSansArabic-Bold.ttf', import.meta.url);
    case 'ethiopic':
      return new URL('./fonts/NotoSansEthiopic-Regular.ttf', import.meta.url);
    case 'ethiopicBold':
      return new URL('./fonts/NotoSansEthiopic-Bold.ttf', import.meta.url);
  }
}

/** The part of `node:fs/promises` used here (the library is type-checked without Node's types). */
interface NodeFs {
  readFile(path: URL): Promise<Uint8Array>;
}

async function readUrl(url: URL): Promise<Uint8Array> {
  if (url.protocol === 'file:') {
    // A computed specifier, so that no bundler tries to put `node:fs` into a browser build; only Node gets here.
    const specifier = 'node:fs/promises';
    const fs = (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as NodeFs;
    return new Uint8Array(await fs.readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The font ${url.pathname} could not be loaded (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

const cache = new Map<FontKey, Promise<Uint8Array>>();

/** The bytes of a font file, read once per page load. */
export function loadFont(key: FontKey): Promise<Uint8Array> {
  let bytes = cache.get(key);
  if (!bytes) {
    bytes = readUrl(fontUrl(key));
    // A failed load is not remembered, so the next export tries again.
    bytes.catch(() => cache.delete(key));
    cache.set(key, bytes);
  }
  return bytes;
}
