import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { StorageError, toStorageError } from './errors.js';
import { DB_NAME, DB_VERSION, type NatverkskartaDB } from './schema.js';

type Database = IDBPDatabase<NatverkskartaDB>;

let connection: Promise<Database> | null = null;
/** The open connection, for writes that must start at once (as a page goes away); null while none is open. */
let openNow: Database | null = null;

/** How long an upgrade may wait for another tab (with older code) to let go before the user is told. */
const BLOCKED_TIMEOUT = 3000;

function forget(db?: Database): void {
  if (!db || openNow === db) openNow = null;
  connection = null;
}

/**
 * The shared connection, opened on first use. When another tab upgrades or deletes the database, or the
 * browser ends the connection, it is dropped and the next call opens a fresh one.
 */
export function database(): Promise<Database> {
  if (connection) return connection;
  if (typeof indexedDB === 'undefined' || indexedDB === null)
    return Promise.reject(new StorageError('unavailable', 'indexedDB is not available'));
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  let rejectBlocked: (error: unknown) => void = () => undefined;
  const blocked = new Promise<never>((_, reject) => {
    rejectBlocked = reject;
  });
  const opening = openDB<NatverkskartaDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const maps = db.createObjectStore('maps', { keyPath: 'id' });
        maps.createIndex('savedAt', 'savedAt');
      }
      if (oldVersion < 2) db.createObjectStore('drafts', { keyPath: 'id' });
      if (oldVersion < 3) db.createObjectStore('settings', { keyPath: 'id' });
      if (oldVersion < 4) db.createObjectStore('versions', { keyPath: ['mapId', 'id'] }).createIndex('mapId', 'mapId');
    },
    blocked() {
      // Another tab keeps an older version open. Ours step aside at once (see `blocking`); one that does
      // not would keep us waiting, so after a while the user is told instead of left hanging.
      blockedTimer = setTimeout(() => rejectBlocked(new StorageError('unavailable', 'blocked by another tab')), BLOCKED_TIMEOUT);
    },
    blocking() {
      void opening.then((db) => {
        db.close();
        forget(db);
      });
    },
    terminated() {
      void opening.then((db) => forget(db));
    },
  });
  const ready = Promise.race([opening, blocked])
    .then((db) => {
      clearTimeout(blockedTimer);
      openNow = db;
      return db;
    })
    .catch((error: unknown) => {
      clearTimeout(blockedTimer);
      connection = null;
      // A connection that opens after all is closed again: this attempt has already failed.
      void opening.then((db) => db.close()).catch(() => undefined);
      throw toStorageError(error);
    });
  connection = ready;
  return ready;
}

/**
 * Whether the database exists, without creating it: reading a list of maps must not leave an empty database behind
 * in a browser from which everything was deleted. True when the browser cannot tell.
 */
export async function databaseExists(): Promise<boolean> {
  if (connection) return true;
  if (typeof indexedDB === 'undefined' || indexedDB === null || typeof indexedDB.databases !== 'function') return true;
  try {
    return (await indexedDB.databases()).some((info) => info.name === DB_NAME);
  } catch {
    return true;
  }
}

/** The connection if it is open right now: for a write that cannot wait. */
export function databaseNow(): Database | null {
  return openNow;
}

/** Closes the shared connection and deletes the whole database. */
export async function dropDatabase(): Promise<void> {
  const open = connection;
  forget();
  if (open) (await open.catch(() => null))?.close();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // Another tab with older code may hold the database open and never let go: tell the user, do not hang.
    await new Promise<void>((resolve, reject) => {
      deleteDB(DB_NAME, {
        blocked() {
          timer = setTimeout(() => reject(new StorageError('unavailable', 'deletion blocked by another tab')), BLOCKED_TIMEOUT);
        },
      }).then(resolve, reject);
    });
  } catch (error) {
    throw toStorageError(error);
  } finally {
    clearTimeout(timer);
  }
}
