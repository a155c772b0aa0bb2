/** The Custom Elements Manifest, made from the element's JSDoc at build time (`cem analyze`). */
export default {
  globs: ['src/elements/**/*.ts', 'src/define.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json names the manifest itself ("customElements"); the analyzer must not rewrite it.
  packagejson: false,
};
