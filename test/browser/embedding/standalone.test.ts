import { afterEach, describe, expect, inject, it } from 'vitest';

/** What plain.js reports after its scenario. */
interface PlainResult {
  ok: boolean;
  error?: string;
  id: string;
  shown: boolean;
  changes: number[];
  loadedBefore: string[];
  loadedAfter: string[];
  pdf: Blob;
  violations: string[];
  /** Whether the page refused markup set without a Trusted Types policy. */
  trustedTypesEnforced: boolean;
}

const windows: Window[] = [];
afterEach(() => {
  for (const opened of windows.splice(0)) opened.close();
});

/**
 * Opens the plain page from the static server (another origin, as a top-level window: a cross-origin frame would
 * get no IndexedDB) and runs its scenario.
 */
async function runPlainPage(query: string): Promise<PlainResult> {
  const origin = inject('staticOrigin');
  let opened: Window | null = null;
  const fromPage = (predicate: (data: unknown) => boolean) =>
    new Promise<unknown>((resolve) => {
      const listener = (event: MessageEvent) => {
        if (event.origin !== origin || !predicate(event.data)) return;
        window.removeEventListener('message', listener);
        resolve(event.data);
      };
      window.addEventListener('message', listener);
    });
  const ready = fromPage((data) => data === 'ready');
  opened = window.open(`${origin}/plain.html?${query}`, '_blank', 'popup,width=1000,height=800');
  if (!opened) throw new Error('The browser blocked the window');
  windows.push(opened);
  await ready;
  const result = fromPage((data) => typeof data === 'object' && data !== null && 'ok' in data);
  opened.postMessage('run', origin);
  return (await result) as PlainResult;
}

/** A file of the standalone build, as the static server gives it. */
async function builtFile(path: string): Promise<string> {
  return (await fetch(`${inject('staticOrigin')}/standalone/${path}`)).text();
}

/** The chunk the entry imports statically: the editor's code for the first picture. */
function editorChunk(entry: string): string {
  const found = entry.match(/from\s*[`'"]\.\/(chunks\/editor-[\w-]+\.js)[`'"]/)?.[1];
  expect(found).toBeDefined();
  return found!;
}

describe('the standalone build on a plain page', () => {
  it('registers the element from one script tag, edits a map and exports a PDF with chunks loaded relative to it', async () => {
    const result = await runPlainPage(`map=plain-${crypto.randomUUID()}&lang=sv`);
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.shown).toBe(true);
    expect(result.changes).toEqual([1]);
    expect(result.trustedTypesEnforced).toBe(false);

    // Up front: the entry only, not the PDF stack.
    expect(result.loadedBefore).toContain('/standalone/natverkskarta.js');
    // Before any PDF: at most the editor's panels (forms, legend, help), fetched after the first frame; no PDF stack.
    // Up front: the entry and the small chunks it shares with the lazy ones, then the forms and the layout
    // (d3-force) after the first picture; nothing of the PDF, and no language but Swedish.
    expect(result.loadedBefore.filter((path) => /\/chunks\/(pdf|html2canvas|purify|index\.es|en)-/.test(path))).toEqual([]);
    expect(result.loadedBefore.some((path) => /\/chunks\/layout-map-/.test(path))).toBe(true);
    expect(result.loadedBefore.filter((path) => path.endsWith('.ttf'))).toEqual([]);

    // On demand: the PDF chunk and the fonts, from next to the entry (not from the page's folder).
    const fetched = result.loadedAfter.filter((path) => !result.loadedBefore.includes(path));
    expect(fetched.some((path) => /^\/standalone\/chunks\/pdf-[\w-]+\.js$/.test(path))).toBe(true);
    expect(fetched.some((path) => /^\/standalone\/assets\/NotoSans-Regular-[\w-]+\.ttf$/.test(path))).toBe(true);
    expect(fetched.filter((path) => !path.startsWith('/standalone/'))).toEqual([]);
    // jsPDF's optional chunks (html2canvas, DOMPurify, canvg), used only by its `.html()`, stay on the server.
    expect(fetched.filter((path) => /html2canvas|purify|index\.es/.test(path))).toEqual([]);

    const bytes = new Uint8Array(await result.pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(result.pdf.size).toBeGreaterThan(5_000);
    // No font arrives as a data: URL inside a chunk: a PDF with the embedded font is well under the chunk sizes.
    expect(result.violations).toEqual([]);
  });

  it('works under Trusted Types when the page allows Lit’s policy, as docs/embedding.md says', async () => {
    const result = await runPlainPage(`map=tt-${crypto.randomUUID()}&lang=sv&tt=lit-html`);
    expect(result.error).toBeUndefined();
    expect(result.shown).toBe(true);
    expect(result.pdf.size).toBeGreaterThan(5_000);
    expect(result.violations).toEqual([]);
    // The page really was under Trusted Types: markup put into the DOM without a policy was refused.
    expect(result.trustedTypesEnforced).toBe(true);
  });

  it('exports exactly the package’s public API, and nothing of its own chunks', async () => {
    const entry = await builtFile('natverkskarta.js');
    const exported = [...entry.matchAll(/export\s*\{([^}]*)\}/g)]
      .flatMap((match) => match[1]!.split(','))
      .map((name) =>
        name
          .trim()
          .split(/\s+as\s+/)
          .at(-1)!,
      )
      .filter(Boolean);
    expect(exported.sort()).toEqual(Object.keys(await import('natverkskarta')).sort());
    expect(exported.filter((name) => name.length === 1)).toEqual([]);
  });

  it('has no bare imports: every static and dynamic import in the build is relative', async () => {
    const entry = await builtFile('natverkskarta.js');
    const editor = await builtFile(editorChunk(entry));
    const pdfChunk = editor.match(/import\(\s*[`'"]\.\/(pdf-[\w-]+\.js)[`'"]\s*\)/)?.[1];
    expect(pdfChunk).toBeDefined();
    const files = [entry, editor, await builtFile(`chunks/${pdfChunk!}`)];
    for (const code of files) {
      const patterns = [
        /(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+\s*from\s*)?[`'"]([^`'"]+)[`'"]/g, // import … from "x", import "x"
        /(?:^|[;}\s])export\s*(?:\*|\{[^}]*\})\s*from\s*[`'"]([^`'"]+)[`'"]/g, // export … from "x"
        /\bimport\(\s*[`'"]([^`'"]+)[`'"]\s*\)/g, // import("x")
      ];
      const specifiers = patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]!));
      expect(specifiers.length).toBeGreaterThan(0);
      // `node:fs/promises` is reached only in Node, for `file:` font URLs; a browser never loads it.
      const bare = specifiers.filter((specifier) => !specifier.startsWith('.') && specifier !== 'node:fs/promises');
      expect(bare).toEqual([]);
    }
    // The fonts are files, not data: URLs.
    expect(files[1]).not.toMatch(/data:font|data:application\/octet-stream/);
  });

  it('asks Chromium to compile the first picture and the layout eagerly, only those, and their source maps line up', async () => {
    const entry = await builtFile('natverkskarta.js');
    const editorName = editorChunk(entry);
    const editor = await builtFile(editorName);
    expect(entry.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
    const lazyChunk = (name: string) => {
      const found = editor.match(new RegExp(`import\\(\\s*[\`'"]\\./(${name}-[\\w-]+\\.js)[\`'"]\\s*\\)`))?.[1];
      expect(found, name).toBeDefined();
      return `chunks/${found!}`;
    };
    expect(await builtFile(lazyChunk('panels'))).not.toContain('allFunctionsCalledOnLoad');
    for (const name of [editorName, lazyChunk('layout-map')]) {
      const lines = (await builtFile(name)).split('\n');
      expect(lines[0], name).toBe('//# allFunctionsCalledOnLoad');
      // The hint's line maps to nothing; every line of code after it has its own line of mappings.
      const map = JSON.parse(await builtFile(`${name}.map`)) as { mappings: string };
      const mapped = map.mappings.split(';');
      expect(mapped[0]?.length, name).toBe(0);
      expect(mapped[1]?.length, name).toBeGreaterThan(0);
      expect(mapped.length, name).toBeLessThanOrEqual(lines.length);
    }
  });
});
