import { html, type TemplateResult } from 'lit';
import { SHORTCUTS } from '../controllers/keyboard-controller.js';
import type { Translations } from '../i18n/index.js';

/** The shortcuts, in the UI language. A modal dialog: it keeps focus inside and gives it back when closed. */
export function renderHelpDialog(t: Translations, onClose: () => void, onClosed: () => void): TemplateResult {
  return html`<dialog class="help" part="help" aria-labelledby="help-heading" @close=${onClosed}>
    <div class="form-head">
      <h2 id="help-heading">${t.ui.helpTitle}</h2>
      <button type="button" class="icon" aria-label=${t.ui.close} title=${t.ui.close} @click=${onClose}>✕</button>
    </div>
    <table>
      <thead>
        <tr>
          <th scope="col">${t.ui.helpKeys}</th>
          <th scope="col">${t.ui.helpAction}</th>
        </tr>
      </thead>
      <tbody>
        ${SHORTCUTS.map(
          (shortcut) =>
            html`<tr>
              <td>${shortcut.keys.map((key, i) => html`${i > 0 ? ' ' : ''}<kbd>${key}</kbd>`)}</td>
              <td>${t.shortcuts[shortcut.action]}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p>${t.ui.helpMouse}</p>
  </dialog>`;
}
