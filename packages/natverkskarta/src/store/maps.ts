import { cleanText } from '../model/clean-text.js';
import type { MapDocument } from '../model/types.js';
import { database, databaseExists, dropDatabase } from './database.js';
import { RevisionConflict, run, StorageError } from './errors.js';
import { decode, encode, forgetLock } from './lock.js';
import type { StoredMap } from './schema.js';
import { announce, type MergeNote } from './sync.js';

/** What a host's list of saved maps shows. */
export interface MapSummary {
  id: string;
  title: string;
  actorCount: number;
  /** ISO timestamp of the last edit. */
  updatedAt: string;
}

/** A stored map and how many times it has been saved. */
export interface MapRevision {
  doc: MapDocument;
  revision: number;
  /** Edits rescued as a page went away, not yet taken into the stored map. */
  draft?: { doc: MapDocument; basedOn: number };
}

async function restored(record: StoredMap): Promise<MapRevision> {
  return { doc: await decode(record), revision: record.revision };
}

/** The stored map with this id, validated and migrated; undefined when there is none. */
export async function loadMap(id: string): Promise<MapDocument | undefined> {
  return (await loadMapRevision(id))?.doc;
}

/** The stored map and, if a page went away with unsaved edits, the draft it left. */
export async function loadMapRevision(id: string): Promise<MapRevision | undefined> {
  return run(async () => {
    const tx = (await database()).transaction(['maps', 'drafts']);
    const [record, draft] = await Promise.all([tx.objectStore('maps').get(id), tx.objectStore('drafts').get(id)]);
    await tx.done;
    const found = record ? await restored(record) : undefined;
    if (!draft) return found;
    let draftDoc: MapDocument;
    try {
      draftDoc = await decode(draft);
    } catch {
      return found;
    }
    return { doc: found?.doc ?? draftDoc, revision: found?.revision ?? 0, draft: { doc: draftDoc, basedOn: draft.basedOn } };
  });
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
export async function saveMapRevision(
  doc: MapDocument,
  basedOn: number,
  options: { keepDraft?: boolean; merge?: MergeNote; by?: string } = {},
): Promise<number> {
  const started = Date.now();
  const revision = await run(async () => {
    // Sealed before the transaction opens: it must not wait on anything but its own requests.
    const encoded = await encode(doc);
    const db = await database();
    const tx = db.transaction(['maps', 'drafts'], 'readwrite');
    const maps = tx.objectStore('maps');
    const current = await maps.get(doc.id);
    // Deleted since this tab loaded it (by "Avsluta och radera", here or in another tab): it stays deleted.
    if (!current && basedOn > 0) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new StorageError('deleted', `map ${doc.id} was deleted`);
    }
    if (current && current.revision !== basedOn) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new RevisionConflict(await restored(current));
    }
    const next = (current?.revision ?? 0) + 1;
    await maps.put({ id: doc.id, ...encoded, revision: next, savedAt: new Date().toISOString() });
    // Stored properly now: a rescue copy is no longer needed — unless it holds edits this write does not: one the
    // caller keeps, or one written while this write was on its way (as the maps were locked, or the page hidden).
    const drafts = tx.objectStore('drafts');
    const draft = options.keepDraft ? undefined : await drafts.get(doc.id);
    if (draft && Date.parse(draft.savedAt) < started) await drafts.delete(doc.id);
    await tx.done;
    return next;
  });
  const { merge, by } = options;
  announce({ type: 'saved', id: doc.id, revision, ...(merge ? { merge } : {}), ...(by ? { by } : {}) });
  return revision;
}

/** Stores the map under its id, over whatever is stored. Resolves once the write is committed. */
export async function saveMap(doc: MapDocument): Promise<void> {
  const revision = await run(async () => {
    const encoded = await encode(doc);
    const tx = (await database()).transaction('maps', 'readwrite');
    const previous = await tx.store.get(doc.id);
    const next = (previous?.revision ?? 0) + 1;
    await tx.store.put({ id: doc.id, ...encoded, revision: next, savedAt: new Date().toISOString() });
    await tx.done;
    return next;
  });
  announce({ type: 'saved', id: doc.id, revision });
}

/** Every saved map, the most recently changed first. Rejects with kind `locked` while protected maps are locked. */
export async function listMaps(): Promise<MapSummary[]> {
  if (!(await databaseExists())) return [];
  return run(async () => {
    const records = await (await database()).getAll('maps');
    const docs = await Promise.all(records.map((record) => decode(record)));
    return docs
      .map((doc) => ({ id: doc.id, title: doc.title, actorCount: doc.actors.length, updatedAt: doc.updatedAt }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  });
}

/** Renames a saved map (the family at its centre), and a draft a closed tab left of it, so that neither is lost. */
export async function renameMap(id: string, title: string): Promise<void> {
  const current = await loadMapRevision(id);
  if (!current) return;
  const clean = cleanText(title).trim();
  const updatedAt = new Date().toISOString();
  const draft = current.draft;
  if (draft && draft.basedOn === current.revision) {
    // The draft is the newest state of the map: it is what gets the new name and is stored.
    await saveMapRevision({ ...draft.doc, id, title: clean, updatedAt }, current.revision);
    return;
  }
  await saveMapRevision({ ...current.doc, title: clean, updatedAt }, current.revision, { keepDraft: draft !== undefined });
}

/** Deletes one saved map for good, with its draft and every version of it. */
export async function deleteMap(id: string): Promise<void> {
  await run(async () => {
    const tx = (await database()).transaction(['maps', 'drafts', 'versions'], 'readwrite');
    const versions = tx.objectStore('versions');
    const keys = await versions.index('mapId').getAllKeys(id);
    await Promise.all([
      tx.objectStore('maps').delete(id),
      tx.objectStore('drafts').delete(id),
      ...keys.map((key) => versions.delete(key)),
    ]);
    await tx.done;
  });
  announce({ type: 'deleted', id });
}

/** What IndexedDB holds, for a receipt: whether the database is there at all, and its records (of one map, or all). */
export interface StoredRecords {
  database: boolean;
  maps: number;
  drafts: number;
  versions: number;
}

/**
 * Counts what this browser stores of a map (or of every map), read from IndexedDB itself, so that a host can show
 * at the end of the support that nothing is left. Never creates the database to do so.
 */
export async function storedRecords(mapId?: string): Promise<StoredRecords> {
  if (!(await databaseExists())) return { database: false, maps: 0, drafts: 0, versions: 0 };
  return run(async () => {
    const db = await database();
    const [maps, drafts, versions] = await Promise.all([
      mapId === undefined ? db.count('maps') : db.count('maps', mapId),
      mapId === undefined ? db.count('drafts') : db.count('drafts', mapId),
      mapId === undefined ? db.count('versions') : db.countFromIndex('versions', 'mapId', mapId),
    ]);
    return { database: true, maps, drafts, versions };
  });
}

/** Deletes every map, the passphrase lock and the database itself: nothing of any family stays in this browser. */
export async function deleteAllData(): Promise<void> {
  await dropDatabase();
  forgetLock();
  announce({ type: 'deleted', id: null });
}
