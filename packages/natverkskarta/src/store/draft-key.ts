import { randomBytes, sealBytes, unsealBytes, type Sealed } from './seal.js';

type Gcm = (typeof import('@noble/ciphers/aes.js'))['gcm'];

/**
 * A closing page cannot wait for WebCrypto, whose every call is asynchronous: a draft sealed with the passphrase's
 * key is always a step behind the last edit. So each unlocked tab has a draft key of its own — 256 random bits, in
 * this tab's memory only — sealed once, ahead, with the passphrase's key. As the page goes away the draft is sealed
 * with it synchronously (AES-GCM by @noble/ciphers, the same cipher, so WebCrypto opens it again) and stored with
 * the sealed draft key. Nothing is ever written unsealed, and the passphrase's key stays non-extractable.
 */
let armed: { bytes: Uint8Array<ArrayBuffer>; sealedKey: Sealed } | null = null;
let gcm: Gcm | null = null;

/** Makes a fresh draft key for the key this tab just unlocked with, and fetches the cipher; resolves when both are ready. */
export async function armDraftKey(key: CryptoKey): Promise<void> {
  armed = null;
  const [cipher, bytes] = await Promise.all([import('@noble/ciphers/aes.js').then((module) => module.gcm), randomBytes(32)]);
  gcm = cipher;
  armed = { bytes, sealedKey: await sealBytes(key, bytes) };
}

/** Forgets the draft key, as when the tab is locked or the passphrase changes. */
export function disarmDraftKey(): void {
  armed = null;
}

/** The document sealed with the draft key, synchronously; null when this tab holds no draft key (it is locked). */
export function sealDraftNow(value: unknown): { sealed: Sealed; sealedKey: Sealed } | null {
  if (!armed || !gcm) return null;
  const iv = randomBytes(12);
  const data = gcm(armed.bytes, iv).encrypt(new TextEncoder().encode(JSON.stringify(value)));
  return { sealed: { iv, data: data.slice().buffer }, sealedKey: armed.sealedKey };
}

/** A draft sealed with a draft key: the key opened with the passphrase's key, then the draft with WebCrypto. */
export async function openDraft(key: CryptoKey, sealedKey: Sealed, sealed: Sealed): Promise<unknown> {
  const raw = await unsealBytes(key, sealedKey);
  const draftKey = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
  return JSON.parse(new TextDecoder().decode(await unsealBytes(draftKey, sealed))) as unknown;
}
