import type { DBSchema } from 'idb';
import type { MapDocument } from '../model/types.js';
import type { Sealed } from './seal.js';

export const DB_NAME = 'natverkskarta';
/**
 * Bump with a step in `upgrade()` (database.ts) whenever the stores or indexes change.
 * 1: `maps`. 2: `drafts`, the rescue copy written as a page goes away. 3: `settings`, the passphrase lock.
 * 4: `versions`, a map's named snapshots, by map.
 */
export const DB_VERSION = 4;

/**
 * One saved map. `revision` counts saves, so that a later writer can tell it is not overwriting newer work.
 * With a passphrase set, the document is `sealed` (AES-GCM) and `doc` is absent: nothing of it is readable.
 */
export interface StoredMap {
  id: string;
  doc?: MapDocument;
  sealed?: Sealed;
  revision: number;
  savedAt: string;
}

/** The passphrase lock: how to derive the key, and a sealed known value to tell a right passphrase from a wrong one. */
export interface LockSettings {
  id: 'lock';
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  check: Sealed;
}

/**
 * Unsaved edits written in the instant a page is hidden or closed, when there is no time to check revisions.
 * The next load takes them in (or keeps them as a copy); the next regular save deletes them.
 */
export interface StoredDraft {
  id: string;
  doc?: MapDocument;
  sealed?: Sealed;
  /** With a passphrase: the tab's draft key that sealed `sealed`, itself sealed with the passphrase's key (draft-key.ts). */
  sealedKey?: Sealed;
  /** The revision of `maps` the edits were made on. */
  basedOn: number;
  savedAt: string;
}

/**
 * One version of a map (model's `MapVersion`). Its name and its map are `doc` ({ label, map }), or `sealed` with a
 * passphrase; only the ids and the date are readable then.
 */
export interface StoredVersion {
  mapId: string;
  id: string;
  savedAt: string;
  doc?: { label: string; map: MapDocument };
  sealed?: Sealed;
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
  settings: {
    key: string;
    value: LockSettings;
  };
  versions: {
    key: [string, string];
    value: StoredVersion;
    indexes: { mapId: string };
  };
}
