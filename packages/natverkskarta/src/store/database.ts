import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { StorageError, toStorageError } from './errors.js';
import { DB_NAME, DB_VERSION, type NatverkskartaDB } from './schema.js';

type Database = IDBPDatabase<NatverkskartaDB>;

let connection: Promise<Database> | null = null;
/** The open connection, for writes that must start at once (as a page goes away); null while none is open. */
let openNow: Database | null = null;

/** How long an upgrade may wait for another tab (with older code) to let go before the user is told. */
const BLOCKED_TIMEOUT = 3000;

/**
 * An open request on its way. One that another tab blocks stays queued in the browser after the user was told: a
 * new request would wait behind it and never hear that it is blocked, so the next attempt waits on this one instead,
 * and takes its connection if the other tab lets go.
 */
interface Opening extends Blockable {
  db: Promise<Database>;
}

/** A request to open or delete the database, which another tab may block. */
interface Blockable {
  blocked: boolean;
  whenBlocked: (() => void)[];
}

function markBlocked(request: Blockable): void {
  request.blocked = true;
  for (const told of request.whenBlocked.splice(0)) told();
}

let opening: Opening | null = null;
/**
 * A deletion given up on while another tab blocked it: it stays queued in the browser, and an open made now waits
 * behind it without being told it is blocked. Such an open is given up on as a blocked one is.
 */
let deletionWaiting = false;

function forget(db?: Database): void {
  if (!db || openNow === db) openNow = null;
  connection = null;
}

function openRequest(): Opening {
  const state: Blockable = { blocked: deletionWaiting, whenBlocked: [] };
  const db: Promise<Database> = openDB<NatverkskartaDB>(DB_NAME, DB_VERSION, {
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
      markBlocked(state);
    },
    blocking() {
      void db.then((open) => {
        open.close();
        forget(open);
      });
    },
    terminated() {
      void db.then((open) => forget(open));
    },
  });
  const request: Opening = Object.assign(state, { db });
  db.then(
    (open) => {
      if (opening !== request) return;
      opening = null;
      // Opened after every attempt had given up on it (the other tab let go): the connection from now on.
      if (!connection) {
        connection = Promise.resolve(open);
        openNow = open;
      }
    },
    () => {
      if (opening === request) opening = null;
    },
  );
  return request;
}

/** Rejects `BLOCKED_TIMEOUT` after the request is (or was already) blocked by another tab. */
function givenUp(request: Blockable, error: StorageError): { promise: Promise<never>; stop: () => void; error: StorageError } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_, reject) => {
    const start = () => (timer = setTimeout(() => reject(error), BLOCKED_TIMEOUT));
    if (request.blocked) start();
    else request.whenBlocked.push(start);
  });
  return { promise, stop: () => clearTimeout(timer), error };
}

/**
 * The shared connection, opened on first use. When another tab upgrades or deletes the database, or the
 * browser ends the connection, it is dropped and the next call opens a fresh one.
 */
export function database(): Promise<Database> {
  if (connection) return connection;
  if (typeof indexedDB === 'undefined' || indexedDB === null)
    return Promise.reject(new StorageError('unavailable', 'indexedDB is not available'));
  const request = (opening ??= openRequest());
  const blocked = givenUp(request, new StorageError('unavailable', 'blocked by another tab'));
  const ready = Promise.race([request.db, blocked.promise])
    .then((db) => {
      blocked.stop();
      openNow = db;
      return db;
    })
    .catch((error: unknown) => {
      blocked.stop();
      connection = null;
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
  const waiting = opening;
  forget();
  opening = null;
  if (open) (await open.catch(() => null))?.close();
  // An open still blocked by another tab: the deletion waits behind it, and closes it if it opens after all.
  if (waiting) void waiting.db.then((db) => db.close()).catch(() => undefined);
  // Another tab with older code may hold the database open and never let go: tell the user, do not hang. Behind a
  // blocked open the deletion is never told it is blocked itself: it is given up on as that open would be.
  const deletion: Blockable = { blocked: (waiting?.blocked ?? false) || deletionWaiting, whenBlocked: [] };
  const blocked = givenUp(deletion, new StorageError('unavailable', 'deletion blocked by another tab'));
  const deleting = deleteDB(DB_NAME, { blocked: () => markBlocked(deletion) });
  try {
    await Promise.race([deleting, blocked.promise]);
  } catch (error) {
    // Given up on, it stays queued until the other tab lets go; what is opened meanwhile waits behind it.
    if (error === blocked.error) {
      deletionWaiting = true;
      void deleting.then(
        () => (deletionWaiting = false),
        () => (deletionWaiting = false),
      );
    }
    throw toStorageError(error);
  } finally {
    blocked.stop();
  }
}
