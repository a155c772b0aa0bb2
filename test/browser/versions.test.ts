/**
 * A map's versions, as a coordinator keeps them over months: saved by name, stored with the map in IndexedDB
 * (read here raw, as someone with the disk would), sealed by the passphrase, carried by the hand-over file, and
 * gone with the map.
 */
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import {
  actorFromInput,
  deleteAllData,
  deleteMap,
  lock,
  setPassphrase,
  unlock,
  ValidationError,
  type NatverkskartaEditor,
} from 'natverkskarta';
import { mountEditor, rawStores, uniqueId, unmountAll, withEmptyDatabase } from './helpers.js';

withEmptyDatabase();

/** The `versions` store as IndexedDB holds it, its bytes as text; null when the database has no such store. */
async function rawVersions(): Promise<{ records: Record<string, unknown>[]; text: string } | null> {
  const db = await openDB('natverkskarta');
  const has = db.objectStoreNames.contains('versions');
  db.close();
  return has ? rawStores('versions') : null;
}

async function lindFamily(id: string): Promise<NatverkskartaEditor> {
  const editor = await mountEditor({ 'map-id': id });
  editor.setTitle('Familjen Lind');
  editor.addActor({ category: 'bup', name: 'Anna Berg', phone: '046-17 00 00' });
  editor.addActor({ category: 'korttids', status: 'needed' });
  return editor;
}

describe('versions of a map', () => {
  it('saves the map as it is now under a name and date, lists them oldest first, and keeps them with the map', async () => {
    const id = uniqueId('versions');
    const editor = await lindFamily(id);
    const first = await editor.saveVersion('Kartläggning');
    expect(first).toEqual({ id: expect.any(String), label: 'Kartläggning', savedAt: expect.any(String), actorCount: 2 });
    expect(Date.parse(first.savedAt)).toBeLessThanOrEqual(Date.now());
    editor.addActor({ category: 'lss', name: 'Handläggare Ek' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await editor.saveVersion('  Uppföljning mars ');
    expect(second.label).toBe('Uppföljning mars');
    expect(second.actorCount).toBe(3);
    // The map goes on: a version is a snapshot, never the map.
    editor.addActor({ category: 'skola' });
    expect(editor.map.actors).toHaveLength(4);
    expect(await editor.listVersions()).toEqual([first, second]);

    const raw = (await rawVersions())!;
    expect(raw.records.map((record) => [record.mapId, record.id])).toEqual(
      expect.arrayContaining([
        [id, first.id],
        [id, second.id],
      ]),
    );
    expect(raw.text).toContain('Anna Berg');

    // Another page on the same map, later: the versions are there, each the map as it was.
    unmountAll();
    const again = await mountEditor({ 'map-id': id });
    expect(await again.listVersions()).toEqual([first, second]);
    expect(JSON.parse(again.exportJson()).versions.map((v: { map: { actors: unknown[] } }) => v.map.actors.length)).toEqual([
      2, 3,
    ]);
  });

  it('shows a version saved in another editor on the same map, as another tab would', async () => {
    const id = uniqueId('versions');
    const here = await lindFamily(id);
    await here.flush();
    const there = await mountEditor({ 'map-id': id });
    expect(await there.listVersions()).toEqual([]);
    const saved = await here.saveVersion('Kartläggning');
    await expect.poll(() => there.listVersions()).toEqual([saved]);
    expect(await here.listVersions()).toEqual([saved]);
  });

  it('refuses a version with no name, in the UI language, and stores nothing', async () => {
    const editor = await lindFamily(uniqueId('versions'));
    await expect(editor.saveVersion('   ')).rejects.toThrow(ValidationError);
    await expect(editor.saveVersion('')).rejects.toThrow(/Versionens namn/);
    await expect(editor.saveVersion('x'.repeat(61))).rejects.toThrow(/högst 60/);
    expect(await editor.listVersions()).toEqual([]);
    expect((await rawVersions())!.records).toEqual([]);
  });

  it('seals them with the passphrase like the map, and opens them again with it', async () => {
    const id = uniqueId('versions');
    const editor = await lindFamily(id);
    const saved = await editor.saveVersion('Kartläggning');
    await setPassphrase('korrekt häst batteri zon');
    let raw = (await rawVersions())!;
    expect(raw.records).toHaveLength(1);
    expect(raw.records.every((record) => record.doc === undefined && record.sealed !== undefined)).toBe(true);
    for (const secret of ['Anna Berg', '046-17', 'Kartläggning', 'Familjen Lind']) expect(raw.text).not.toContain(secret);

    // Saved while protected: sealed from the start.
    await editor.saveVersion('Uppföljning');
    raw = (await rawVersions())!;
    expect(raw.text).not.toContain('Uppföljning');
    expect(raw.records.every((record) => record.sealed !== undefined)).toBe(true);

    lock();
    unmountAll();
    expect(await unlock('korrekt häst batteri zon')).toBe(true);
    const again = await mountEditor({ 'map-id': id });
    expect((await again.listVersions()).map((version) => version.label)).toEqual(['Kartläggning', 'Uppföljning']);
    expect((await again.listVersions())[0]).toEqual(saved);
  });

  it('travels in the hand-over file and comes back with an import, without doubling', async () => {
    const editor = await lindFamily(uniqueId('versions'));
    const saved = await editor.saveVersion('Kartläggning');
    const file = editor.exportJson();
    const parsed = JSON.parse(file) as { schemaVersion: number; versions: { id: string; label: string }[] };
    expect(parsed.schemaVersion).toBe(4);
    expect(parsed.versions.map(({ id, label }) => ({ id, label }))).toEqual([{ id: saved.id, label: 'Kartläggning' }]);

    const otherId = uniqueId('versions');
    const other = await mountEditor({ 'map-id': otherId });
    await other.importJson(file);
    await other.importJson(file);
    expect(await other.listVersions()).toEqual([saved]);
    expect((await rawVersions())!.records.filter((record) => record.mapId === otherId)).toHaveLength(1);

    // A map with no versions writes the map document alone, as before.
    const host = await mountEditor({ storage: 'none' });
    expect(Object.keys(JSON.parse(host.exportJson()))).not.toContain('versions');
    // With the host keeping the data, the versions are kept in the editor and carried by the file.
    await host.saveVersion('Avslut');
    expect(JSON.parse(host.exportJson()).versions.map((version: { label: string }) => version.label)).toEqual(['Avslut']);
    expect((await rawVersions())!.records.some((record) => record.mapId === host.map.id)).toBe(false);
  });

  it('refuses a file whose version is bad, and changes nothing: neither the map nor its versions', async () => {
    const editor = await lindFamily(uniqueId('versions'));
    const before = editor.exportJson();
    const file = JSON.parse(before) as Record<string, unknown>;
    const bad = JSON.stringify({
      ...file,
      title: 'Familjen Ny',
      versions: [{ id: 'v', label: 'Kartläggning', savedAt: 'igår', map: file }],
    });
    await expect(editor.importJson(bad)).rejects.toThrow(/versions\[0\]\.savedAt/);
    expect(editor.exportJson()).toBe(before);
    expect(await editor.listVersions()).toEqual([]);
  });

  it('goes with its map: deleteMap and deleteAllData leave no version behind', async () => {
    const keep = uniqueId('versions');
    const drop = uniqueId('versions');
    const kept = await lindFamily(keep);
    await kept.saveVersion('Kartläggning');
    const dropped = await lindFamily(drop);
    await dropped.saveVersion('Kartläggning');
    await dropped.saveVersion('Avslut');
    await deleteMap(drop);
    const raw = (await rawVersions())!;
    expect(raw.records.map((record) => record.mapId)).toEqual([keep]);

    unmountAll();
    await deleteAllData();
    expect((await indexedDB.databases()).some((info) => info.name === 'natverkskarta')).toBe(false);
  });

  it('opens a database of the previous version, with its maps, and adds the store for versions', async () => {
    unmountAll();
    await deleteAllData();
    const id = uniqueId('upgrade');
    // The database as version 3 left it: maps, drafts, settings, and a map in it.
    const old = await openDB('natverkskarta', 3, {
      upgrade(db) {
        db.createObjectStore('maps', { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
        db.createObjectStore('drafts', { keyPath: 'id' });
        db.createObjectStore('settings', { keyPath: 'id' });
      },
    });
    const stored = JSON.parse(
      JSON.stringify({
        schemaVersion: 3,
        id,
        title: 'Familjen Öberg',
        sectors: [{ id: 'family' }, { id: 'municipality' }, { id: 'school' }, { id: 'region' }, { id: 'state' }, { id: 'civil' }],
        actors: [],
        ties: [],
        skipped: [],
        createdAt: '2026-11-01T09:00:00.000Z',
        updatedAt: '2026-11-01T09:00:00.000Z',
      }),
    ) as unknown;
    await old.put('maps', { id, doc: stored, revision: 1, savedAt: '2026-11-01T09:00:00.000Z' });
    old.close();
    expect(await rawVersions()).toBeNull();

    const editor = await mountEditor({ 'map-id': id });
    expect(editor.map.title).toBe('Familjen Öberg');
    await editor.saveVersion('Kartläggning');
    const db = await openDB('natverkskarta');
    expect(db.version).toBe(4);
    db.close();
    expect((await rawVersions())!.records).toHaveLength(1);
  });

  it('refuses a version that would make the hand-over file too large to open again, and the file stays one that opens', async () => {
    const editor = await mountEditor({ 'map-id': uniqueId('large') });
    // 500 contacts, each with a long note: about 1.4 million characters for the map alone.
    const base = editor.map;
    editor.map = {
      ...base,
      actors: Array.from({ length: 500 }, (_, i) => ({
        ...actorFromInput(
          {
            category: 'annan',
            sector: base.sectors[i % base.sectors.length]!.id,
            ring: ((i % 3) + 1) as 1 | 2 | 3,
            organisation: `Kontakt ${i}`,
            note: `Anteckning ${i}: ${'å'.repeat(2200)}`,
          },
          base,
          `a${i}`,
        ),
        position: { x: 40 * Math.cos(i), y: 40 * Math.sin(i) },
      })),
    };
    const saved = [];
    for (const label of ['Kartläggning', 'Uppföljning 1', 'Uppföljning 2']) saved.push(await editor.saveVersion(label));
    const refused = await editor.saveVersion('Avslut').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as Error).message).toMatch(
      /^Felaktiga uppgifter: Kartan med sina versioner ryms inte i en fil på högst 6 MB/,
    );
    expect(await editor.listVersions()).toEqual(saved);

    // What was kept still makes a file that opens, with every version, in an editor elsewhere.
    const file = editor.exportJson();
    expect(file.length).toBeLessThanOrEqual(6_000_000);
    const elsewhere = await mountEditor({ 'map-id': uniqueId('elsewhere') });
    await elsewhere.importJson(file);
    expect((await elsewhere.listVersions()).map((version) => version.label)).toEqual(saved.map((version) => version.label));
  });

  it('reads the versions again when they could not be read at first, so that none is missing from the file', async () => {
    const id = uniqueId('unread');
    const first = await lindFamily(id);
    const kept = await first.saveVersion('Kartläggning');
    await first.flush();
    unmountAll();

    // The versions cannot be read when the map is opened (the map itself can).
    const realGetAll = IDBIndex.prototype.getAll;
    let reads = 0;
    IDBIndex.prototype.getAll = function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
      if (this.objectStore.name === 'versions' && reads++ === 0) throw new DOMException('Unreadable', 'UnknownError');
      return realGetAll.apply(this, args);
    };
    try {
      const editor = await mountEditor({ 'map-id': id });
      expect(reads).toBeGreaterThan(0);
      expect(editor.map.actors).toHaveLength(2);
      const next = await editor.saveVersion('Uppföljning');
      expect((await editor.listVersions()).map((version) => version.id)).toEqual([kept.id, next.id]);
      expect(JSON.parse(editor.exportJson()).versions.map((version: { label: string }) => version.label)).toEqual([
        'Kartläggning',
        'Uppföljning',
      ]);
    } finally {
      IDBIndex.prototype.getAll = realGetAll;
    }
  });
});
