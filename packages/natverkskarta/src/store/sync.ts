import type { MergeNote } from '../model/merge.js';

/**
 * Tells other tabs (and other editors in this page) that a map was stored or deleted, so that they take the
 * newer version instead of overwriting it.
 */
export type StoreMessage =
  | {
      type: 'saved';
      id: string;
      revision: number;
      /** What this save merged that both tabs had changed, for every tab on the map to tell its user. */
      merge?: MergeNote;
      /** Which editor saved (see `saveMapRevision`), so that it does not take its own message for another's. */
      by?: string;
    }
  | { type: 'deleted'; id: string | null }
  /** A version of the map was stored (or came with an import), by the editor `by`. */
  | { type: 'versions'; id: string; by?: string }
  | { type: 'lock-changed' }
  /** A tab locked the maps: every tab forgets its key. */
  | { type: 'locked' }
  /** A tab unlocked the maps: the key (non-extractable; structured-cloned, never serialised) for every tab. */
  | { type: 'unlocked'; key: CryptoKey };

export type { MergeNote } from '../model/merge.js';

const CHANNEL = 'natverkskarta';
let sender: BroadcastChannel | null = null;

export function announce(message: StoreMessage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  sender ??= new BroadcastChannel(CHANNEL);
  sender.postMessage(message);
}

/** Calls `listener` for every message from elsewhere; returns the function that stops listening. */
export function listen(listener: (message: StoreMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<StoreMessage>) => listener(event.data);
  return () => channel.close();
}
