/**
 * Download sizes. The editor's standalone entry as `npm run build -w natverkskarta` made it, and — with one and
 * the same Vite `build()` configuration (the package's standalone settings: app build of one ES entry, es2022,
 * Vite's default minifier, no module preload, PDF stack as a dynamic chunk) — the editor's entry again beside
 * cytoscape.js and vis-network, so that the comparison is like for like. gzip level 9 throughout.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const PKG = here('../../natverkskarta/');
export const STANDALONE = join(PKG, 'dist/standalone');
// Outside the repository: minified bundles are no business of the linters.
const OUT = join(tmpdir(), 'natverkskarta-bench-build');

export const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes) => Math.round(bytes / 102.4) / 10;

function bundleConfig(name, input, root) {
  return {
    configFile: false,
    root,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: join(OUT, name),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      assetsInlineLimit: 0,
      modulePreload: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: { [name]: input },
        preserveEntrySignatures: 'allow-extension',
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
}

function files(dir, ext) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && path.endsWith(ext));
}

/** What a build put in `dir`: the entry, every JS chunk and every font, each raw and gzipped. */
function describe(dir, entryName) {
  const entryPath = join(dir, `${entryName}.js`);
  const entry = readFileSync(entryPath);
  const chunks = files(join(dir, 'chunks'), '.js').map((path) => {
    const bytes = readFileSync(path);
    return { file: relative(dir, path), raw: bytes.length, gz: gz(bytes) };
  });
  const fonts = files(join(dir, 'assets'), '.ttf').map((path) => {
    const bytes = readFileSync(path);
    return { file: relative(dir, path), raw: bytes.length, gz: gz(bytes) };
  });
  return { entry: { file: `${entryName}.js`, raw: entry.length, gz: gz(entry) }, chunks, fonts };
}

/** Which source (package or folder of src/) the entry's minified bytes come from, through its source map. */
async function composition(dir, entryName) {
  const mapPath = join(dir, `${entryName}.js.map`);
  if (!existsSync(mapPath)) return null;
  const { decode } = await import('@jridgewell/sourcemap-codec');
  const code = readFileSync(join(dir, `${entryName}.js`), 'utf8').split('\n');
  const map = JSON.parse(readFileSync(mapPath, 'utf8'));
  const decoded = decode(map.mappings);
  const text = new Map();
  let current = '(bundler glue)';
  code.forEach((line, index) => {
    let column = 0;
    const add = (piece) => text.set(current, (text.get(current) ?? '') + piece);
    for (const segment of decoded[index] ?? []) {
      add(line.slice(column, segment[0]));
      current = segment.length > 1 ? map.sources[segment[1]] : '(bundler glue)';
      column = segment[0];
    }
    add(line.slice(column) + '\n');
  });
  const groups = new Map();
  for (const [source, piece] of text) {
    const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
    const file = source.match(/\/src\/(.+)$/)?.[1];
    const key =
      pkg ??
      (file
        ? file.includes('/') && !file.startsWith('elements/editor-styles')
          ? `src/${file.split('/')[0]}/`
          : `src/${file}`
        : source);
    groups.set(key, (groups.get(key) ?? '') + piece);
  }
  return [...groups]
    .map(([source, piece]) => ({ source, raw: Buffer.byteLength(piece), gzAlone: gz(Buffer.from(piece)) }))
    .sort((a, b) => b.raw - a.raw);
}

export async function measureSizes(log) {
  const result = { unit: 'bytes', gzipLevel: 9 };
  // 1. The package's own standalone build.
  if (existsSync(join(STANDALONE, 'natverkskarta.js'))) {
    result.packageBuild = { dir: relative(here('../../..'), STANDALONE), ...describe(STANDALONE, 'natverkskarta') };
  } else {
    log('  dist/standalone/natverkskarta.js is missing: only the bench bundle is measured');
  }
  // 2. Same bundler, same settings: the editor, cytoscape.js and vis-network.
  const bundles = {
    natverkskarta: [join(PKG, 'standalone/natverkskarta.ts'), PKG],
    cytoscape: [here('../entries/cytoscape.js'), here('..')],
    'vis-network': [here('../entries/vis-network.js'), here('..')],
  };
  result.sameBundler = {};
  for (const [name, [input, root]] of Object.entries(bundles)) {
    const started = performance.now();
    await build(bundleConfig(name, input, root));
    result.sameBundler[name] = describe(join(OUT, name), name);
    log(
      `  bundled ${name} in ${Math.round(performance.now() - started)} ms: entry ${kb(result.sameBundler[name].entry.gz)} KB gz`,
    );
  }
  const own = result.packageBuild ?? result.sameBundler.natverkskarta;
  const ownDir = result.packageBuild ? STANDALONE : join(OUT, 'natverkskarta');
  result.entryGz = own.entry.gz;
  // With the chunks the entry imports statically (fetched before it runs): all that comes before the first picture.
  const entryCode = readFileSync(join(ownDir, 'natverkskarta.js'), 'utf8');
  // `import … from`, `import "…"` and `export … from` (the entry re-exports the public API from the editor's chunk).
  const statics = [
    ...entryCode.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"()]*?from\s*)?["']\.\/(chunks\/[^"']+\.js)["']/g),
  ].map((m) => m[1]);
  result.upFrontGz =
    own.entry.gz + own.chunks.filter((chunk) => statics.includes(chunk.file)).reduce((sum, chunk) => sum + chunk.gz, 0);
  result.upFrontFiles = ['natverkskarta.js', ...statics];
  // d3-force and the map's forces: fetched when a map first needs laying out (at once for a map without places).
  result.layoutChunkGz = own.chunks.find((chunk) => /(^|\/)layout-map-[^/]*\.js$/.test(chunk.file))?.gz ?? null;
  const pdf = own.chunks.find((chunk) => /(^|\/)pdf-[^/]*\.js$/.test(chunk.file));
  result.pdfChunkGz = pdf?.gz ?? null;
  result.latinFontsGz = own.fonts.filter((f) => /NotoSans-(Regular|Bold)/.test(f.file)).reduce((s, f) => s + f.gz, 0);
  result.allFontsGz = own.fonts.reduce((s, f) => s + f.gz, 0);
  result.composition = await composition(ownDir, 'natverkskarta');
  const base = result.sameBundler.natverkskarta.entry.gz;
  result.ratios = {
    cytoscape: result.sameBundler.cytoscape.entry.gz / base,
    'vis-network': result.sameBundler['vis-network'].entry.gz / base,
  };
  return result;
}
