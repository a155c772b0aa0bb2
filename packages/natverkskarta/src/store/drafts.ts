import type { MapDocument } from '../model/types.js';
import { databaseNow } from './database.js';
import { lockGeneration, mustSealNow, sealNow } from './lock.js';
import type { Sealed } from './seal.js';

/** With a passphrase set, the latest unsaved document sealed ahead of time: sealing cannot happen synchronously. */
let prepared: { id: string; sealed: Sealed; generation: number } | null = null;

/** Seals the latest unsaved document ahead, so that `writeDraftNow` has it ready. Called at every edit. */
export async function prepareDraft(doc: MapDocument): Promise<void> {
  if (!mustSealNow()) return;
  const generation = lockGeneration();
  const sealed = await sealNow(doc);
  if (sealed && generation === lockGeneration()) prepared = { id: doc.id, sealed, generation };
}

/**
 * Writes unsaved edits in this very instant, without awaiting anything: called as the page is hidden or closed,
 * when an asynchronous save would be cut off. Returns false when nothing could be written. With a passphrase
 * set it writes only the sealed copy prepared ahead (at most one edit behind), never plain text.
 */
export function writeDraftNow(doc: MapDocument, basedOn: number): boolean {
  const db = databaseNow();
  if (!db) return false;
  let content: { doc?: MapDocument; sealed?: Sealed };
  if (!mustSealNow()) content = { doc };
  else if (prepared?.id === doc.id && prepared.generation === lockGeneration()) content = { sealed: prepared.sealed };
  else return false;
  try {
    const tx = db.transaction('drafts', 'readwrite');
    void tx.store.put({ id: doc.id, ...content, basedOn, savedAt: new Date().toISOString() }).catch(() => undefined);
    // Committing now, rather than when the task ends, is what lets the write outlive a closing page.
    (tx as unknown as IDBTransaction).commit?.();
    tx.done.catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}
