import { html, nothing, type TemplateResult } from 'lit';
import type { Translations } from '../i18n/index.js';

/** Shown instead of the map while the stored maps are protected by a passphrase and this tab has not unlocked them. */
export function renderUnlock(t: Translations, error: string, onSubmit: (event: SubmitEvent) => void): TemplateResult {
  return html`<form class="unlock actor-form" part="form" aria-labelledby="unlock-heading" @submit=${onSubmit}>
    <h2 id="unlock-heading">${t.ui.lockedTitle}</h2>
    <p>${t.ui.lockedHelp}</p>
    <label for="unlock-passphrase">${t.ui.passphrase}</label>
    <input
      id="unlock-passphrase"
      type="password"
      autocomplete="current-password"
      required
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? 'unlock-error' : nothing}
    />
    ${error ? html`<p class="field-error" id="unlock-error" role="alert">${error}</p>` : nothing}
    <div class="form-actions"><button type="submit" class="primary">${t.ui.unlock}</button></div>
  </form>`;
}
