/** jsPDF and the fonts cost only when a PDF is made: only export/pdf.ts imports jsPDF, and nothing imports it statically. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const src = fileURLToPath(new URL('../../packages/natverkskarta/src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Static imports and re-exports that stay in the JavaScript (`import type` is erased). */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gms)) {
    found.push(match[1]!);
  }
  for (const match of code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push(match[1]!);
  return found;
}

test('only src/export/pdf.ts imports jspdf, and no module imports pdf.ts statically', () => {
  for (const file of sources(src)) {
    const name = relative(src, file);
    const imports = staticImports(readFileSync(file, 'utf8'));
    if (name !== join('export', 'pdf.ts')) {
      expect(
        imports.filter((spec) => spec.startsWith('jspdf')),
        name,
      ).toEqual([]);
    }
    expect(
      imports.filter((spec) => /(^|\/)export\/pdf(\.js)?$|^\.\/pdf(\.js)?$/.test(spec)),
      name,
    ).toEqual([]);
  }
});
