/**
 * Type declarations for the frameworks embedders use, made from the Custom Elements Manifest at build time by
 * maintained generators: `custom-element-jsx-integration` (the element's attributes, properties and `onnk-*`
 * events as JSX props, for React 19) and `custom-element-vuejs-integration` (Vue 3's `GlobalComponents`). Every
 * prop is typed as the element's own member (`NatverkskartaEditor['map']`), so a wrong type fails a host's build.
 *
 *   node build/framework-types.mjs dist     (after `cem analyze`, in `npm run build`)
 *
 *   dist/jsx.d.ts    CustomElements: the props of <natverkskarta-editor>, for any JSX
 *   dist/react.d.ts  React 19's `JSX.IntrinsicElements` extended with them   (import type {} from 'natverkskarta/react')
 *   dist/vue.d.ts    Vue 3's `GlobalComponents` extended with them            (import type {} from 'natverkskarta/vue')
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

/** React 19 keeps JSX in the `react` module: the generator's props join its intrinsic elements there. */
const REACT = `/** <natverkskarta-editor> in React 19's JSX: its properties and its nk-* events, typed. */
import type { CustomElements } from './jsx.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`;

/**
 * The manifest without its read-only properties (`ready`, `canUndo`, …): the generators make a prop of every public
 * field, and a framework that sets one the element only has a getter for throws.
 */
function withoutReadonly(manifest) {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) =>
        declaration.members
          ? { ...declaration, members: declaration.members.filter((member) => !(member.kind === 'field' && member.readonly)) }
          : declaration,
      ),
    })),
  };
}

/**
 * Writes the three files into `outdir`. `typesFrom` is where, seen from `outdir`, the element's class and its event
 * details are exported (the package's `index.js`).
 */
export function writeFrameworkTypes(manifest, outdir, typesFrom = './index.js') {
  const common = { outdir, globalTypePath: typesFrom, hideLogs: true, descriptionSrc: 'summary' };
  const settable = withoutReadonly(manifest);
  generateJsxTypes(settable, { ...common, fileName: 'jsx.d.ts' });
  generateVuejsTypes(settable, { ...common, fileName: 'vue.d.ts' });
  writeFileSync(join(outdir, 'react.d.ts'), REACT);
}

// node build/framework-types.mjs dist: from the manifest `cem analyze` wrote there (part of `npm run build`).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outdir = process.argv[2] ?? 'dist';
  writeFrameworkTypes(JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8')), outdir);
}
