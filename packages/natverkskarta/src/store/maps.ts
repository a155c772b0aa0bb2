import { restoreMap } from '../model/restore.js';
import type { MapDocument } from '../model/types.js';
import { database, dropDatabase } from './database.js';
import { toStorageError } from './errors.js';

/** What a host's list of saved maps shows. */
export interface MapSummary {
  id: string;
  title: string;
  actorCount: number;
  /** ISO timestamp of the last edit. */
  updatedAt: string;
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error);
  }
}

/** The stored map with this id, validated and migrated; undefined when there is none. */
export async function loadMap(id: string): Promise<MapDocument | undefined> {
  const record = await run(async () => (await database()).get('maps', id));
  return record ? restoreMap(record.doc) : undefined;
}

/** Stores the map under its id, in one transaction. Resolves once the write is committed. */
export async function saveMap(doc: MapDocument): Promise<void> {
  await run(async () => {
    const db = await database();
    const tx = db.transaction('maps', 'readwrite');
    const previous = await tx.store.get(doc.id);
    await tx.store.put({ id: doc.id, doc, revision: (previous?.revision ?? 0) + 1, savedAt: new Date().toISOString() });
    await tx.done;
  });
}

/** Every saved map, the most recently changed first. */
export async function listMaps(): Promise<MapSummary[]> {
  const records = await run(async () => (await database()).getAll('maps'));
  return records
    .map(({ doc }) => ({ id: doc.id, title: doc.title, actorCount: doc.actors.length, updatedAt: doc.updatedAt }))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Renames a saved map (the family at its centre). */
export async function renameMap(id: string, title: string): Promise<void> {
  await run(async () => {
    const db = await database();
    const tx = db.transaction('maps', 'readwrite');
    const record = await tx.store.get(id);
    if (record) {
      const doc = { ...record.doc, title: title.trim(), updatedAt: new Date().toISOString() };
      await tx.store.put({ ...record, doc, revision: record.revision + 1, savedAt: doc.updatedAt });
    }
    await tx.done;
  });
}

/** Deletes one saved map for good. */
export async function deleteMap(id: string): Promise<void> {
  await run(async () => (await database()).delete('maps', id));
}

/** Deletes every map and the database itself: nothing of any family stays in this browser. */
export async function deleteAllData(): Promise<void> {
  await dropDatabase();
}
