import { html, nothing, type TemplateResult } from 'lit';
import type { StorageStatus } from '../controllers/map-storage-controller.js';
import type { Translations } from '../i18n/index.js';

/**
 * Under the map, whether this browser holds every edit: stored, being stored, not stored (a write failed: the edits
 * wait in memory), or not stored at all (the stored map could not be read). Nothing when the host keeps the data.
 * Not a live region: it changes at every edit, and the error line already says aloud what failed.
 */
export function renderSaveState(t: Translations, status: StorageStatus): TemplateResult | typeof nothing {
  const { saveState: save } = t.ui;
  if (status.blocked) return html`<p class="save-state failed">${save.blocked}</p>`;
  if (!status.storing || status.loading) return nothing;
  if (status.failed) return html`<p class="save-state failed">${save.failed}</p>`;
  return html`<p class="save-state">${status.saved ? save.saved : save.saving}</p>`;
}
