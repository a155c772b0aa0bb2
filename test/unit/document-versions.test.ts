import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMapJson, SCHEMA_VERSION, ValidationError } from 'natverkskarta';

const folder = new URL('../fixtures/documents/', import.meta.url);
const fixtures = readdirSync(folder).filter((name) => /^v\d+\.json$/.test(name));

describe('every released document version loads', () => {
  it('has a fixture for every version up to the current one', () => {
    const versions = fixtures.map((name) => Number(name.slice(1, -5))).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  for (const name of fixtures) {
    it(`loads ${name} into the current schema with every field kept`, () => {
      const text = readFileSync(new URL(name, folder), 'utf8');
      const raw = JSON.parse(text) as { actors: { id: string; name: string; phone: string }[]; title: string };
      const doc = parseMapJson(text);
      expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
      expect(doc.title).toBe(raw.title);
      expect(doc.actors.map((actor) => [actor.id, actor.name, actor.phone])).toEqual(
        raw.actors.map((actor) => [actor.id, actor.name, actor.phone]),
      );
    });
  }

  it('refuses a document from a newer version instead of half-reading it', () => {
    const text = readFileSync(new URL('v1.json', folder), 'utf8').replace(
      '"schemaVersion": 1',
      `"schemaVersion": ${SCHEMA_VERSION + 1}`,
    );
    expect(() => parseMapJson(text)).toThrow(ValidationError);
    try {
      parseMapJson(text);
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([
        { path: 'schemaVersion', code: 'newerVersion', detail: String(SCHEMA_VERSION + 1) },
      ]);
    }
  });
});
