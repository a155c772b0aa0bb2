import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const source = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/**
 * Minifies the HTML and CSS in the editor's Lit `html` and `css` templates at build time (Lit's own plugin:
 * html-minifier-next and Lightning CSS): bundlers minify the JavaScript around a template but leave its text as
 * written. The paths are absolute, so that the same files are minified whichever folder the build runs from.
 */
export function minifyTemplates(): Plugin {
  const minify = minifyHtmlLiterals({
    include: [source('**/*.ts')],
    // Its CSS has whole declarations as `${…}` (the scene's line and text styles), which Lightning CSS cannot
    // parse around; it stays as written.
    exclude: [source('elements/map-styles.ts')],
    // A template it cannot read stops the build, rather than shipping it unminified without a word.
    failOnError: true,
  });
  // Typed for Rollup, whose transform hook Vite runs as Rollup does: only the name and that hook are taken.
  return { name: minify.name, apply: 'build', transform: minify.transform as unknown as Plugin['transform'] };
}
