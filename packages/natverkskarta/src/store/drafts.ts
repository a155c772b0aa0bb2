import type { MapDocument } from '../model/types.js';
import { databaseNow } from './database.js';
import { sealDraftNow } from './draft-sealer.js';
import { mustSealNow } from './lock.js';
import type { StoredDraft } from './schema.js';

/**
 * Writes unsaved edits in this very instant, without awaiting anything: called as the page is hidden or closed,
 * when an asynchronous save would be cut off. Returns false when nothing could be written. With a passphrase set
 * it seals the document with this tab's draft key (see `draft-key.ts`), never writing plain text.
 */
export function writeDraftNow(doc: MapDocument, basedOn: number): boolean {
  const db = databaseNow();
  if (!db) return false;
  let content: Pick<StoredDraft, 'doc' | 'sealed' | 'sealedKey'>;
  if (!mustSealNow()) content = { doc };
  else {
    const sealed = sealDraftNow(doc);
    if (!sealed) return false;
    content = sealed;
  }
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
