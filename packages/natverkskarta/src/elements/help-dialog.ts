import { html, type TemplateResult } from 'lit';
import { NAVIGATION_KEYS } from '../controllers/keyboard-controller.js';
import { ACTIONS, keyLabel, type Action } from './actions.js';
import type { Translations } from '../i18n/index.js';
import type { ShortcutKey } from '../i18n/translations.js';

/** The keys that move about, then every command's keys, as the actions define them. */
const HELP_ROWS: readonly { keys: readonly string[]; help: ShortcutKey }[] = [
  ...NAVIGATION_KEYS,
  ...(ACTIONS as readonly Action[]).flatMap((command) =>
    (command.keys ?? []).map((key) => ({ keys: keyLabel(key), help: key.help })),
  ),
];

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
        ${HELP_ROWS.map(
          (row) =>
            html`<tr>
              <td>${row.keys.map((key, i) => html`${i > 0 ? ' ' : ''}<kbd>${key}</kbd>`)}</td>
              <td>${t.shortcuts[row.help]}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p>${t.ui.helpMouse}</p>
  </dialog>`;
}
