import { describe, expect, it } from 'vitest';
import { minifyCss } from '../../packages/natverkskarta/build/minify-lit-css.js';
import { editorStyles } from '../../packages/natverkskarta/src/elements/editor-styles.js';

describe('minifying the editor’s CSS at build time', () => {
  it('keeps every rule and declaration, only without comments and spaces', () => {
    const css = `
      /* a comment */
      :host {
        --_accent: var(--nk-accent, #1d4ed8);
        font-family: var(--nk-font-family, inherit);
      }
      .a > .b, .c:is(.d, .e) { margin: 0 0.25rem; }
    `;
    expect(minifyCss(css)).toBe(
      ':host{--_accent:var(--nk-accent,#1d4ed8);font-family:var(--nk-font-family,inherit)}.a>.b,.c:is(.d,.e){margin:0 0.25rem}',
    );
  });

  it('gives the same stylesheet for the editor as the browser reads it: nothing lost', () => {
    const full = editorStyles.cssText;
    const small = minifyCss(full);
    expect(small.length).toBeLessThan(full.length * 0.8);
    const declarations = (text: string) => text.match(/[\w-]+\s*:\s*[^;{}]+/g)!.map((d) => d.replace(/\s+/g, ''));
    expect(declarations(small)).toEqual(declarations(full.replace(/\/\*[\s\S]*?\*\//g, '')).map((d) => d.replace(/\s+/g, '')));
  });
});
