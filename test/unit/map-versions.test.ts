/**
 * A map's versions in the model: the hand-over file that carries them (schema version 4), and what changed from
 * one version to another, as plain data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffMaps, isUnchanged } from '../../packages/natverkskarta/src/model/diff.js';
import { handOverLength, parseHandOver } from '../../packages/natverkskarta/src/model/hand-over.js';
import { handOverJson, migrate, ValidationError, type MapDocument, type MapVersion } from 'natverkskarta';
import { actor, sampleMap } from './model-helpers.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url), 'utf8');

function issuesOf(run: () => unknown): readonly unknown[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('not refused');
}

describe('the hand-over file with versions', () => {
  it('knows how long its file is without writing it, to the character, for any number of versions', () => {
    const map = sampleMap();
    const edited: MapDocument = { ...map, title: 'Familjen Lind – “uppföljning” \\ 🌱', actors: map.actors.slice(1) };
    const versions: MapVersion[] = [
      { id: 'v1', label: 'Kartläggning', savedAt: '2026-01-01T10:00:00.000Z', map },
      { id: 'v2', label: 'Uppföljning\n"mars"', savedAt: '2026-03-01T10:00:00.000Z', map: edited },
      { id: 'v3', label: 'Avslut', savedAt: '2026-06-01T10:00:00.000Z', map: { ...edited, actors: [] } },
    ];
    for (let n = 0; n <= versions.length; n++) {
      expect(handOverLength(edited, versions.slice(0, n))).toBe(handOverJson(edited, versions.slice(0, n)).length);
    }
  });

  it('loads the version 4 fixture with its version, and earlier files with none', () => {
    const { map, versions } = parseHandOver(fixture('v4.json'));
    expect(map.actors.map((a) => a.id)).toEqual(['a-fk', 'a-korttids', 'a-po']);
    expect(versions.map(({ id, label, savedAt }) => ({ id, label, savedAt }))).toEqual([
      { id: 'v-kartlaggning', label: 'Kartläggning', savedAt: '2026-11-03T09:00:00.000Z' },
    ]);
    expect(versions[0]!.map.actors.map((a) => a.id)).toEqual(['a-fk', 'a-korttids']);
    // A version's map is the map's, whatever id it was written with.
    expect(versions[0]!.map.id).toBe(map.id);
    for (const name of ['v1.json', 'v2.json', 'v3.json']) expect(parseHandOver(fixture(name)).versions).toEqual([]);
    expect(migrate(JSON.parse(fixture('v3.json'))).versions).toEqual([]);
  });

  it('writes no versions for a map that has none, and reads back what it wrote', () => {
    const map = sampleMap();
    expect(JSON.parse(handOverJson(map, []))).toEqual(map);
    const version: MapVersion = { id: 'v1', label: 'Kartläggning', savedAt: '2026-11-03T09:00:00.000Z', map };
    const later = { ...map, title: 'Familjen Lind-Ali', updatedAt: '2026-12-01T09:00:00.000Z' };
    const read = parseHandOver(handOverJson(later, [version]));
    expect(read.map).toEqual(later);
    expect(read.versions).toEqual([version]);
  });

  it('refuses a bad version whole, naming where it is wrong, and too many before reading one', () => {
    const map = sampleMap();
    const good = { id: 'v1', label: 'Uppföljning', savedAt: '2026-11-03T09:00:00.000Z', map };
    const file = (versions: unknown) => JSON.stringify({ ...map, versions });
    expect(issuesOf(() => parseHandOver(file('nej')))).toEqual([{ path: 'versions', code: 'notList' }]);
    expect(issuesOf(() => parseHandOver(file([{ ...good, label: '  ' }])))).toEqual([
      { path: 'versions[0].label', code: 'required' },
    ]);
    expect(issuesOf(() => parseHandOver(file([{ ...good, savedAt: 'igår' }])))).toEqual([
      { path: 'versions[0].savedAt', code: 'invalidTimestamp', detail: 'igår' },
    ]);
    const broken = { ...good, map: { ...map, actors: [{ ...map.actors[0], ring: 7 }] } };
    expect(issuesOf(() => parseHandOver(file([broken])))).toContainEqual(
      expect.objectContaining({ path: 'versions[0].map.actors[0].ring' }),
    );
    // Fifty-one: refused on the count, though not one of them is even an object.
    expect(issuesOf(() => parseHandOver(file(Array.from({ length: 51 }, () => null))))).toEqual([
      { path: 'versions', code: 'tooMany', detail: '50' },
    ]);
  });
});

describe('what changed between two versions', () => {
  it('tells the fixture’s changes since the kartläggning', () => {
    const { map, versions } = parseHandOver(fixture('v4.json'));
    const diff = diffMaps(versions[0]!.map, map);
    const ids = (list: { before: { id: string } | null; after: { id: string } | null }[]) =>
      list.map((change) => (change.after ?? change.before)!.id);
    expect(ids(diff.added)).toEqual(['a-po']);
    expect(ids(diff.met)).toEqual(['a-korttids']);
    expect(ids(diff.better)).toEqual(['a-fk']);
    expect(ids(diff.closer)).toEqual(['a-fk']);
    expect(diff.tiesAdded).toEqual([{ from: 'centre', to: 'a-po', kind: 'normal' }]);
    expect([diff.ended, diff.removed, diff.worse, diff.further, diff.tiesRemoved, diff.newNeeds]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
    expect(isUnchanged(diff)).toBe(false);
    expect(isUnchanged(diffMaps(map, map))).toBe(true);
  });

  it('tells ended, taken up again, removed, worse and further, and the other way round', () => {
    const before = sampleMap();
    const [a, b, c] = before.actors as [MapDocument['actors'][0], MapDocument['actors'][0], MapDocument['actors'][0]];
    const after: MapDocument = {
      ...before,
      actors: [
        { ...a, status: 'ended' },
        { ...b, ring: 3, functioning: 'poor' },
        actor(before, 'needed-one', { category: 'korttids', status: 'needed' }),
      ],
      ties: before.ties.filter((tie) => tie.from !== c.id && tie.to !== c.id),
    };
    const forward = diffMaps({ ...before, actors: [a, { ...b, ring: 1, functioning: 'good' }, c] }, after);
    expect(forward.ended.map((change) => change.after!.id)).toEqual([a.id]);
    expect(forward.further.map((change) => change.after!.id)).toEqual([b.id]);
    expect(forward.worse.map((change) => change.after!.id)).toEqual([b.id]);
    expect(forward.removed.map((change) => change.before!.id)).toEqual([c.id]);
    expect(forward.newNeeds.map((change) => change.after!.id)).toEqual(['needed-one']);
    expect(forward.tiesRemoved.length).toBeGreaterThan(0);
    const back = diffMaps(after, { ...before, actors: [a, { ...b, ring: 1, functioning: 'good' }, c] });
    expect(back.resumed.map((change) => change.after!.id)).toEqual([a.id]);
    expect(back.closer.map((change) => change.after!.id)).toEqual([b.id]);
    expect(back.better.map((change) => change.after!.id)).toEqual([b.id]);
    expect(back.removed.map((change) => change.before!.id)).toEqual(['needed-one']);
    expect(back.tiesAdded).toHaveLength(forward.tiesRemoved.length);
  });

  it('counts a tie by its two ends, whichever way round it is drawn, and an assessment made as no change', () => {
    const before = sampleMap();
    const turned = { ...before, ties: before.ties.map((tie) => ({ ...tie, id: `${tie.id}-new`, from: tie.to, to: tie.from })) };
    expect(diffMaps(before, turned).tiesAdded).toEqual([]);
    const assessed = {
      ...before,
      actors: before.actors.map((a) => ({ ...a, functioning: a.functioning ? null : ('good' as const) })),
    };
    const diff = diffMaps(before, assessed);
    expect([diff.better, diff.worse]).toEqual([[], []]);
  });
});
