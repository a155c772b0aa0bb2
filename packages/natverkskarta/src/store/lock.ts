import { restoreMap } from '../model/restore.js';
import type { MapDocument } from '../model/types.js';
import { database } from './database.js';
import { StorageError, toStorageError } from './errors.js';
import { deriveKey, seal, unseal, type Sealed } from './seal.js';
import type { LockSettings } from './schema.js';
import { announce, listen } from './sync.js';
import { setDraftSealer } from './draft-sealer.js';

/** The known value sealed with the key, so that a wrong passphrase is told apart before anything is touched. */
export const CHECK = 'natverkskarta';

/** The unlocked key, in this tab's memory only; never stored, never extractable. */
let key: CryptoKey | null = null;
/** The lock settings as last read: null when no passphrase is set, undefined before the first read. */
let settings: LockSettings | null | undefined;

let listening = false;

async function readSettings(): Promise<LockSettings | null> {
  if (!listening) {
    listening = true;
    // Another tab may set or remove the passphrase: read the settings anew then.
    listen((message) => {
      if (message.type === 'lock-changed' || (message.type === 'deleted' && message.id === null)) {
        settings = undefined;
      }
      // One lock for the whole browser: locking in one tab locks all, unlocking in one opens all.
      if (message.type === 'locked') lockHere();
      if (message.type === 'unlocked') void takeKey(message.key);
    });
  }
  if (settings === undefined) {
    settings = (await (await database()).get('settings', 'lock')) ?? null;
    // Another tab may have changed the passphrase: a key that no longer opens the lock must never seal again
    // (what it sealed no passphrase could open). This tab is then locked, and asks for the new one.
    if (key && (!settings || !(await opens(key, settings)))) void setKey(null);
  }
  return settings;
}

/**
 * What an editor hears of the lock in this tab: `locking` just before the key goes (the last moment to seal what
 * is unsaved), `locked` once it is gone, `unlocked` once a key is here again.
 */
export type LockEvent = 'locking' | 'locked' | 'unlocked';

const lockListeners = new Set<(event: LockEvent) => void>();

/** Calls `listener` at every change of the lock in this tab; returns the function that stops it. */
export function onLockChange(listener: (event: LockEvent) => void): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

function emit(event: LockEvent): void {
  for (const listener of [...lockListeners]) listener(event);
}

/** Forgets the key here, after every editor has sealed what it had not saved. */
function lockHere(): void {
  if (!key) return;
  emit('locking');
  void setKey(null);
  emit('locked');
}

/** A key another tab unlocked with: taken if it opens this browser's lock. */
async function takeKey(candidate: CryptoKey): Promise<void> {
  if (key) return;
  const lock = await readSettings();
  if (!lock || key || !(await opens(candidate, lock))) return;
  await setKey(candidate);
  emit('unlocked');
}

/** Holds (or forgets) the unlocked key, with the draft key that goes with it. */
async function setKey(next: CryptoKey | null): Promise<void> {
  key = next;
  setDraftSealer(null);
  if (!next) return;
  // Without the draft key the maps still open and save; only a page closed mid-edit would lose that edit.
  await import('./draft-key.js').then((draftKey) => draftKey.armDraftKey(next)).catch(() => undefined);
  if (key !== next) setDraftSealer(null);
}

async function opens(candidate: CryptoKey, lock: LockSettings): Promise<boolean> {
  try {
    return (await unseal(candidate, lock.check)) === CHECK;
  } catch {
    return false;
  }
}

/** Forgets the settings and the key, as when the whole database is deleted. */
export function forgetLock(): void {
  settings = undefined;
  void setKey(null);
}

/** Whether the stored maps are protected by a passphrase. */
export async function isProtected(): Promise<boolean> {
  try {
    return (await readSettings()) !== null;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Whether this tab holds the key (always true when nothing is protected). */
export async function isUnlocked(): Promise<boolean> {
  return key !== null || !(await isProtected());
}

/** Whether, as far as this tab knows right now, stored maps must be sealed (for writes that cannot wait). */
export function mustSealNow(): boolean {
  return settings !== null;
}

/** Unlocks with the passphrase; false, with nothing changed, when it is wrong. */
export async function unlock(passphrase: string): Promise<boolean> {
  const lock = await readSettings();
  if (!lock) return true;
  const candidate = await deriveKey(passphrase, lock.salt, lock.iterations);
  if (!(await opens(candidate, lock))) return false;
  await setKey(candidate);
  emit('unlocked');
  announce({ type: 'unlocked', key: candidate });
  return true;
}

/**
 * Locks the maps in every tab: each open editor seals what it had not saved, leaves the map and shows the unlock
 * form; the maps are unreadable in this browser until unlocked again.
 */
export function lock(): void {
  lockHere();
  announce({ type: 'locked' });
}

/** Seals a document (or a version's name and map) for storing, when a passphrase is set. */
export async function encode<T = MapDocument>(doc: T): Promise<{ doc?: T; sealed?: Sealed }> {
  if (!(await readSettings())) return { doc };
  if (!key) throw new StorageError('locked', 'the maps are protected and locked');
  return { sealed: await seal(key, doc) };
}

/** A stored record's value as it was written, opened with the key when it is sealed; not yet checked. */
export async function open(record: { doc?: unknown; sealed?: Sealed; sealedKey?: Sealed }): Promise<unknown> {
  // Read the settings with every load, so that a write that cannot wait knows whether to seal.
  await readSettings();
  if (!record.sealed) return record.doc;
  if (!key) throw new StorageError('locked', 'the maps are protected and locked');
  return record.sealedKey
    ? (await import('./draft-key.js')).openDraft(key, record.sealedKey, record.sealed)
    : unseal(key, record.sealed);
}

/** A stored record's document, opened with the key when it is sealed, and restored (checked, migrated). */
export async function decode(record: { doc?: MapDocument; sealed?: Sealed; sealedKey?: Sealed }): Promise<MapDocument> {
  return restoreMap(await open(record));
}

/** The lock as passphrase.ts changed it (every map re-encoded): its settings and key here, and news to every tab. */
export async function adopt(next: CryptoKey | null, nextSettings: LockSettings | null): Promise<void> {
  settings = nextSettings;
  await setKey(next);
  announce({ type: 'lock-changed' });
}

/** The unlocked key, for passphrase.ts: null when locked or when nothing is protected. */
export function heldKey(): CryptoKey | null {
  return key;
}

/** Protects every stored map (and those saved later) with a passphrase; the stored bytes become unreadable without it. */
export async function setPassphrase(passphrase: string): Promise<void> {
  if (passphrase.length < 8) throw new StorageError('failed', 'a passphrase needs at least 8 characters');
  return (await passphraseCode()).setPassphrase(passphrase);
}

/** Removes the passphrase: the maps are stored readable again. The right passphrase is needed. */
export async function removePassphrase(passphrase: string): Promise<boolean> {
  return (await passphraseCode()).removePassphrase(passphrase);
}

/**
 * Setting or removing a passphrase is rare: its code comes when asked for, not with the editor's first picture. A
 * chunk that cannot be fetched (offline, a site updated since the page loaded) fails as the store does.
 */
function passphraseCode(): Promise<typeof import('./passphrase.js')> {
  return import('./passphrase.js').catch((error: unknown) => {
    throw toStorageError(error);
  });
}
