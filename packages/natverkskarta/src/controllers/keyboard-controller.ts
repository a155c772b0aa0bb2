import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ShortcutKey } from '../i18n/translations.js';

/** What the keyboard can do in the editor beyond its commands (elements/actions.ts); the editor supplies each. */
export interface KeyboardActions {
  readonly: () => boolean;
  /** The actors in the order arrow keys walk them (the contact list's order), and the family when tying. */
  order: () => readonly string[];
  focusItem: (id: string) => void;
  activate: (id: string) => void;
  moveRing: (id: string, step: -1 | 1) => void;
  moveSector: (id: string, step: -1 | 1) => void;
  /** Escape: cancels a tie, closes the add form, or clears the selection. */
  cancel: (typing: boolean) => void;
  /** Runs the command a key stands for, on the actor `id` for keys of the map; false when there is none. */
  command: (event: KeyboardEvent, id?: string) => boolean;
}

/** The keys that move about the editor and the map, as the help lists them before the commands' keys. */
export const NAVIGATION_KEYS = [
  { keys: ['Tab'], help: 'keyTab' },
  { keys: ['←', '→', '↑', '↓'], help: 'keyArrows' },
  { keys: ['Home', 'End'], help: 'keyHomeEnd' },
  { keys: ['Enter'], help: 'keyEnter' },
  { keys: ['Alt', '↑', '↓'], help: 'keyRing' },
  { keys: ['Alt', '←', '→'], help: 'keySector' },
  { keys: ['Esc'], help: 'keyEscape' },
] as const satisfies readonly { keys: readonly string[]; help: ShortcutKey }[];

function isTyping(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Every edit by keyboard alone: the map is one tab stop (roving tabindex); arrows walk the actors, Alt+arrows
 * move the focused actor between rings and sectors, letters start a tie or a new contact.
 */
export class KeyboardController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly actions: KeyboardActions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onEditorKeyDown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onEditorKeyDown);
  }

  /** Keys anywhere in the editor. */
  private readonly onEditorKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented) return;
    const typing = isTyping(event);
    const { actions } = this;
    if (event.key === 'Escape') {
      actions.cancel(typing);
      return;
    }
    if (!typing && actions.command(event)) event.preventDefault();
  };

  /** Keys on an actor of the map (or on the family, while a tie is being drawn). */
  onItemKeyDown(event: KeyboardEvent, id: string): void {
    const { actions } = this;
    const order = actions.order();
    const index = order.indexOf(id);
    const focusAt = (i: number) => {
      const next = order[(i + order.length) % order.length];
      if (next !== undefined) actions.focusItem(next);
    };
    const writable = !actions.readonly();
    let handled = true;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      if (writable) actions.moveRing(id, event.key === 'ArrowUp' ? -1 : 1);
    } else if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      if (writable) actions.moveSector(id, event.key === 'ArrowLeft' ? -1 : 1);
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') focusAt(index + 1);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') focusAt(index - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(order.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') actions.activate(id);
    else handled = actions.command(event, id);
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }
}
