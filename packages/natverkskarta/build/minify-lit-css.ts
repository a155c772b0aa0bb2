import type { Plugin } from 'vite';

/** Collapses the CSS of a static `css` tagged template: comments, indentation and spaces around punctuation. */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

/**
 * Minifies the CSS in Lit `css\`…\`` templates of the editor's style modules at build time: bundlers minify the
 * JavaScript around a template literal but leave its text as written. Templates with `${…}` are left alone.
 */
export function minifyLitCss(): Plugin {
  return {
    name: 'natverkskarta-minify-lit-css',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]elements[\\/][^\\/]*styles\.ts$/.test(id)) return null;
      return { code: code.replace(/css`([^`$]*)`/g, (_, body: string) => `css\`${minifyCss(body)}\``), map: null };
    },
  };
}
