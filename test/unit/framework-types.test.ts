/**
 * The declarations a React 19 or Vue 3 team type-checks against: made from the Custom Elements Manifest as
 * `npm run build` makes them (build/framework-types.mjs), then a React component and a Vue component's props are
 * compiled against them with TypeScript. What the element takes compiles; a wrong property type, a wrong value of
 * `storage` and an event handler for the wrong detail are errors (each marked `@ts-expect-error`, which is an error
 * itself when nothing is wrong).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFrameworkTypes } from '../../packages/natverkskarta/build/framework-types.mjs';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const packageDir = here('../../packages/natverkskarta');
const api = here('../../packages/natverkskarta/src/index.js');
let dir = '';

beforeAll(() => {
  // Inside the repository's node_modules, so that `react` and `vue` resolve from it.
  const cache = here('../../node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  dir = mkdtempSync(join(cache, 'natverkskarta-types-'));
  const cem = here('../../node_modules/@custom-elements-manifest/analyzer/cem.js');
  execFileSync(
    process.execPath,
    [cem, 'analyze', '--litelement', '--globs', 'src/elements/**/*.ts', 'src/define.ts', '--outdir', relative(packageDir, dir)],
    { cwd: packageDir, stdio: 'ignore' },
  );
  const manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8')) as unknown;
  writeFrameworkTypes(manifest, dir, api);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** TypeScript's errors in `files` (name → text, in the folder of the declarations), as "file: message" lines. */
function typeErrors(files: Record<string, string>): string[] {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const program = ts.createProgram(
    Object.keys(files).map((name) => join(dir, name)),
    {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      experimentalDecorators: true,
      useDefineForClassFields: false,
    },
  );
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file && Object.keys(files).some((name) => diagnostic.file!.fileName.endsWith(name)))
    .map(
      (diagnostic) =>
        `${diagnostic.file!.fileName.split('/').pop()}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
    );
}

describe('the declarations for frameworks', () => {
  it('type a React 19 app: its properties and its nk-* events, and refuse a wrong type', () => {
    const errors = typeErrors({
      'app.tsx': `
        import type {} from './react.js';
        import { createMap, type NkChangeDetail, type NkSelectDetail } from '${api}';

        const map = createMap({ id: 'familjen-lind' });
        export const app = (
          <natverkskarta-editor
            lang="sv"
            storage="none"
            map={map}
            readonly={false}
            map-id="familjen-lind"
            onnk-change={(event: CustomEvent<NkChangeDetail>) => event.detail.map.actors.length}
            onnk-select={(event: CustomEvent<NkSelectDetail>) => event.detail.actorId}
          />
        );
        // @ts-expect-error: storage is 'indexeddb' or 'none'
        export const elsewhere = <natverkskarta-editor storage="elsewhere" />;
        // @ts-expect-error: map is a map document, not its id
        export const byName = <natverkskarta-editor map="familjen-lind" />;
        // @ts-expect-error: ready is the editor's to give, not the host's to set
        export const setReady = <natverkskarta-editor ready={Promise.resolve()} />;
        // @ts-expect-error: nk-change carries the map, not a number
        export const wrongDetail = <natverkskarta-editor onnk-change={(event: CustomEvent<number>) => event.detail} />;
      `,
    });
    expect(errors).toEqual([]);
  }, 60_000);

  it("type a Vue 3 app's components: GlobalComponents knows the element's props, and refuses a wrong type", () => {
    const errors = typeErrors({
      'vue-app.ts': `
        import type {} from './vue.js';
        import type { GlobalComponents } from 'vue';
        import { createMap } from '${api}';

        type EditorProps = InstanceType<GlobalComponents['natverkskarta-editor']>['$props'];
        export const props: EditorProps = { lang: 'en', storage: 'none', map: createMap({ id: 'familjen-lind' }) };
        // @ts-expect-error: storage is 'indexeddb' or 'none'
        export const wrong: EditorProps = { storage: 42 };
      `,
    });
    expect(errors).toEqual([]);
  }, 60_000);
});
