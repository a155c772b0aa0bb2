import type { Sealed } from './seal.js';

/** Seals a closing page's draft synchronously; null when this tab holds no draft key. */
export type DraftSealer = (value: unknown) => { sealed: Sealed; sealedKey: Sealed } | null;

let sealer: DraftSealer | null = null;

/**
 * Set by `draft-key.ts` once this tab holds a draft key, and cleared when it is gone. The draft key and its cipher
 * are a chunk fetched at unlock: a map without a passphrase never loads them.
 */
export function setDraftSealer(next: DraftSealer | null): void {
  sealer = next;
}

/** The document sealed with this tab's draft key, synchronously; null when it holds none (it is locked). */
export function sealDraftNow(value: unknown): { sealed: Sealed; sealedKey: Sealed } | null {
  return sealer ? sealer(value) : null;
}
