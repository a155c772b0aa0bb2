import type { MapDocument } from '../model/types.js';
import { databaseNow } from './database.js';

/**
 * Writes unsaved edits in this very instant, without awaiting anything: called as the page is hidden or closed,
 * when an asynchronous save would be cut off. Returns false when no connection is open.
 */
export function writeDraftNow(doc: MapDocument, basedOn: number): boolean {
  const db = databaseNow();
  if (!db) return false;
  try {
    const tx = db.transaction('drafts', 'readwrite');
    void tx.store.put({ id: doc.id, doc, basedOn, savedAt: new Date().toISOString() }).catch(() => undefined);
    // Committing now, rather than when the task ends, is what lets the write outlive a closing page.
    (tx as unknown as IDBTransaction).commit?.();
    tx.done.catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}
