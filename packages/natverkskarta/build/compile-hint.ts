import type { Plugin } from 'vite';

/** V8's explicit compile hint for a whole file (https://v8.dev/blog/explicit-compile-hints). */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Puts V8's compile hint on the first line of the entry and of the chunks it imports statically (the editor's code
 * for the first picture). All of their code runs to draw the first map, so Chromium may compile it eagerly, off the
 * main thread while the file streams in, instead of function by function on the main thread at first call. Other
 * engines read a comment. The lazy chunks (forms, English, PDF) are left to compile on demand. Added after
 * minification, which drops comments; the source map moves down one line.
 */
export function compileHint(): Plugin {
  return {
    name: 'natverkskarta-compile-hint',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const upFront = new Set<string>();
      for (const output of Object.values(bundle))
        if (output.type === 'chunk' && output.isEntry) for (const name of [output.fileName, ...output.imports]) upFront.add(name);
      for (const name of upFront) {
        const output = bundle[name];
        if (output?.type !== 'chunk') continue;
        output.code = `${COMPILE_HINT}\n${output.code}`;
        if (output.map) output.map.mappings = `;${output.map.mappings}`;
      }
    },
  };
}
