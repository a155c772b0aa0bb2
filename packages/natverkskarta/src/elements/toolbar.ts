import { html, nothing, type TemplateResult } from 'lit';
import type { Translations } from '../i18n/index.js';
import {
  ACTIONS,
  enabled,
  labelOf,
  offered,
  type Action,
  type ActionGroup,
  type ActionPlace,
  type ActionState,
  type ActionTarget,
} from './actions.js';

export type { EditorView } from './actions.js';

export interface ToolbarState {
  t: Translations;
  state: ActionState;
  target: ActionTarget;
  /** The commands that do not fit on the row (controllers/toolbar-fold-controller.ts): they are in the menu. */
  folded: ReadonlySet<string>;
  menuOpen: boolean;
  /** Opens the menu with the focus on its first or last item, or closes it. */
  onMenu: (open: boolean, focus?: 'first' | 'last') => void;
  /** The open menu, made by the forms' chunk (elements/toolbar-menu.ts). */
  menu: TemplateResult | typeof nothing;
  onImportFile: (file: File) => void;
}

/** The commands offered in a place, in their order. */
export function commandsIn(place: ActionPlace, state: ActionState, group?: ActionGroup): Action[] {
  return (ACTIONS as readonly Action[]).filter(
    (command) => command.place === place && (group === undefined || command.group === group) && offered(command, state),
  );
}

/**
 * A command as a button: its label as it stands, pressed when it is a toggle, and when it cannot run (nothing left to
 * undo, the PDF being made) marked disabled and doing nothing. Not `disabled`: a button made disabled under the focus
 * loses it, and a keyboard user who pressed "Ångra" until nothing was left would be left nowhere. As the APG's
 * toolbar keeps them, it stays where it is, focusable.
 */
export function renderCommand(command: Action, t: Translations, state: ActionState, target: ActionTarget, folded = false) {
  const pressed = command.pressed?.(state);
  const runs = enabled(command, state);
  return html`<button
    type="button"
    class="${command.className ?? ''} ${folded ? 'folded' : ''} ${command.busy?.(state) ? 'busy' : ''}"
    data-action=${command.id}
    ?data-fold=${command.fold !== undefined}
    ?inert=${folded}
    aria-disabled=${runs ? nothing : 'true'}
    aria-pressed=${pressed === undefined ? nothing : pressed ? 'true' : 'false'}
    @click=${() => runs && command.run(target)}
  >
    ${labelOf(command, state, t)}
  </button>`;
}

/**
 * The buttons above the map, in three groups (edit · file · view), every one with its label in words. What does not
 * fit on one row goes, in the actions' fold order, into the menu behind "Mer".
 */
export function renderToolbar(toolbar: ToolbarState): TemplateResult {
  const { t, state, target, folded } = toolbar;
  const group = (name: ActionGroup, label: string, extra: TemplateResult | typeof nothing = nothing) => {
    const commands = commandsIn('toolbar', state, name);
    const empty = commands.length > 0 && commands.every((command) => folded.has(command.id)) && extra === nothing;
    return html`<div class="group group-${name} ${empty ? 'empty' : ''}" role="group" aria-label=${label}>
      ${extra} ${commands.map((command) => renderCommand(command, t, state, target, folded.has(command.id)))}
    </div>`;
  };
  const folding = folded.size > 0;
  return html`<div class="toolbar" part="toolbar" role="group" aria-label=${t.ui.toolbar}>
    ${group('edit', t.ui.editGroup, state.readonly ? html`<span class="readonly-note">${t.ui.readonlyNotice}</span>` : nothing)}
    ${group('file', t.ui.fileGroup)} ${group('view', t.ui.viewLabel)}
    <div
      class="more ${folding ? '' : 'folded'}"
      ?inert=${!folding}
      @focusout=${(event: FocusEvent) => {
        const wrapper = event.currentTarget as HTMLElement;
        if (toolbar.menuOpen && !wrapper.contains(event.relatedTarget as Node | null)) toolbar.onMenu(false);
      }}
    >
      <button
        type="button"
        class="more-button"
        aria-haspopup="menu"
        aria-expanded=${toolbar.menuOpen ? 'true' : 'false'}
        aria-controls=${toolbar.menuOpen ? 'toolbar-menu' : nothing}
        @click=${() => toolbar.onMenu(!toolbar.menuOpen)}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          toolbar.onMenu(true, event.key === 'ArrowUp' ? 'last' : 'first');
        }}
      >
        ${t.ui.more}
      </button>
      ${toolbar.menuOpen && folding ? toolbar.menu : nothing}
    </div>
    ${
      state.readonly
        ? nothing
        : html`<span class="file-button">
            <input
              type="file"
              accept=".json,application/json"
              class="visually-hidden"
              tabindex="-1"
              aria-label=${t.ui.importFile}
              @change=${(event: Event) => {
                const input = event.target as HTMLInputElement;
                const file = input.files?.[0];
                input.value = '';
                if (file) toolbar.onImportFile(file);
              }}
            />
          </span>`
    }
  </div>`;
}
