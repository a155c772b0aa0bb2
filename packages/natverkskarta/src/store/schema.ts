import type { DBSchema } from 'idb';
import type { MapDocument } from '../model/types.js';

export const DB_NAME = 'natverkskarta';
/**
 * Bump with a step in `upgrade()` (database.ts) whenever the stores or indexes change.
 * 1: `maps`. 2: `drafts`, the rescue copy written as a page goes away.
 */
export const DB_VERSION = 2;

/** One saved map. `revision` counts saves, so that a later writer can tell it is not overwriting newer work. */
export interface StoredMap {
  id: string;
  doc: MapDocument;
  revision: number;
  savedAt: string;
}

/**
 * Unsaved edits written in the instant a page is hidden or closed, when there is no time to check revisions.
 * The next load takes them in (or keeps them as a copy); the next regular save deletes them.
 */
export interface StoredDraft {
  id: string;
  doc: MapDocument;
  /** The revision of `maps` the edits were made on. */
  basedOn: number;
  savedAt: string;
}

export interface NatverkskartaDB extends DBSchema {
  maps: {
    key: string;
    value: StoredMap;
    indexes: { savedAt: string };
  };
  drafts: {
    key: string;
    value: StoredDraft;
  };
}
