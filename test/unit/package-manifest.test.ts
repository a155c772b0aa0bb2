import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../../packages/natverkskarta/package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>;
  sideEffects: string[];
  customElements: string;
  dependencies: Record<string, string>;
};

describe('the npm package natverkskarta', () => {
  it('exports the API without side effects, and the define module, the model and the standalone build', () => {
    expect(Object.keys(pkg.exports)).toEqual(
      expect.arrayContaining(['.', './define', './model', './standalone', './react', './vue', './custom-elements.json']),
    );
    // Only the modules that register the element have side effects: a bundler may drop the rest when unused.
    expect(pkg.sideEffects.every((path) => /define\.(js|ts)$|standalone\/natverkskarta\.(js|ts)$/.test(path))).toBe(true);
  });

  it('names its Custom Elements Manifest in the package, not in some build folder elsewhere', () => {
    expect(pkg.customElements).toBe('./dist/custom-elements.json');
  });

  it('needs nothing at run time beyond Lit, d3-force, idb, jsPDF and @noble/ciphers', () => {
    // @noble/ciphers seals the draft a closing page writes, synchronously (store/draft-key.ts).
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@noble/ciphers', 'd3-force', 'idb', 'jspdf', 'lit']);
  });
});
