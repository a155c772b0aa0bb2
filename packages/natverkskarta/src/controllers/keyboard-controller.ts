import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ShortcutKey } from '../i18n/translations.js';

/** What the keyboard can do in the editor; the editor supplies each action. */
export interface KeyboardActions {
  readonly: () => boolean;
  /** The actors in the order arrow keys walk them (the contact list's order), and the family when tying. */
  order: () => readonly string[];
  focusItem: (id: string) => void;
  activate: (id: string) => void;
  moveRing: (id: string, step: -1 | 1) => void;
  moveSector: (id: string, step: -1 | 1) => void;
  remove: (id: string) => void;
  startTie: (id: string) => void;
  /** Escape: cancels a tie, closes the add form, or clears the selection. */
  cancel: (typing: boolean) => void;
  undo: () => void;
  redo: () => void;
  addActor: () => void;
  showHelp: () => void;
}

/** The shortcuts, as the help panel lists them: keys and what they do, by translation key. */
export const SHORTCUTS = [
  { keys: ['Tab'], action: 'keyTab' },
  { keys: ['←', '→', '↑', '↓'], action: 'keyArrows' },
  { keys: ['Home', 'End'], action: 'keyHomeEnd' },
  { keys: ['Enter'], action: 'keyEnter' },
  { keys: ['Alt', '↑', '↓'], action: 'keyRing' },
  { keys: ['Alt', '←', '→'], action: 'keySector' },
  { keys: ['T'], action: 'keyTie' },
  { keys: ['Delete'], action: 'keyDelete' },
  { keys: ['N'], action: 'keyNew' },
  { keys: ['Ctrl', 'Z'], action: 'keyUndo' },
  { keys: ['Ctrl', 'Shift', 'Z'], action: 'keyRedo' },
  { keys: ['Esc'], action: 'keyEscape' },
  { keys: ['?'], action: 'keyHelp' },
] as const satisfies readonly { keys: readonly string[]; action: ShortcutKey }[];

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
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    const { actions } = this;
    if (event.key === 'Escape') {
      actions.cancel(typing);
      return;
    }
    if (typing) return;
    if (mod && key === 'z') actions[event.shiftKey ? 'redo' : 'undo']();
    else if (mod && key === 'y') actions.redo();
    else if (event.key === '?') actions.showHelp();
    else if (!mod && !event.altKey && key === 'n' && !actions.readonly()) actions.addActor();
    else return;
    event.preventDefault();
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
    else if ((event.key === 'Delete' || event.key === 'Backspace') && writable) actions.remove(id);
    else if (event.key.toLowerCase() === 't' && !event.ctrlKey && !event.metaKey && writable) actions.startTie(id);
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }
}
