import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
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
function renderHelpDialog(t: Translations, onClose: () => void, onClosed: () => void): TemplateResult {
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

/** The keyboard help of an editor: opened as a modal dialog, and closed back to the help button. */
export class HelpDialog {
  private shown = false;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly t: () => Translations,
  ) {}

  async open(): Promise<void> {
    this.shown = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.dialog()?.showModal();
  }

  render(): TemplateResult | typeof nothing {
    if (!this.shown) return nothing;
    return renderHelpDialog(
      this.t(),
      () => this.dialog()?.close(),
      () => this.closed(),
    );
  }

  private dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.help');
  }

  private closed(): void {
    this.shown = false;
    this.host.requestUpdate();
    // Back to where the user was: the help button, or the map.
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('button.help-button')?.focus());
  }
}
