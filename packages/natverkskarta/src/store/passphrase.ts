/**
 * Setting, changing and removing the passphrase: every stored map, draft and version re-encoded in one
 * transaction with the lock's settings. Loaded by `setPassphrase` and `removePassphrase` (lock.ts) when called.
 */
import { database } from './database.js';
import { StorageError } from './errors.js';
import { adopt, CHECK, decode, heldKey, isProtected, open, unlock } from './lock.js';
import { deriveKey, PBKDF2_ITERATIONS, randomBytes, seal } from './seal.js';
import type { LockSettings, StoredDraft, StoredMap, StoredVersion } from './schema.js';

/** Every map and draft, re-encoded with `next` (a key, or null for plain), in one transaction with the settings. */
async function reencode(next: CryptoKey | null, nextSettings: LockSettings | null): Promise<void> {
  const db = await database();
  const [maps, drafts, versions] = await Promise.all([db.getAll('maps'), db.getAll('drafts'), db.getAll('versions')]);
  const convert = async <T extends StoredMap | StoredDraft | StoredVersion>(record: T): Promise<T> => {
    // A version is opened as it was written; the model checks it when it is read (versions.ts).
    const doc = 'mapId' in record ? await open(record) : await decode(record);
    const { doc: _plain, sealed: _sealed, sealedKey: _draftKey, ...rest } = record as StoredDraft;
    return (next ? { ...rest, sealed: await seal(next, doc) } : { ...rest, doc }) as T;
  };
  // Sealing is asynchronous and an IndexedDB transaction must not wait on anything else: prepare all first.
  const [newMaps, newDrafts, newVersions] = await Promise.all([
    Promise.all(maps.map(convert)),
    Promise.all(drafts.map(convert)),
    Promise.all(versions.map(convert)),
  ]);
  const tx = db.transaction(['maps', 'drafts', 'settings', 'versions'], 'readwrite');
  for (const record of newMaps) void tx.objectStore('maps').put(record);
  for (const record of newDrafts) void tx.objectStore('drafts').put(record);
  for (const record of newVersions) void tx.objectStore('versions').put(record);
  if (nextSettings) void tx.objectStore('settings').put(nextSettings);
  else void tx.objectStore('settings').delete('lock');
  await tx.done;
  await adopt(next, nextSettings);
}

/** See `setPassphrase` in lock.ts, which checks the passphrase's length. */
export async function setPassphrase(passphrase: string): Promise<void> {
  if ((await isProtected()) && !heldKey()) throw new StorageError('locked', 'unlock before changing the passphrase');
  const salt = randomBytes(16);
  const next = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  await reencode(next, { id: 'lock', salt, iterations: PBKDF2_ITERATIONS, check: await seal(next, CHECK) });
}

/** See `removePassphrase` in lock.ts. */
export async function removePassphrase(passphrase: string): Promise<boolean> {
  if (!(await unlock(passphrase))) return false;
  await reencode(null, null);
  return true;
}
