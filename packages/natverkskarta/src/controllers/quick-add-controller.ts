import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CategoryId } from '../model/catalogue.js';

/** One choice of the field's list: a kind of contact from the catalogue, or "Annan" named by what was typed. */
export interface QuickAddOption {
  category: CategoryId;
  /** For "Annan": the text typed, which becomes the contact's organisation. */
  organisation?: string;
}

export interface QuickAddHooks {
  /** The kinds that answer a query, best first. */
  find: (query: string) => CategoryId[];
  /** Adds the contact chosen, as needed or as present; why not, in the UI language, when it was refused. */
  add: (option: QuickAddOption, needed: boolean) => string | null;
  /**
   * A key with Ctrl or ⌘ in the empty field (Ctrl+Z, Ctrl+Y): the field emptied itself, so it is the editor's. Runs
   * that command (elements/actions.ts); false when the key is none.
   */
  command: (event: KeyboardEvent) => boolean;
}

/**
 * Adding by typing, as an ARIA combobox (the APG's list autocomplete): what is typed, the list it gives, which
 * option is active, and whether the next contact is added as needed. Arrow keys walk the list, Enter adds the
 * active option (Shift + Enter, or the "Behövs" toggle, as needed), Escape closes the list, then empties the field.
 * The field keeps the focus, so that the next contact is typed at once.
 */
export class QuickAddController implements ReactiveController {
  query = '';
  active = 0;
  needed = false;
  expanded = false;
  /** Why the last choice was refused (the map is full, a text too long); the field keeps what was typed. */
  error = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hooks: QuickAddHooks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The list for what is typed: the catalogue's answers, then "Annan" with the text itself. */
  get options(): QuickAddOption[] {
    const text = this.query.trim();
    if (text === '') return [];
    const found = this.hooks.find(text);
    return [...found.map((category) => ({ category })), { category: 'annan', organisation: text }];
  }

  readonly onInput = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.error = '';
    this.active = 0;
    this.expanded = this.query.trim() !== '';
    this.host.requestUpdate();
  };

  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing) return;
    const options = this.options;
    const last = options.length - 1;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && this.query === '') {
      // The editor's own keys leave a text field alone: this one runs its command here, or is the browser's.
      if (!this.hooks.command(event)) return;
    } else if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      // Alt + Down opens the list as it is, Alt + Up closes it (the APG's combobox).
      this.expanded = event.key === 'ArrowDown' && options.length > 0;
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = this.expanded ? (this.active + step + options.length) % options.length : step > 0 ? 0 : last;
      this.expanded = true;
    } else if (event.key === 'Enter') {
      // Only what is on the list, open: a closed list adds nothing unseen.
      const option = this.expanded ? options[Math.min(this.active, last)] : undefined;
      if (!option) return;
      this.choose(option, event.shiftKey || this.needed);
    } else if (event.key === 'Escape') {
      if (this.expanded) this.expanded = false;
      else if (this.query !== '') this.clear();
      else return;
      // Handled here: the editor's own Escape (cancel, deselect) is not for this.
      event.stopPropagation();
    } else return;
    event.preventDefault();
    this.host.requestUpdate();
  };

  readonly onToggleNeeded = (): void => {
    this.needed = !this.needed;
    this.host.requestUpdate();
  };

  readonly onBlur = (): void => {
    this.expanded = false;
    this.host.requestUpdate();
  };

  /** Adds the option (a click on the list, or Enter) and empties the field for the next one. */
  choose(option: QuickAddOption, needed: boolean): void {
    const refused = this.hooks.add(option, needed);
    if (refused === null) this.clear();
    else {
      this.error = refused;
      this.expanded = false;
      this.host.requestUpdate();
    }
  }

  private clear(): void {
    this.query = '';
    this.error = '';
    this.active = 0;
    this.expanded = false;
    this.host.requestUpdate();
  }
}
