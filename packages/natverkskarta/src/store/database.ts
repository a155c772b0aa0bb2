import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { StorageError, toStorageError } from './errors.js';
import { DB_NAME, DB_VERSION, type NatverkskartaDB } from './schema.js';

let connection: Promise<IDBPDatabase<NatverkskartaDB>> | null = null;

/**
 * The shared connection, opened on first use. When another tab upgrades the database or the browser ends
 * the connection, it is dropped and the next call opens a fresh one.
 */
export function database(): Promise<IDBPDatabase<NatverkskartaDB>> {
  if (connection) return connection;
  if (typeof indexedDB === 'undefined') return Promise.reject(new StorageError('unavailable', 'indexedDB is not available'));
  const opening = openDB<NatverkskartaDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const maps = db.createObjectStore('maps', { keyPath: 'id' });
        maps.createIndex('savedAt', 'savedAt');
      }
    },
    blocking() {
      // A newer version or a deletion waits for us: step aside; the next call reopens.
      void opening.then((db) => db.close());
      connection = null;
    },
    terminated() {
      connection = null;
    },
  }).catch((error: unknown) => {
    connection = null;
    throw toStorageError(error);
  });
  connection = opening;
  return opening;
}

/** Closes the shared connection and deletes the whole database. */
export async function dropDatabase(): Promise<void> {
  const open = connection;
  connection = null;
  if (open) (await open.catch(() => null))?.close();
  try {
    await deleteDB(DB_NAME);
  } catch (error) {
    throw toStorageError(error);
  }
}
