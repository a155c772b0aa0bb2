import { gcm } from '@noble/ciphers/aes.js';
import { setDraftSealer } from './draft-sealer.js';
import { randomBytes, sealBytes, unsealBytes, type Sealed } from './seal.js';

/**
 * A closing page cannot wait for WebCrypto, whose every call is asynchronous: a draft sealed with the passphrase's
 * key is always a step behind the last edit. So each unlocked tab has a draft key of its own — 256 random bits, in
 * this tab's memory only — sealed once, ahead, with the passphrase's key. As the page goes away the draft is sealed
 * with it synchronously (AES-GCM by @noble/ciphers, the same cipher, so WebCrypto opens it again) and stored with
 * the sealed draft key. Nothing is ever written unsealed, and the passphrase's key stays non-extractable.
 */
/**
 * Makes a fresh draft key for the key this tab just unlocked with; resolves once drafts can be sealed with it.
 * This module is a chunk of its own, with the cipher, fetched at unlock (`lock.ts`).
 */
export async function armDraftKey(key: CryptoKey): Promise<void> {
  setDraftSealer(null);
  const bytes = randomBytes(32);
  const sealedKey = await sealBytes(key, bytes);
  setDraftSealer((value) => {
    const iv = randomBytes(12);
    const data = gcm(bytes, iv).encrypt(new TextEncoder().encode(JSON.stringify(value)));
    return { sealed: { iv, data: data.slice().buffer }, sealedKey };
  });
}

/** A draft sealed with a draft key: the key opened with the passphrase's key, then the draft with WebCrypto. */
export async function openDraft(key: CryptoKey, sealedKey: Sealed, sealed: Sealed): Promise<unknown> {
  const raw = await unsealBytes(key, sealedKey);
  const draftKey = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
  return JSON.parse(new TextDecoder().decode(await unsealBytes(draftKey, sealed))) as unknown;
}
