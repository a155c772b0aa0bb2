/**
 * The API reference and the theming guide agree with custom-elements.json, generated from the source's JSDoc by the
 * global setup exactly as `npm run build -w natverkskarta` does.
 */
import { describe, expect, inject, it } from 'vitest';
import api from '../../../packages/natverkskarta/docs/api.md?raw';
import theming from '../../../packages/natverkskarta/docs/theming.md?raw';

interface Named {
  name: string;
  privacy?: string;
  static?: boolean;
  kind?: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Named[];
  members?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: (Named & { default?: string })[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

async function editorDeclaration(): Promise<Declaration> {
  const manifest = (await (await fetch(`${inject('staticOrigin')}/manifest/custom-elements.json`)).json()) as Manifest;
  const found = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.tagName === 'natverkskarta-editor');
  if (!found) throw new Error('natverkskarta-editor is not in the manifest');
  return found;
}

const code = (name: string) => `\`${name}`;

describe('the docs and custom-elements.json', () => {
  it('the manifest lists attributes, properties, methods, events, CSS parts and custom properties', async () => {
    const editor = await editorDeclaration();
    expect(editor.attributes!.map((a) => a.name).sort()).toEqual(['lang', 'map-id', 'readonly', 'storage']);
    const members = editor.members!.filter((m) => !m.privacy || m.privacy === 'public').map((m) => m.name);
    for (const name of [
      'map',
      'ready',
      'addActor',
      'removeActor',
      'addTie',
      'undo',
      'redo',
      'flush',
      'exportPdf',
      'exportJson',
      'importJson',
    ])
      expect(members).toContain(name);
    expect(editor.events!.map((e) => e.name).sort()).toEqual(['nk-change', 'nk-error', 'nk-select']);
    expect(editor.cssParts!.length).toBeGreaterThanOrEqual(6);
    expect(editor.cssProperties!.length).toBeGreaterThanOrEqual(10);
  });

  it('the API reference documents every attribute, public member and event in the manifest', async () => {
    const editor = await editorDeclaration();
    const names = [
      ...editor.attributes!.map((a) => a.name),
      ...editor.members!.filter((m) => !m.privacy || m.privacy === 'public').map((m) => m.name),
      ...editor.events!.map((e) => e.name),
      ...editor.cssParts!.map((p) => p.name),
      ...editor.cssProperties!.map((p) => p.name),
    ];
    expect(names.filter((name) => !api.includes(code(name)))).toEqual([]);
  });

  it('the theming guide documents every CSS part and custom property, with the manifest’s default', async () => {
    const editor = await editorDeclaration();
    expect(editor.cssParts!.filter((part) => !theming.includes(code(part.name))).map((part) => part.name)).toEqual([]);
    for (const property of editor.cssProperties!) {
      const row = theming.split('\n').find((line) => line.startsWith(`| ${code(property.name)}\``));
      expect(row, property.name).toBeDefined();
      if (property.default) expect(row, property.name).toContain(`\`${property.default}\``);
    }
  });
});
