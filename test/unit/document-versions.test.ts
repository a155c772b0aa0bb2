import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrate, parseMapJson, SCHEMA_VERSION, ValidationError } from 'natverkskarta';

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

  it('loads a file that starts with a byte-order mark, as the file picker does', () => {
    const text = readFileSync(new URL('v2.json', folder), 'utf8');
    expect(parseMapJson(`\uFEFF${text}`)).toEqual(parseMapJson(text));
  });

  describe('the step from version 1 to 2', () => {
    const v1 = () => JSON.parse(readFileSync(new URL('v1.json', folder), 'utf8')) as Record<string, unknown>;

    it('keeps ISO timestamps as they are', () => {
      const doc = migrate(v1());
      expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
      expect([doc.createdAt, doc.updatedAt]).toEqual(['2026-11-01T09:00:00.000Z', '2026-11-02T10:30:00.000Z']);
    });

    it('rewrites a timestamp in another form that still reads as a date', () => {
      const doc = migrate({ ...v1(), createdAt: '2026-11-01T10:00:00+01:00', updatedAt: 'Mon, 02 Nov 2026 10:30:00 GMT' });
      expect([doc.createdAt, doc.updatedAt]).toEqual(['2026-11-01T09:00:00.000Z', '2026-11-02T10:30:00.000Z']);
    });

    it('gives a timestamp that is no date, or far too long, the epoch or the creation time, so that the map opens', () => {
      const map = parseMapJson(
        JSON.stringify({ ...v1(), createdAt: 'igår', updatedAt: `2026-11-02T10:30:00.000Z${' '.repeat(100)}` }),
      );
      expect([map.createdAt, map.updatedAt]).toEqual([new Date(0).toISOString(), new Date(0).toISOString()]);
    });

    it('after which the same timestamps in a version 2 file are refused', () => {
      expect(() => parseMapJson(JSON.stringify({ ...v1(), schemaVersion: 2, createdAt: 'igår' }))).toThrow(ValidationError);
    });
  });

  it('the step from version 2 to 3 remembers that nothing was marked "inte aktuellt" yet', () => {
    const v2 = JSON.parse(readFileSync(new URL('v2.json', folder), 'utf8')) as Record<string, unknown>;
    expect(v2.skipped).toBeUndefined();
    expect(migrate(v2).skipped).toEqual([]);
    const v3 = parseMapJson(readFileSync(new URL('v3.json', folder), 'utf8'));
    expect(v3.skipped).toEqual(['granne', 'tandvard']);
    // A host's version 3 document without it (or with a kind twice, or one not in the catalogue).
    const { skipped: _skipped, ...without } = JSON.parse(readFileSync(new URL('v3.json', folder), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(parseMapJson(JSON.stringify(without)).skipped).toEqual([]);
    expect(parseMapJson(JSON.stringify({ ...without, skipped: ['bup', 'bup'] })).skipped).toEqual(['bup']);
    expect(() => parseMapJson(JSON.stringify({ ...without, skipped: ['ingen-sådan'] }))).toThrow(ValidationError);
  });

  it('refuses a document from a newer version instead of half-reading it', () => {
    const text = readFileSync(new URL('v1.json', folder), 'utf8').replace(
      '"schemaVersion": 1,',
      `"schemaVersion": ${SCHEMA_VERSION + 1},`,
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
