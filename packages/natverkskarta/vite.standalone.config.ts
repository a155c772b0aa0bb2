/**
 * The standalone build: `dist/standalone/natverkskarta.js`, one ES module with no bare imports that a page loads
 * with a single `<script type="module">` from any static host. The PDF stack (jsPDF, loaded with `import()`) and
 * its fonts (named with `new URL('./fonts/…', import.meta.url)`) become separate files next to it, fetched
 * relative to the entry only when a PDF is asked for.
 *
 *   npx vite build -c vite.standalone.config.ts     (part of `npm run build -w natverkskarta`)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { compileHint } from './build/compile-hint.js';
import { minifyTemplates } from './build/minify-templates.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The fonts' licence (SIL OFL 1.1) travels with the font files. */
function fontLicences(): Plugin {
  const fonts = here('./src/export/fonts');
  return {
    name: 'natverkskarta-font-licences',
    generateBundle() {
      for (const file of readdirSync(fonts).filter((name) => name.startsWith('OFL-'))) {
        this.emitFile({ type: 'asset', fileName: `assets/${file}`, source: readFileSync(`${fonts}/${file}`) });
      }
    },
  };
}

export default defineConfig({
  // Every URL the bundle makes (chunks, fonts) is relative to the entry module, never to the page.
  base: './',
  root: here('.'),
  publicDir: false,
  logLevel: 'warn',
  plugins: [fontLicences(), minifyTemplates(), compileHint({ runWhole: ['src/layout/layout-map.ts'] })],
  build: {
    outDir: here('./dist/standalone'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Fonts stay files: a data: URL would put ~1 MB of TrueType into the chunk that names them.
    assetsInlineLimit: 0,
    // Not library mode: Vite's library mode inlines every `new URL(…, import.meta.url)` asset whatever the limit.
    // An app build of one JS entry keeps the fonts as files and the entry's exports as they are.
    modulePreload: false,
    copyPublicDir: false,
    rolldownOptions: {
      input: { natverkskarta: here('./standalone/natverkskarta.ts') },
      // The entry exports the package's public API and nothing else: an embedder's `import * as nk` sees no
      // internal names. What the first picture needs is one chunk beside it ('$initial': the entry's whole static
      // graph), imported by it and sharing its code with the lazy chunks.
      preserveEntrySignatures: 'strict',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        codeSplitting: { groups: [{ name: 'editor', tags: ['$initial'] }] },
      },
    },
  },
});
