/**
 * Malformed and mutated map documents, made deterministically from the v1 fixture: the same seed gives the
 * same cases, so a failing case can be found again.
 */
import v1 from './fixtures/documents/v1.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const ODD_VALUES: Json[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  '',
  ' ',
  'x'.repeat(5000),
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  [],
  [null],
  {},
  JSON.parse('{"__proto__": {"polluted": true}}') as Json,
  '2026-02-30',
  'centre',
  'a-bup',
];

function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => paths((value as Record<string | number, Json>)[key]!, [...prefix, key]))];
}

function mutate(doc: Json, next: () => number): Json {
  const copy = structuredClone(doc);
  const all = paths(copy).filter((path) => path.length > 0);
  const steps = 1 + Math.floor(next() * 3);
  for (let s = 0; s < steps; s++) {
    const path = all[Math.floor(next() * all.length)]!;
    let parent = copy as Record<string | number, Json>;
    for (const key of path.slice(0, -1)) {
      const child = parent?.[key];
      if (child === null || typeof child !== 'object') break;
      parent = child as Record<string | number, Json>;
    }
    const key = path.at(-1)!;
    if (parent === null || typeof parent !== 'object') continue;
    const choice = next();
    if (choice < 0.3) delete parent[key];
    else if (choice < 0.8) parent[key] = structuredClone(ODD_VALUES[Math.floor(next() * ODD_VALUES.length)]!);
    else if (Array.isArray(parent)) parent.push(structuredClone(parent[0] ?? null));
    else parent[`extra${s}`] = 'junk';
  }
  return copy;
}

/** `count` cases: mutated documents as text, and every tenth one broken as text (cut or with a flipped byte). */
export function fuzzCases(count: number, seed = 20261123): string[] {
  const next = random(seed);
  const cases: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = JSON.stringify(mutate(v1 as unknown as Json, next));
    if (i % 10 === 9) {
      const at = Math.floor(next() * text.length);
      text =
        next() < 0.5 ? text.slice(0, at) : text.slice(0, at) + String.fromCharCode(Math.floor(next() * 128)) + text.slice(at + 1);
    }
    cases.push(text);
  }
  return cases;
}
