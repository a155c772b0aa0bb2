import type { Plugin } from 'vite';

/** V8's explicit compile hint for a whole file (https://v8.dev/blog/explicit-compile-hints). */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Puts V8's compile hint on the first line of the entry and of the chunks it imports statically (the editor's code
 * for the first picture), and of the lazy chunks named in `runWhole` (by their module, relative to the package).
 * All of their code runs when it runs at all — the first picture, or a layout, which runs every force of d3-force
 * for a hundred ticks and more — so Chromium may compile it eagerly, off the main thread while the file streams in,
 * instead of function by function on the main thread at first call. Other engines read a comment. The
 * other lazy chunks (forms, English, PDF) are left to compile on demand. Added after minification, which drops
 * comments; the source map (and its file) moves down one line.
 */
export function compileHint({ runWhole = [] }: { runWhole?: readonly string[] } = {}): Plugin {
  return {
    name: 'natverkskarta-compile-hint',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const hinted = new Set<string>();
      const found = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        if (output.isEntry) for (const name of [output.fileName, ...output.imports]) hinted.add(name);
        const module = output.facadeModuleId?.replaceAll('\\', '/');
        const path = output.isDynamicEntry ? runWhole.find((path) => module?.endsWith(`/${path}`)) : undefined;
        if (path) {
          hinted.add(output.fileName);
          found.add(path);
        }
      }
      // A module renamed, or merged into another chunk, would lose its hint without a word.
      const lost = runWhole.filter((path) => !found.has(path));
      if (lost.length > 0) this.error(`compile hint: no chunk of its own for ${lost.join(', ')}`);
      for (const name of hinted) {
        const output = bundle[name];
        if (output?.type !== 'chunk') continue;
        output.code = `${COMPILE_HINT}\n${output.code}`;
        if (!output.map) continue;
        output.map.mappings = `;${output.map.mappings}`;
        // The map's file is already in the bundle, written before this hook ran: written again from the moved map,
        // or a lazy chunk's map would point every line one line too high.
        const mapFile = bundle[`${name}.map`];
        if (mapFile?.type === 'asset') mapFile.source = output.map.toString();
      }
    },
  };
}
