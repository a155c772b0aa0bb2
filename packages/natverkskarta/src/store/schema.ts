import type { DBSchema } from 'idb';
import type { MapDocument } from '../model/types.js';

export const DB_NAME = 'natverkskarta';
/** Bump with a step in `upgrade()` whenever the stores or indexes change. */
export const DB_VERSION = 1;

/** One saved map. `revision` counts saves, so that a later writer can tell it is not overwriting newer work. */
export interface StoredMap {
  id: string;
  doc: MapDocument;
  revision: number;
  savedAt: string;
}

export interface NatverkskartaDB extends DBSchema {
  maps: {
    key: string;
    value: StoredMap;
    indexes: { savedAt: string };
  };
}
