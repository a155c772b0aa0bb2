import type { ShortcutKey, Translations } from '../i18n/translations.js';

export type EditorView = 'map' | 'list';

/** What the editor is doing, as far as its commands care: when each is enabled, pressed or busy. */
export interface ActionState {
  readonly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  selectedId: string | null;
  tying: boolean;
  view: EditorView;
  makingPdf: boolean;
  /** A hand-over file chosen or dropped, being read and taken in. */
  importingFile: boolean;
}

/** What the commands do, in the editor's terms; the element supplies it. `id` is the actor a key was pressed on. */
export interface ActionTarget {
  openAddForm(): void;
  startWalk(): void;
  toggleTie(id?: string): void;
  undo(): void;
  redo(): void;
  remove(id?: string): void;
  savePdf(): void;
  saveFile(): void;
  pickFile(): void;
  zoom(factor: number): void;
  fit(): void;
  setView(view: EditorView): void;
  openHelp(): void;
}

/** A text of the UI that is a plain string (a button's label), by its key. */
export type UiLabel = {
  [K in keyof Translations['ui']]: Translations['ui'][K] extends string ? K : never;
}[keyof Translations['ui']];

/**
 * A key that runs a command, as data: the help writes it from the same record the key press is tested against.
 * `keys` are alternatives (the first is the one the help shows), matched without regard to case; `ctrl` is Ctrl or
 * ⌘, and with it `shift` must be as given. A key without `ctrl` is one with no Ctrl, ⌘ or Alt held. `item` keys act
 * on the focused actor of the map; the others anywhere in the editor but a text field.
 */
export interface ActionKey {
  keys: readonly string[];
  ctrl?: boolean;
  shift?: boolean;
  help: ShortcutKey;
  scope: 'editor' | 'item';
}

export type ActionGroup = 'edit' | 'file' | 'view';

/**
 * Where a command's button is: the toolbar (folded into its menu when the row is too narrow), the intake row beside
 * the family's name, the map's own controls, or the edit form of the selected contact.
 */
export type ActionPlace = 'toolbar' | 'intake' | 'map' | 'form';

/** One command of the editor, defined once: the toolbar, its menu, the keys and the help are all made from it. */
export interface Action {
  id: string;
  group: ActionGroup;
  place: ActionPlace;
  label: UiLabel;
  /** The label while the command is pressed (a tie being drawn) or busy (the PDF being made, a file taken in). */
  activeLabel?: UiLabel;
  /** A command that changes the map: not offered on a read-only map. */
  writes: boolean;
  /** In what order the toolbar folds its buttons into the menu, the first to fold first; never when absent. */
  fold?: number;
  className?: string;
  keys?: readonly ActionKey[];
  enabled?: (state: ActionState) => boolean;
  pressed?: (state: ActionState) => boolean;
  busy?: (state: ActionState) => boolean;
  run: (target: ActionTarget, id?: string) => void;
}

const ZOOM_STEP = 1.25;

/** Every command, in the order the toolbar, its menu and the help show them. */
export const ACTIONS = [
  {
    id: 'add',
    group: 'edit',
    place: 'toolbar',
    label: 'addActor',
    writes: true,
    className: 'primary',
    keys: [{ keys: ['N'], help: 'keyNew', scope: 'editor' }],
    run: (target) => target.openAddForm(),
  },
  {
    id: 'walk',
    group: 'edit',
    place: 'intake',
    label: 'walkTitle',
    writes: true,
    className: 'walk-button',
    run: (target) => target.startWalk(),
  },
  {
    id: 'tie',
    group: 'edit',
    place: 'form',
    label: 'startTie',
    activeLabel: 'cancelTie',
    writes: true,
    keys: [{ keys: ['T'], help: 'keyTie', scope: 'item' }],
    enabled: (state) => state.selectedId !== null || state.tying,
    pressed: (state) => state.tying,
    run: (target, id) => target.toggleTie(id),
  },
  {
    id: 'undo',
    group: 'edit',
    place: 'toolbar',
    label: 'undo',
    writes: true,
    fold: 9,
    keys: [{ keys: ['Z'], ctrl: true, shift: false, help: 'keyUndo', scope: 'editor' }],
    enabled: (state) => state.canUndo,
    run: (target) => target.undo(),
  },
  {
    id: 'redo',
    group: 'edit',
    place: 'toolbar',
    label: 'redo',
    writes: true,
    fold: 5,
    keys: [
      { keys: ['Z'], ctrl: true, shift: true, help: 'keyRedo', scope: 'editor' },
      { keys: ['Y'], ctrl: true, shift: false, help: 'keyRedo', scope: 'editor' },
    ],
    enabled: (state) => state.canRedo,
    run: (target) => target.redo(),
  },
  {
    id: 'remove',
    group: 'edit',
    place: 'form',
    label: 'remove',
    writes: true,
    className: 'danger',
    keys: [{ keys: ['Delete', 'Backspace'], help: 'keyDelete', scope: 'item' }],
    enabled: (state) => state.selectedId !== null,
    run: (target, id) => target.remove(id),
  },
  {
    id: 'pdf',
    group: 'file',
    place: 'toolbar',
    label: 'exportPdf',
    activeLabel: 'makingPdf',
    writes: false,
    fold: 4,
    className: 'pdf-button',
    busy: (state) => state.makingPdf,
    enabled: (state) => !state.makingPdf,
    run: (target) => target.savePdf(),
  },
  {
    id: 'export',
    group: 'file',
    place: 'toolbar',
    label: 'exportFile',
    writes: false,
    fold: 2,
    run: (target) => target.saveFile(),
  },
  {
    id: 'import',
    group: 'file',
    place: 'toolbar',
    label: 'importFile',
    writes: true,
    fold: 1,
    className: 'import-button',
    activeLabel: 'importingFile',
    busy: (state) => state.importingFile,
    enabled: (state) => !state.importingFile,
    run: (target) => target.pickFile(),
  },
  {
    id: 'map',
    group: 'view',
    place: 'toolbar',
    label: 'viewMap',
    writes: false,
    fold: 8,
    className: 'view-button',
    pressed: (state) => state.view === 'map',
    run: (target) => target.setView('map'),
  },
  {
    id: 'list',
    group: 'view',
    place: 'toolbar',
    label: 'viewList',
    writes: false,
    fold: 8,
    className: 'view-button',
    pressed: (state) => state.view === 'list',
    run: (target) => target.setView('list'),
  },
  {
    id: 'zoomOut',
    group: 'view',
    place: 'map',
    label: 'zoomOut',
    writes: false,
    keys: [{ keys: ['-'], help: 'keyZoomOut', scope: 'editor' }],
    run: (target) => target.zoom(1 / ZOOM_STEP),
  },
  {
    id: 'zoomIn',
    group: 'view',
    place: 'map',
    label: 'zoomIn',
    writes: false,
    keys: [{ keys: ['+', '='], help: 'keyZoomIn', scope: 'editor' }],
    run: (target) => target.zoom(ZOOM_STEP),
  },
  {
    id: 'fit',
    group: 'view',
    place: 'map',
    label: 'fitView',
    writes: false,
    keys: [{ keys: ['0'], help: 'keyFit', scope: 'editor' }],
    run: (target) => target.fit(),
  },
  {
    id: 'help',
    group: 'view',
    place: 'toolbar',
    label: 'help',
    writes: false,
    fold: 3,
    className: 'help-button',
    keys: [{ keys: ['?'], help: 'keyHelp', scope: 'editor' }],
    run: (target) => target.openHelp(),
  },
] as const satisfies readonly Action[];

export type ActionId = (typeof ACTIONS)[number]['id'];

/** The command by its id. */
export function action(id: ActionId): Action {
  return ACTIONS.find((candidate) => candidate.id === id)!;
}

/** Whether a command is offered at all: a read-only map offers none that write. */
export function offered(command: Action, state: ActionState): boolean {
  return !(command.writes && state.readonly);
}

/** Whether a command is offered and can run now. */
export function enabled(command: Action, state: ActionState): boolean {
  return offered(command, state) && (command.enabled?.(state) ?? true);
}

/** The command's label as it stands: "Avbryt band" while a tie is drawn, "Skapar PDF …" while the PDF is made. */
export function labelOf(command: Action, state: ActionState, t: Translations): string {
  const active = command.pressed?.(state) || command.busy?.(state);
  return t.ui[active && command.activeLabel ? command.activeLabel : command.label];
}

/** Whether a key press is the key. */
export function pressed(event: KeyboardEvent, key: ActionKey): boolean {
  const ctrl = event.ctrlKey || event.metaKey;
  if (key.ctrl ? !ctrl || event.shiftKey !== key.shift : ctrl || event.altKey) return false;
  return key.keys.some((name) => name.toLowerCase() === event.key.toLowerCase());
}

/** The key as the help writes it: "Ctrl Shift Z", "−". */
export function keyLabel(key: ActionKey): string[] {
  const name = key.keys[0]!;
  return [...(key.ctrl ? ['Ctrl'] : []), ...(key.shift ? ['Shift'] : []), name === '-' ? '−' : name];
}

/** The command a key press runs here, if any is enabled. */
export function commandForKey(event: KeyboardEvent, scope: ActionKey['scope'], state: ActionState): Action | undefined {
  return (ACTIONS as readonly Action[]).find(
    (command) => command.keys?.some((key) => key.scope === scope && pressed(event, key)) && enabled(command, state),
  );
}
