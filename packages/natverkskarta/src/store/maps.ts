import { restoreMap } from '../model/restore.js';
import type { MapDocument } from '../model/types.js';
import { database, dropDatabase } from './database.js';
import { RevisionConflict, toStorageError } from './errors.js';
import type { StoredMap } from './schema.js';
import { announce } from './sync.js';

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

/** A stored map and how many times it has been saved. */
export interface MapRevision {
  doc: MapDocument;
  revision: number;
  /** Edits rescued as a page went away, not yet taken into the stored map. */
  draft?: { doc: MapDocument; basedOn: number };
}

function restored(record: StoredMap): MapRevision {
  return { doc: restoreMap(record.doc), revision: record.revision };
}

/** The stored map with this id, validated and migrated; undefined when there is none. */
export async function loadMap(id: string): Promise<MapDocument | undefined> {
  return (await loadMapRevision(id))?.doc;
}

/** The stored map and, if a page went away with unsaved edits, the draft it left. */
export async function loadMapRevision(id: string): Promise<MapRevision | undefined> {
  const [record, draft] = await run(async () => {
    const tx = (await database()).transaction(['maps', 'drafts']);
    const both = await Promise.all([tx.objectStore('maps').get(id), tx.objectStore('drafts').get(id)]);
    await tx.done;
    return both;
  });
  const found: MapRevision | undefined = record ? restored(record) : undefined;
  if (!draft) return found;
  let draftDoc: MapDocument;
  try {
    draftDoc = restoreMap(draft.doc);
  } catch {
    return found;
  }
  return { doc: found?.doc ?? draftDoc, revision: found?.revision ?? 0, draft: { doc: draftDoc, basedOn: draft.basedOn } };
}

/** Forgets a map's rescued draft once it has been dealt with. */
export async function deleteDraft(id: string): Promise<void> {
  await run(async () => (await database()).delete('drafts', id));
}

/**
 * Stores the map if what is stored is still the revision it was based on (0: nothing stored yet), in one
 * readwrite transaction, so that two tabs never silently overwrite each other. Resolves with the new revision;
 * rejects with a `RevisionConflict` carrying the newer stored version.
 */
export async function saveMapRevision(doc: MapDocument, basedOn: number): Promise<number> {
  const revision = await run(async () => {
    const db = await database();
    const tx = db.transaction(['maps', 'drafts'], 'readwrite');
    const maps = tx.objectStore('maps');
    const current = await maps.get(doc.id);
    // A map deleted meanwhile is written anew: what this tab holds is all there is.
    if (current && current.revision !== basedOn) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new RevisionConflict(restored(current));
    }
    const next = (current?.revision ?? 0) + 1;
    await maps.put({ id: doc.id, doc, revision: next, savedAt: new Date().toISOString() });
    // Stored properly now: a rescue copy from this tab is no longer needed.
    await tx.objectStore('drafts').delete(doc.id);
    await tx.done;
    return next;
  });
  announce({ type: 'saved', id: doc.id, revision });
  return revision;
}

/** Stores the map under its id, over whatever is stored. Resolves once the write is committed. */
export async function saveMap(doc: MapDocument): Promise<void> {
  const revision = await run(async () => {
    const db = await database();
    const tx = db.transaction('maps', 'readwrite');
    const previous = await tx.store.get(doc.id);
    const next = (previous?.revision ?? 0) + 1;
    await tx.store.put({ id: doc.id, doc, revision: next, savedAt: new Date().toISOString() });
    await tx.done;
    return next;
  });
  announce({ type: 'saved', id: doc.id, revision });
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
  const revision = await run(async () => {
    const db = await database();
    const tx = db.transaction('maps', 'readwrite');
    const record = await tx.store.get(id);
    if (record) {
      const doc = { ...record.doc, title: title.trim(), updatedAt: new Date().toISOString() };
      await tx.store.put({ ...record, doc, revision: record.revision + 1, savedAt: doc.updatedAt });
    }
    await tx.done;
    return record ? record.revision + 1 : null;
  });
  if (revision !== null) announce({ type: 'saved', id, revision });
}

/** Deletes one saved map for good. */
export async function deleteMap(id: string): Promise<void> {
  await run(async () => {
    const tx = (await database()).transaction(['maps', 'drafts'], 'readwrite');
    await Promise.all([tx.objectStore('maps').delete(id), tx.objectStore('drafts').delete(id)]);
    await tx.done;
  });
  announce({ type: 'deleted', id });
}

/** Deletes every map and the database itself: nothing of any family stays in this browser. */
export async function deleteAllData(): Promise<void> {
  await dropDatabase();
  announce({ type: 'deleted', id: null });
}
