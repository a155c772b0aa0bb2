import { html, nothing, type TemplateResult } from 'lit';
import type { Translations } from '../i18n/index.js';
import { ACTIONS, enabled, labelOf, type Action, type ActionState, type ActionTarget } from './actions.js';

export interface ToolbarMenuState {
  t: Translations;
  state: ActionState;
  target: ActionTarget;
  folded: ReadonlySet<string>;
  /** Closes the menu; with `focusButton`, the focus goes back to "Mer" (Escape, or a command that leaves it). */
  onClose: (focusButton: boolean) => void;
}

const itemsOf = (menu: Element) => [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')];

/** The APG's menu keys: arrows walk the items round, Home and End go to the ends, Escape and Tab leave. */
function onMenuKeyDown(event: KeyboardEvent, onClose: ToolbarMenuState['onClose']): void {
  const menu = event.currentTarget as HTMLElement;
  const items = itemsOf(menu);
  const index = items.indexOf(event.target as HTMLElement);
  const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus();
  if (event.key === 'ArrowDown') focusAt(index + 1);
  else if (event.key === 'ArrowUp') focusAt(index - 1);
  else if (event.key === 'Home') focusAt(0);
  else if (event.key === 'End') focusAt(items.length - 1);
  else if (event.key === 'Escape') onClose(true);
  else if (event.key === 'Tab') {
    onClose(false);
    return;
  } else return;
  event.preventDefault();
  event.stopPropagation();
}

/**
 * The toolbar's menu on a narrow screen: the commands that did not fit on the row, in their groups and order. Items
 * that cannot run now stay in the list, marked `aria-disabled`, so that the menu reads the same each time.
 */
export function renderToolbarMenu(menu: ToolbarMenuState): TemplateResult {
  const { t, state, target } = menu;
  const commands = (ACTIONS as readonly Action[]).filter((command) => menu.folded.has(command.id));
  return html`<div
    id="toolbar-menu"
    class="toolbar-menu"
    part="menu"
    role="menu"
    aria-label=${t.ui.more}
    @keydown=${(event: KeyboardEvent) => onMenuKeyDown(event, menu.onClose)}
  >
    ${commands.map((command, index) => {
      const separator = index > 0 && commands[index - 1]!.group !== command.group;
      const runs = enabled(command, state);
      // The view switch, folded on a phone, says which view is on.
      const checked = command.group === 'view' ? command.pressed?.(state) : undefined;
      return html`${separator ? html`<div role="separator"></div>` : ''}<button
          type="button"
          role=${checked === undefined ? 'menuitem' : 'menuitemradio'}
          aria-checked=${checked === undefined ? nothing : checked ? 'true' : 'false'}
          tabindex="-1"
          class=${command.className ?? ''}
          data-action=${command.id}
          aria-disabled=${runs ? 'false' : 'true'}
          @click=${() => {
            if (!runs) return;
            // Back on "Mer" first, so that a command that takes the focus (a form, the help) keeps it.
            menu.onClose(true);
            command.run(target);
          }}
        >
          ${labelOf(command, state, t)}
        </button>`;
    })}
  </div>`;
}
