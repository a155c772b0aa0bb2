import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { KeyboardController } from '../controllers/keyboard-controller.js';
import type { ToolbarFoldController } from '../controllers/toolbar-fold-controller.js';
import { DragController } from '../controllers/drag-controller.js';
import { MotionController } from '../controllers/motion-controller.js';
import type { QuickAddController } from '../controllers/quick-add-controller.js';
import type { WalkController } from '../controllers/walk-controller.js';
import { ViewportController } from '../controllers/viewport-controller.js';
import type { VersionsController } from '../controllers/versions-controller.js';
import {
  actorLabel,
  formatIssues,
  hasTranslations,
  isolate,
  loadTranslations,
  mapTitle,
  sectorLabel,
  translations,
  type Translations,
} from '../i18n/index.js';
import { locate } from '../layout/geometry.js';
import { MapPicture } from '../scene/map-picture.js';
import type { MeasureText } from '../scene/typography.js';
import type { LayoutEngine, Positions } from '../layout/placement.js';
import { applyCommand, type Command } from '../model/commands.js';
import { createMap, findActor } from '../model/document.js';
import { emptyHistory, record, redo as redoStep, undo as undoStep, type History } from '../model/history.js';
import { newId } from '../model/ids.js';
import { fileTooLarge, restoreMap } from '../model/restore.js';
import { handOverJson, versionInfo, type HandOver } from '../model/versions.js';
import type { ChangeGroup, Comparison } from '../i18n/change-words.js';
import { LIMITS } from '../model/limits.js';
import { cleanText } from '../model/clean-text.js';
import {
  CENTRE_ID,
  type Actor,
  type ActorInput,
  type ActorPatch,
  type ActorStatus,
  type MapDocument,
  type Point,
  type Ring,
  type MapVersion,
  type TieKind,
  type VersionInfo,
} from '../model/types.js';
import {
  actorFromInput,
  checkActorPatch,
  checkTie,
  TITLE_LIMIT,
  ValidationError,
  type ValidationIssue,
} from '../model/validation.js';
import { MapStorageController, type StorageMode } from '../controllers/map-storage-controller.js';
import { StorageError } from '../store/errors.js';
import type { FieldErrors } from './actor-form.js';
import { action, commandForKey, type ActionState, type ActionTarget, type EditorView } from './actions.js';
import { commandsIn, renderCommand, renderToolbar } from './toolbar.js';
import { renderUnlock } from './unlock-form.js';
import { editorStyles } from './editor-styles.js';
import { mapStyles } from './map-styles.js';
import { canvasMeasure } from './canvas-measure.js';
import { download, safeFileName } from './download.js';
import { editorEvent } from './events.js';
import { renderMapContent } from './map-view.js';
import type { DragLayer } from './drag-layer.js';

export type { StorageMode };

const NOTHING_TOUCHED: ReadonlySet<string> = new Set();
const NOTHING_FOLDED: ReadonlySet<string> = new Set();

type Panels = typeof import('./panels.js');

/** What `changesSince` tells: the heading, each group of changes with the contacts it names, and all as one text. */
export interface Changes {
  heading: string;
  groups: ChangeGroup[];
  text: string;
}

/** An actor's fields that its label, its marks and its place on the map do not show. */
const UNSEEN_FIELDS = new Set(['phone', 'email', 'address', 'helpsWith', 'note', 'nextContact']);

/** An edit of fields the map does not draw: nothing on it can have to move. */
function movesNothing(command: Command): boolean {
  if (command.type === 'setSkipped') return true;
  return command.type === 'updateActor' && Object.keys(command.patch).every((key) => UNSEEN_FIELDS.has(key));
}

/**
 * The actors an edit touched, which alone move for lying over another's label (the layout moves new actors and
 * any whose slice moved away in any case); undefined for an edit whose effect on labels and ties reaches further.
 */
function touchedBy(command: Command): ReadonlySet<string> | undefined {
  if (command.type === 'addActor') return new Set([command.actor.id]);
  if (command.type === 'updateActor') return new Set([command.id]);
  if (command.type === 'removeActor' || command.type === 'setTitle') return new Set();
  return undefined;
}

/**
 * `<natverkskarta-editor>`: a family's network map — the family at the centre, every contact around it in
 * sectors (who is responsible) and rings (how close) — with a contact list, an editing form, undo and redo,
 * and autosave to IndexedDB.
 *
 * @summary An accessible network-map editor for the support around a child with a disability.
 *
 * @fires {NkChangeEvent} nk-change - After every edit, undo and redo, and when a map is loaded or replaced. `detail: { map }`.
 * @fires {NkSelectEvent} nk-select - When the selected actor changes. `detail: { actorId }` (null when none).
 * @fires {NkErrorEvent} nk-error - When storage is full or unavailable, an import is bad or a save fails. `detail: { error }`.
 *
 * @csspart title - The row with the family's name above the toolbar.
 * @csspart quick-add - The field beside the family's name that adds a contact by typing its kind ("FK", "habben").
 * @csspart toolbar - The row of buttons above the map.
 * @csspart menu - The toolbar's "Mer" menu: the commands that do not fit on its row.
 * @csspart map-controls - The zoom buttons under the map.
 * @csspart map - The SVG drawing of the map.
 * @csspart legend - The legend under the map (sectors, rings, status, ties).
 * @csspart panel - The side panel with the form and the contact list.
 * @csspart form - The form to add or edit an actor.
 * @csspart contact-list - The contact list, the map's accessible twin.
 * @csspart message - The line that tells of errors, notices and hints.
 * @csspart help - The keyboard help dialog.
 *
 * @cssproperty --nk-font-family - The font; inherits the page's by default.
 * @cssproperty [--nk-accent=#1d4ed8] - Buttons, focus and selection.
 * @cssproperty [--nk-on-accent=#ffffff] - Text on the accent colour (the primary button).
 * @cssproperty [--nk-text=#111827] - Text colour.
 * @cssproperty [--nk-muted=#4b5563] - Secondary text: ring labels, details, empty states.
 * @cssproperty [--nk-surface=#ffffff] - The background of the map and of fields.
 * @cssproperty [--nk-surface-alt=#f3f4f6] - The background of the toolbar, forms, list entries and legend.
 * @cssproperty [--nk-border=#6b7280] - Borders of buttons and fields, ring lines (3:1 against the surface at least).
 * @cssproperty [--nk-stroke=#1f2937] - Node outlines and ties.
 * @cssproperty [--nk-danger=#b91c1c] - Errors and the remove buttons.
 * @cssproperty [--nk-focus=#c2410c] - The focus ring.
 * @cssproperty [--nk-radius=6px] - Corner radius of buttons, fields and panels.
 * @cssproperty [--nk-tie-strained=#b91c1c] - A strained tie (conflict); its dash-dot line tells it apart without colour.
 * @cssproperty [--nk-good=#15803d] - The mark of a contact that works well.
 * @cssproperty [--nk-mixed=#a16207] - The mark of a contact that works partly.
 * @cssproperty [--nk-poor=#b91c1c] - The mark of a contact that works poorly.
 * @cssproperty [--nk-sector-family=#e69f00] - Colour of the sector "Familj och närstående".
 * @cssproperty [--nk-sector-municipality=#56b4e9] - Colour of the sector "Kommunen".
 * @cssproperty [--nk-sector-school=#009e73] - Colour of the sector "Förskola och skola".
 * @cssproperty [--nk-sector-region=#cc79a7] - Colour of the sector "Hälso- och sjukvården".
 * @cssproperty [--nk-sector-state=#0072b2] - Colour of the sector "Statliga myndigheter".
 * @cssproperty [--nk-sector-civil=#f0e442] - Colour of the sector "Föreningar och fritid".
 * @cssproperty [--nk-map-height=min(80vh, 760px)] - Height of the map area.
 */
export class NatverkskartaEditor extends LitElement {
  static override styles = [editorStyles, mapStyles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: false };

  /** Loads the map with this id from IndexedDB, creating it if absent; every edit is saved. */
  @property({ attribute: 'map-id', reflect: true }) mapId: string | null = null;

  /** `sv` (default) or `en`, or any language a host registered: the UI's language. */
  @property({ reflect: true }) override lang = 'sv';

  /** View only: nothing can be edited. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** `indexeddb` (default) stores by `map-id`; `none` leaves storage to the host (set `map`, listen to `nk-change`). */
  @property({ reflect: true }) storage: StorageMode = 'indexeddb';

  @state() private doc: MapDocument = createMap({ id: 'unsaved' });
  @state() private history: History = emptyHistory;
  @state() private selectedId: string | null = null;
  @state() private focusId: string | null = null;
  @state() private panel: 'none' | 'add' = 'none';
  /** A version shown read-only instead of the map (the map stays as it is, behind it). */
  @state() private viewingId: string | null = null;
  /** The comparison shown: from a version to another, or to the map now (`to` null). */
  @state() private compare: { from: string; to: string | null } | null = null;
  @state() private versionError = '';
  @state() private tieFrom: string | null = null;
  @state() private fieldErrors: FieldErrors = {};
  @state() private loading = false;
  @state() private errorMessage = '';
  @state() private announcement = '';
  @state() private noticeMessage = '';
  @state() private makingPdf = false;
  @state() private locked = false;
  /**
   * False until the map's first frame is on screen: the contact list, the legend and the forms are fetched then, so
   * that the map shows without waiting for them.
   */
  private settled = false;
  private settling: Promise<void> | null = null;
  /** The contact list, forms, legend, menu and help (elements/panels.ts), once fetched. */
  @state() private panels: Panels | null = null;
  private panelsLoading: Promise<Panels> | null = null;
  private languageLoading: Promise<void> | null = null;
  @state() private unlockError = '';
  @state() private dropping = false;
  @state() private helpOpen = false;
  @state() private menuOpen = false;
  @state() private view: EditorView = 'map';

  @query('svg.map') private svgElement!: SVGSVGElement | null;

  /** The error line shows a storage failure, which the next successful save clears. */
  private storageErrorShown = false;

  private readonly viewport = new ViewportController(this);
  /** The dragged actor's own layer (elements/drag-layer.ts): it comes with the forms' chunk, after the first picture. */
  private dragLayer: DragLayer | null = null;
  private readonly motion = new MotionController(this, (id, point) => {
    // Until the layer has come, a drag draws the whole map at each move, as the motion controller would.
    if (this.svgElement && this.dragLayer) this.dragLayer.move(this.svgElement, id, point);
    else this.requestUpdate();
  });
  private readonly store = new MapStorageController(this, {
    mapId: () => this.mapId,
    mode: () => this.storage,
    t: () => this.t,
    current: () => this.doc,
    replace: (doc, storedRevision) => this.replaceDocument(doc, storedRevision),
    show: (doc) => this.show(doc),
    setLoading: (loading) => (this.loading = loading),
    setLocked: (locked) => {
      this.locked = locked;
      // Unlocked: the versions are read again, now that they can be opened.
      if (!locked) this.versionsHere?.forget();
    },
    lockedOut: (empty) => {
      // Nothing of the map stays on screen, in `map` or in the undo history.
      this.locked = true;
      this.history = emptyHistory;
      this.selectedId = null;
      this.tieFrom = null;
      this.panel = 'none';
      this.doc = empty;
      this.versionsHere?.forget();
      // A host that mirrors the map lets it go too.
      this.dispatchEvent(editorEvent('nk-change', { map: empty }));
    },
    deletedElsewhere: () => {
      this.history = emptyHistory;
      this.versionsHere?.forget();
      this.show(createMap({ id: this.mapId ?? 'deleted' }));
      this.errorMessage = this.t.errors.deletedElsewhere;
    },
    reportError: (error) => this.reportError(error),
    saved: () => {
      if (this.storageErrorShown) this.errorMessage = '';
      this.storageErrorShown = false;
    },
    notice: (message) => (this.noticeMessage = message),
  });
  /** The map's versions: made with the forms' chunk, which holds them (none is needed for the first picture). */
  private versionsHere: VersionsController | null = null;
  private readonly keyboard = new KeyboardController(this, {
    readonly: () => this.readonly || this.viewingId !== null,
    order: () => this.navigationOrder(),
    focusItem: (id) => this.focusItem(id),
    activate: (id) => (id === CENTRE_ID ? this.activateCentre() : this.activateActor(id)),
    moveRing: (id, step) => id !== CENTRE_ID && this.moveBy(id, step, 0),
    moveSector: (id, step) => id !== CENTRE_ID && this.moveBy(id, 0, step),
    cancel: (typing) => this.cancel(typing),
    command: (event, id) => this.runKey(event, id),
  });
  /** Which toolbar buttons fold into its menu: made with the forms' chunk, which holds the menu. */
  private fold: ToolbarFoldController | null = null;
  /** What the commands (elements/actions.ts) do here. */
  private readonly commands: ActionTarget = {
    openAddForm: () => this.openAddForm(),
    startWalk: () => this.startWalk(),
    toggleTie: (id) => (id ? this.startTie(id) : this.tieFrom ? (this.tieFrom = null) : this.startTie()),
    undo: () => this.undo(),
    redo: () => this.redo(),
    remove: (id) => (id ? this.removeFromKeyboard(id) : this.selectedId && this.removeActor(this.selectedId)),
    savePdf: () => void this.savePdf(),
    saveFile: () => this.saveJsonFile(),
    pickFile: () => this.renderRoot.querySelector<HTMLInputElement>('.file-button input')?.click(),
    zoom: (factor) => this.viewport.zoom(factor),
    fit: () => this.fitToView(),
    setView: (view) => (this.view = view),
    openHelp: () => void this.openHelp(),
  };
  /** Adding by typing: made with the forms' chunk, which holds it, its search and its styles. */
  private quickAdd: QuickAddController | null = null;
  /** The kartläggning, made with the forms' chunk too. */
  private walk: WalkController | null = null;
  private readonly drag = new DragController(this, {
    toMap: (event) => (this.svgElement ? this.viewport.toMap(this.svgElement, event.clientX, event.clientY) : { x: 0, y: 0 }),
    enabled: () => !this.readonly || this.viewingId !== null,
    onTap: (id) => this.activateActor(id),
    onMove: (id, point) => this.motion.drag(id, point),
    onDrop: (id, point) => this.dropActor(id, point),
    onCancel: () => {
      this.motion.endDrag();
      this.dragLayer?.end();
      this.requestUpdate();
    },
  });

  private get t(): Translations {
    return translations(this.lang);
  }

  private pictureOf: MapPicture | null = null;
  private pictureFont = '';
  /** The picture the view was last fitted to: a new language or font changes the map's size. */
  private fittedPicture: MapPicture | null = null;
  /** A map set while out of the page, laid out when the element is connected (see `replaceDocument`). */
  private placeWhenConnected: { storedRevision: number | undefined } | null = null;
  private measure: MeasureText | null = null;
  /** The font the map is drawn in, as the page has it (see `picture`); read anew each time the element is connected. */
  private fontFamily: string | null = null;
  private engine: LayoutEngine | null = null;
  private engineLoading: Promise<void> | null = null;
  /** Actors left without their place while the layout was on its way; `touched` as for `MapPicture.placements`. */
  private pendingPlacement: { touched: ReadonlySet<string> | undefined } | null = null;

  /**
   * The map's picture (labels, frame, layout, scene) in the UI's language, measured in the font the map is drawn
   * in; made anew when either changes.
   */
  private get picture(): MapPicture {
    // Read once when connected: asking for the computed style makes the browser work out the styles anew.
    this.fontFamily ??= this.isConnected ? getComputedStyle(this).fontFamily : null;
    const font = this.fontFamily ?? '';
    if (!this.pictureOf || this.pictureOf.t !== this.t || font !== this.pictureFont || this.pictureOf.engine !== this.engine) {
      if (font !== this.pictureFont || !this.measure) this.measure = canvasMeasure(font || 'sans-serif');
      this.pictureFont = font;
      this.pictureOf = new MapPicture(this.t, this.measure, this.engine);
    }
    return this.pictureOf;
  }

  /**
   * The layout (d3-force and the map's forces, `layout/layout-map.ts`): a chunk of its own, fetched after the first
   * picture, or at once when a document needs laying out. A stored map is drawn without it.
   */
  private loadEngine(): Promise<void> {
    this.engineLoading ??= import('../layout/layout-map.js').then((engine) => {
      this.engine = engine;
      this.placePending();
    });
    return this.engineLoading;
  }

  /**
   * Asks for the layout of actors an edit or a document may have left without their place (see `placePending`):
   * at once, or (`soon` false: a stored map, every actor placed) when the layout comes after the first picture.
   */
  private deferPlacement(touched: ReadonlySet<string> | undefined, soon = true): void {
    const before = this.pendingPlacement;
    this.pendingPlacement = {
      touched: before && before.touched && touched ? new Set([...before.touched, ...touched]) : before ? undefined : touched,
    };
    if (this.engine) this.placePending();
    else if (soon) void this.loadEngine();
  }

  /**
   * Places what waited for the layout, as an edit of positions alone: undo takes back the edit that needed it,
   * with its actors.
   */
  private placePending(): void {
    const pending = this.pendingPlacement;
    if (!pending || !this.engine) return;
    this.pendingPlacement = null;
    const positions = this.picture.placements(this.doc, pending.touched);
    if (positions) {
      const command: Command = { type: 'setPositions', positions };
      this.commit(applyCommand(this.doc, command).map, command);
    }
  }

  // ——— public API ———

  /**
   * The current document. Setting it replaces the map (validated and migrated) and clears undo. Setting the
   * document the editor already holds (the one an `nk-change` just carried) does nothing, so that a framework
   * that binds `map` to state updated from `nk-change` neither loops nor loses the undo history.
   */
  get map(): MapDocument {
    return this.doc;
  }

  set map(value: MapDocument) {
    if (value === this.doc) return;
    if (this.locked) this.assertWritable();
    const restored = restoreMap(value);
    this.replaceDocument(this.mapId && this.storage !== 'none' ? { ...restored, id: this.mapId } : restored);
  }

  /**
   * Resolves when the map named by `map-id` has been loaded (or created), with its versions, and the layout for
   * edits is here.
   */
  get ready(): Promise<void> {
    // The versions after the first picture, which they are not needed for (`settling`; at once when not drawn).
    const versions = () => (this.settling ?? Promise.resolve()).then(() => this.versions()).then((found) => found.ready);
    return this.store.ready.then(() => Promise.all([this.loadEngine(), versions()])).then(() => undefined);
  }

  /** The selected actor's id, or null. */
  get selectedActorId(): string | null {
    return this.selectedId;
  }

  /** Adds an actor; returns its id. Unknown category or sector, or a malformed field, throws a `ValidationError`. */
  addActor(input: ActorInput = {}): string {
    this.assertWritable();
    const id = newId();
    const actor = this.translateErrors(() => actorFromInput(input, this.doc, id));
    this.execute({ type: 'addActor', actor });
    this.announce(this.t.ui.actorAdded(isolate(actorLabel(this.t, actor))));
    return id;
  }

  /** Changes fields of an actor. A new sector or ring lets the layout find it a place there. */
  updateActor(id: string, patch: ActorPatch): void {
    this.assertWritable();
    const actor = this.requireActor(id);
    const clean = this.translateErrors(() => checkActorPatch(patch, this.doc));
    const moved =
      (clean.sector !== undefined && clean.sector !== actor.sector) || (clean.ring !== undefined && clean.ring !== actor.ring);
    const full: ActorPatch = moved && !('position' in clean) ? { ...clean, position: null, pinned: false } : clean;
    this.execute({ type: 'updateActor', id, patch: full });
  }

  /** Removes an actor and its ties; undo brings both back. */
  removeActor(id: string): void {
    this.assertWritable();
    const actor = this.requireActor(id);
    this.execute({ type: 'removeActor', id });
    if (this.selectedId === id) this.select(null);
    this.announce(this.t.ui.actorRemoved(isolate(actorLabel(this.t, actor))));
  }

  /** Ties two actors, or an actor and the family (`'centre'`); returns the tie's id. */
  addTie(from: string, to: string, kind: TieKind = 'normal'): string {
    this.assertWritable();
    const issues = checkTie(this.doc, from, to, kind);
    if (issues.length > 0) this.throwIssues(issues);
    const id = newId();
    this.execute({ type: 'addTie', tie: { id, from, to, kind } });
    this.announce(this.t.ui.tieAdded(isolate(this.endName(from)), isolate(this.endName(to))));
    return id;
  }

  /** How a tie's end is named: the actor's label, or the family's. */
  private endName(id: string): string {
    const actor = findActor(this.doc, id);
    return actor ? actorLabel(this.t, actor) : mapTitle(this.t, this.doc);
  }

  /** Changes what kind of tie it is: strong, normal, weak or strained. */
  updateTie(id: string, kind: TieKind): void {
    this.assertWritable();
    const issues = checkTie({ ...this.doc, ties: [] }, CENTRE_ID, 'x', kind).filter((issue) => issue.path === 'kind');
    if (issues.length > 0) this.throwIssues(issues);
    this.execute({ type: 'updateTie', id, kind });
  }

  /** Removes a tie; undo brings it back. */
  removeTie(id: string): void {
    this.assertWritable();
    this.execute({ type: 'removeTie', id });
  }

  /** Names the family at the centre. */
  setTitle(title: string): void {
    this.assertWritable();
    const clean = cleanText(title).trim();
    if (clean.length > TITLE_LIMIT) this.throwIssues([{ path: 'title', code: 'tooLong', detail: String(TITLE_LIMIT) }]);
    if (clean !== this.doc.title) this.execute({ type: 'setTitle', title: clean });
  }

  /** Takes back the last edit; returns false when there was nothing to undo (or the editor is read-only). */
  undo(): boolean {
    if (this.readonly) return false;
    const step = this.stepOrForget(() => undoStep(this.history, this.doc));
    if (!step) {
      this.announce(this.t.ui.nothingToUndo);
      return false;
    }
    this.commit(step.map, this.history.past.at(-1)!.undo);
    this.history = step.history;
    this.announce(this.t.ui.undone);
    this.walk?.refocus();
    return true;
  }

  /** Does again the last edit undone; returns false when there was nothing to redo. */
  redo(): boolean {
    if (this.readonly) return false;
    const step = this.stepOrForget(() => redoStep(this.history, this.doc));
    if (!step) return false;
    this.commit(step.map, this.history.future[0]!.redo);
    this.history = step.history;
    this.announce(this.t.ui.redone);
    this.walk?.refocus();
    return true;
  }

  /**
   * An undo or redo step, or null. After another tab's changes were merged in, an old step may no longer fit
   * (it changes an actor that tab removed): then the history is let go rather than applied halfway.
   */
  private stepOrForget<T>(step: () => T | null): T | null {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      this.history = emptyHistory;
      return null;
    }
  }

  /** Whether there is an edit to undo. */
  get canUndo(): boolean {
    return this.history.past.length > 0;
  }

  /** Whether there is an undone edit to redo. */
  get canRedo(): boolean {
    return this.history.future.length > 0;
  }

  /** Resolves when every edit so far is durably stored; rejects with a `StorageError` when the store fails. */
  async flush(): Promise<void> {
    try {
      await this.store.flush();
    } catch (error) {
      throw this.localize(error);
    }
  }

  /** The hand-over file: the whole map as JSON, with its versions (once `ready`). */
  exportJson(): string {
    return handOverJson(this.doc, this.versionsHere?.list ?? []);
  }

  /**
   * Replaces the map with a hand-over file's, and adds the file's versions to the map's. A bad file rejects with a
   * message naming the field and changes nothing.
   */
  async importJson(text: string): Promise<void> {
    this.assertWritable();
    let file: HandOver;
    try {
      file = (await this.loadPanels()).parseHandOver(text);
      // Checked before the map changes: a file whose versions do not fit changes nothing.
      await (
        await this.versions()
      ).take(file.versions.map((version) => ({ ...version, map: { ...version.map, id: this.doc.id } })));
    } catch (error) {
      this.refuseFile(this.localize(error));
    }
    // One undoable step: an import by mistake is taken back with Ctrl+Z (the versions it brought stay: they are
    // read-only snapshots, and the next export carries them).
    const id = this.mapId && this.storage !== 'none' ? this.mapId : this.doc.id;
    this.selectedId = null;
    this.execute({ type: 'replace', map: { ...file.map, id } });
    this.announce(this.t.ui.imported);
  }

  /**
   * Saves the map as it is now as a version named `label` ("Kartläggning", "Uppföljning", "Avslut" or any name): a
   * read-only snapshot, stored with the map (sealed by the passphrase like it) and carried by `exportJson`.
   */
  async saveVersion(label: string): Promise<VersionInfo> {
    this.assertWritable();
    try {
      return versionInfo(await (await this.versions()).save(label));
    } catch (error) {
      if (error instanceof ValidationError) this.throwIssues(error.issues);
      throw this.localize(error);
    }
  }

  /**
   * What changed since the version `versionId` (until the version `untilId`, or until now), in the UI language: the
   * heading ("Förändringar sedan Kartläggning"), the groups with every contact named, and the whole as one text.
   */
  async changesSince(versionId: string, untilId?: string): Promise<Changes> {
    const panels = await this.loadPanels();
    const { list } = await this.versions();
    const find = (id: string, path: string) =>
      list.find((version) => version.id === id) ?? this.throwIssues([{ path, code: 'noSuchVersion', detail: id }]);
    const since = find(versionId, 'versionId');
    const until = untilId === undefined ? null : find(untilId, 'untilId');
    const { heading, groups } = panels.describeChanges(this.t, since, until, this.doc);
    return { heading, groups, text: panels.changeSummary(this.t, groups) };
  }

  /** The map's versions, oldest first. */
  async listVersions(): Promise<VersionInfo[]> {
    const versions = await this.versions();
    await versions.ready;
    return versions.list.map(versionInfo);
  }

  /** Tells why a hand-over file was refused, in the UI language, with `nk-error`; throws that error. */
  private refuseFile(error: unknown): never {
    const wrapped =
      error instanceof ValidationError
        ? new ValidationError(error.issues, this.t.errors.importFailed(formatIssues(this.t, error.issues)))
        : (error as Error);
    this.dispatchEvent(editorEvent('nk-error', { error: wrapped }));
    throw wrapped;
  }

  /**
   * The parent's printed map and contact list as a PDF (A4), in the UI language unless `options.lang` says
   * otherwise. The PDF stack and its fonts are loaded at the first call, not before.
   */
  async exportPdf(options: { lang?: string; date?: Date; compareWith?: string } = {}): Promise<Blob> {
    const { compareWith, ...rest } = options;
    let since: MapVersion | undefined;
    if (compareWith !== undefined) {
      since = (await this.versions()).list.find((version) => version.id === compareWith);
      if (!since) this.throwIssues([{ path: 'compareWith', code: 'noSuchVersion', detail: compareWith }]);
    }
    try {
      const { buildPdfBlob } = await import('../export/pdf.js');
      return await buildPdfBlob(this.doc, { lang: this.lang, ...rest, ...(since ? { compareWith: since } : {}) });
    } catch (error) {
      const failed = new Error(this.t.errors.exportFailed(error instanceof Error ? error.message : String(error)), {
        cause: error,
      });
      this.reportError(failed);
      throw failed;
    }
  }

  /** Selects an actor (or none), on the map and in the list. */
  select(id: string | null): void {
    if (id !== null && !findActor(this.doc, id)) return;
    if (id === this.selectedId) return;
    this.selectedId = id;
    if (id) this.focusId = id;
    this.fieldErrors = {};
    if (id) this.panel = 'none';
    if (id) this.walk?.close();
    this.dispatchEvent(editorEvent('nk-select', { actorId: id }));
  }

  /** Shows the whole map. */
  fitToView(): void {
    this.viewport.fit(this.picture.scene(this.doc).bounds);
  }

  // ——— lifecycle ———

  protected override firstUpdated(): void {
    this.settling = new Promise<void>((resolve) => {
      const settle = () => {
        if (this.settled) return;
        this.settled = true;
        void this.loadPanels();
        void this.loadEngine();
        resolve();
      };
      // Just after the next frame (a frame callback runs before that frame's paint); or soon, in a hidden tab.
      requestAnimationFrame(() => setTimeout(settle, 0));
      setTimeout(settle, 100);
    });
  }

  /** The map's versions, once the forms' chunk that holds them is here. */
  private async versions(): Promise<VersionsController> {
    await this.loadPanels();
    return this.versionsHere!;
  }

  /**
   * The forms' chunk (elements/panels.ts): fetched once the map is on screen, or at once when something asks for
   * it first (an import, the versions).
   */
  private loadPanels(): Promise<Panels> {
    this.panelsLoading ??= import('./panels.js').then((panels) => {
      this.quickAdd = new panels.QuickAddController(this, {
        find: (query) => panels.findCategories(this.t, query),
        add: (option, needed) => this.addChosen({ ...option, status: needed ? 'needed' : 'active' })?.message ?? null,
        command: (event) => this.runKey(event),
      });
      this.walk = new panels.WalkController(this, {
        map: () => this.doc,
        add: (input) => {
          const error = this.addChosen(input);
          this.fieldErrors = error ? this.errorsByField(error.issues) : {};
          return !error;
        },
        skip: (category) => {
          this.assertWritable();
          this.fieldErrors = {};
          this.execute({ type: 'setSkipped', category, skipped: true });
        },
        focus: (closed) =>
          void this.updateComplete.then(() =>
            this.renderRoot.querySelector<HTMLElement>(closed ? '.walk-button' : '.walk .walk-question')?.focus(),
          ),
      });
      this.dragLayer = new panels.DragLayer();
      this.fold = new panels.ToolbarFoldController(
        this,
        () => this.renderRoot.querySelector<HTMLElement>('.toolbar'),
        (id) => action(id as Parameters<typeof action>[0]).fold,
      );
      panels.adoptPanelStyles(this.renderRoot as ShadowRoot);
      this.versionsHere = new panels.VersionsController(this, {
        storedId: () => (this.mapId && this.storage !== 'none' ? this.mapId : null),
        current: () => this.doc,
      });
      void this.versionsHere.ready;
      this.panels = panels;
      return panels;
    });
    return this.panelsLoading;
  }

  /** Complete once the whole editor is drawn: the list after the map, and a language table fetched if needed. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (;;) {
      const waiting = [
        this.settled ? null : this.settling,
        this.panels ? null : this.panelsLoading,
        this.engine ? null : this.engineLoading,
        this.languageLoading,
      ].filter(Boolean);
      if (waiting.length === 0) return complete;
      const loading = this.languageLoading;
      await Promise.all(waiting);
      if (this.languageLoading === loading) this.languageLoading = null;
      complete = await super.getUpdateComplete();
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('mapId') || changed.has('storage')) {
      this.store.ensureLoaded();
      if (this.versionsHere) void this.versionsHere.ready;
    }
    if (changed.has('lang') && !hasTranslations(this.lang)) {
      const lang = this.lang;
      this.languageLoading = loadTranslations(lang).then(() => {
        if (this.lang === lang) this.requestUpdate();
      });
    }
    const picture = this.picture;
    if (changed.has('doc') || picture !== this.fittedPicture) {
      const previous = changed.get('doc') as MapDocument | undefined;
      if (changed.has('doc')) this.motion.follow(this.doc.actors, !previous || previous.id !== this.doc.id);
      const { bounds } = picture.scene(this.doc);
      if (changed.has('doc') && (!previous || previous.id !== this.doc.id)) this.viewport.fit(bounds);
      else this.viewport.follow(bounds);
      this.fittedPicture = picture;
    }
  }

  // ——— editing ———

  private execute(command: Command): void {
    const applied = applyCommand(this.doc, command);
    let map = applied.map;
    let entry = { redo: command, undo: applied.inverse };
    // An actor new, moved to another slice, or whose label grew over another's: the layout finds it a place.
    const touched = touchedBy(command);
    let positions: Positions | null = null;
    if (!movesNothing(command) && this.engine) positions = this.picture.placements(map, touched);
    else if (!movesNothing(command) && this.picture.needsPlacing(map, touched)) this.deferPlacement(touched);
    if (positions) {
      const place: Command = { type: 'setPositions', positions };
      const placed = applyCommand(map, place);
      map = placed.map;
      entry = {
        redo: { type: 'batch', commands: [command, place] },
        undo: { type: 'batch', commands: [placed.inverse, applied.inverse] },
      };
    }
    this.history = record(this.history, entry);
    this.commit(map, entry.redo);
    this.store.userEdited();
  }

  /** Every change to the document goes through here: stamped, saved, announced to the host. */
  private commit(map: MapDocument, command: Command): void {
    this.show({ ...map, updatedAt: new Date().toISOString() });
    this.store.edited(this.doc, command);
    // An actor back without a place (a redo of an edit made while the layout was on its way).
    if (command.type !== 'setPositions' && this.doc.actors.some((actor) => !actor.position)) this.deferPlacement(undefined);
  }

  /** Puts a document on screen and tells the host; selection and focus follow what still exists. */
  private show(doc: MapDocument): void {
    this.doc = doc;
    if (this.selectedId && !findActor(doc, this.selectedId)) this.select(null);
    if (this.focusId && !findActor(doc, this.focusId)) this.focusId = doc.actors[0]?.id ?? null;
    this.dispatchEvent(editorEvent('nk-change', { map: doc }));
  }

  /** The unlock form: a wrong passphrase says so and changes nothing; the right one loads the map. */
  private async onUnlock(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).querySelector('input')!;
    if (!(await this.store.unlock(input.value))) {
      this.unlockError = this.t.errors.wrongPassphrase;
      input.select();
      return;
    }
    input.value = '';
    this.unlockError = '';
  }

  /**
   * A whole new document: from the store at `storedRevision`, or from the host (the `map` property, an import)
   * when `storedRevision` is undefined, which is then stored over what was there.
   */
  private replaceDocument(doc: MapDocument, storedRevision?: number): void {
    // Out of the page, the map's font is not known and labels cannot be measured: placed once connected.
    this.placeWhenConnected = this.isConnected ? null : { storedRevision };
    // A map as it was stored or set keeps its picture: only actors without a place, or whose slice moved away from
    // them, are placed (none is touched).
    let positions: Positions | null = null;
    if (this.isConnected && this.engine) positions = this.picture.placements(doc, NOTHING_TOUCHED);
    // Without the layout, a map whose every actor has its place is drawn as stored, and checked when the layout
    // comes (after the first picture): its actors move only if one does not fit where it is, which is rare.
    else if (this.isConnected)
      this.deferPlacement(
        NOTHING_TOUCHED,
        doc.actors.some((actor) => !actor.position),
      );
    const needsLayout = positions !== null;
    const placed = positions ? applyCommand(doc, { type: 'setPositions', positions }).map : doc;
    this.history = emptyHistory;
    this.selectedId = null;
    this.focusId = placed.actors[0]?.id ?? null;
    this.tieFrom = null;
    this.fieldErrors = {};
    this.doc = placed;
    this.store.took(placed, storedRevision, needsLayout);
    this.dispatchEvent(editorEvent('nk-change', { map: placed }));
  }

  private dropActor(id: string, point: Point): void {
    this.motion.endDrag();
    this.dragLayer?.end();
    const at = locate(point, this.picture.frame(this.doc));
    const position = { x: Math.round(point.x * 10) / 10, y: Math.round(point.y * 10) / 10 };
    this.execute({ type: 'updateActor', id, patch: { position, pinned: true, sector: at.sector, ring: at.ring } });
  }

  /** A tap or Enter on an actor: selects it, or ends a tie being drawn. */
  private activateActor(id: string): void {
    if (this.tieFrom) {
      this.finishTie(id);
      return;
    }
    this.select(id);
  }

  private finishTie(to: string): void {
    const from = this.tieFrom;
    this.tieFrom = null;
    if (!from || from === to) return;
    try {
      this.addTie(from, to, 'normal');
    } catch (error) {
      this.reportError(error);
    }
    // The family's circle stops being focusable when the tie is made: keep focus on an actor.
    if (this.renderRoot.querySelector('svg.map :focus')) this.focusItem(to === CENTRE_ID ? from : to);
  }

  // ——— errors and announcements ———

  private assertWritable(): void {
    if (this.readonly) throw new Error(this.t.errors.readonly);
    // An edit is made on the map now: a version shown read-only gives way to it.
    this.viewingId = null;
    if (this.locked) {
      // Refused, not kept: there is no map to edit until the maps are unlocked.
      const error = new StorageError('locked', 'the maps are locked');
      error.message = this.t.errors.lockedEdit;
      this.dispatchEvent(editorEvent('nk-error', { error }));
      throw error;
    }
  }

  private requireActor(id: string): Actor {
    const actor = findActor(this.doc, id);
    if (!actor) this.throwIssues([{ path: 'id', code: 'unknownActor', detail: id }]);
    return actor;
  }

  private throwIssues(issues: readonly ValidationIssue[]): never {
    throw new ValidationError(issues, this.t.errors.invalidInput(formatIssues(this.t, issues)));
  }

  /** Re-throws a model `ValidationError` with a message in the UI language. */
  private translateErrors<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof ValidationError) this.throwIssues(error.issues);
      throw error;
    }
  }

  /** A storage failure with a message in the UI language; other errors as they are. */
  private localize(error: unknown): Error {
    if (!(error instanceof StorageError)) return error instanceof Error ? error : new Error(String(error));
    const { errors } = this.t;
    const localized = new StorageError(error.kind, error.cause ?? error);
    const messages: Partial<Record<StorageError['kind'], string>> = {
      full: errors.storageFull,
      unavailable: errors.storageUnavailable,
      locked: errors.locked,
      deleted: errors.deletedElsewhere,
    };
    localized.message = messages[error.kind] ?? errors.saveFailed;
    return localized;
  }

  private reportError(error: unknown): void {
    // Locked while editing (the passphrase was changed in another tab): ask for it; the edits wait in memory.
    if (error instanceof StorageError && error.kind === 'locked') {
      this.locked = true;
      this.store.lockedBySave();
    }
    const shown = this.localize(error);
    this.errorMessage = shown.message;
    this.storageErrorShown = shown instanceof StorageError;
    this.dispatchEvent(editorEvent('nk-error', { error: shown }));
  }

  private announce(message: string): void {
    // Clear first so that the same words twice are read twice.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = message;
    });
  }

  // ——— UI handlers ———

  private onAddSubmit(data: Record<string, string>): void {
    const input: ActorInput = {
      category: data.category || undefined,
      organisation: data.organisation ?? '',
      name: data.name ?? '',
      phone: data.phone ?? '',
      email: data.email ?? '',
      helpsWith: data.helpsWith ?? '',
      // The form's own options; a ring left as it is is the catalogue's for the kind of contact.
      ...(data.status ? { status: data.status as ActorStatus } : {}),
      ...(data.ring ? { ring: Number(data.ring) as Ring } : {}),
    };
    try {
      const id = this.addActor(input);
      this.panel = 'none';
      this.select(id);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#edit-heading')?.focus());
    } catch (error) {
      if (error instanceof ValidationError) this.fieldErrors = this.errorsByField(error.issues);
      else this.reportError(error);
    }
  }

  /** Starts (or takes up again) the kartläggning in the side panel. */
  private startWalk(): void {
    this.panel = 'none';
    this.select(null);
    this.fieldErrors = {};
    this.walk?.start();
  }

  /**
   * A contact chosen by typing its kind or in the kartläggning; the refusal, in the UI language, when a field is
   * wrong or the map is full (a refusal while locked is told by `assertWritable`).
   */
  private addChosen(input: ActorInput): ValidationError | null {
    try {
      this.addActor(input);
      return null;
    } catch (error) {
      if (error instanceof ValidationError) return error;
      if (!(error instanceof StorageError)) this.reportError(error);
      return new ValidationError([], error instanceof Error ? error.message : String(error));
    }
  }

  private onFieldChange(id: string, patch: ActorPatch, field: string): void {
    try {
      this.updateActor(id, patch);
      const { [field]: _cleared, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    } catch (error) {
      if (error instanceof ValidationError) this.fieldErrors = { ...this.fieldErrors, ...this.errorsByField(error.issues) };
      else this.reportError(error);
    }
  }

  private errorsByField(issues: readonly ValidationIssue[]): FieldErrors {
    const errors: FieldErrors = {};
    for (const issue of issues) {
      const field = issue.path.split('.')[0] || 'form';
      errors[field] = formatIssues(this.t, [issue]);
    }
    return errors;
  }

  private onTitleChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    try {
      this.setTitle(input.value);
    } catch (error) {
      this.reportError(error);
      input.value = this.doc.title;
    }
  }

  private startTie(from: string | null = this.selectedId): void {
    const actor = from ? findActor(this.doc, from) : undefined;
    if (!actor) return;
    this.tieFrom = actor.id;
    this.announce(this.t.ui.tieHint(isolate(actorLabel(this.t, actor))));
  }

  /** Escape: cancels a tie, closes the add form, or clears the selection; focus goes where the user was. */
  private cancel(typing: boolean): void {
    if (this.menuOpen) void this.onMenu(false, 'first', true);
    else if (this.tieFrom) {
      const from = this.tieFrom;
      this.tieFrom = null;
      this.focusItem(from);
    } else if (this.panel === 'add') {
      this.panel = 'none';
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.toolbar button.primary')?.focus());
    } else if (this.selectedId && !typing) {
      const selected = this.selectedId;
      this.select(null);
      this.focusItem(selected);
    }
  }

  /** The family at the centre: the end of a tie being drawn; else its name, to write. */
  private activateCentre(): void {
    if (this.tieFrom) this.finishTie(CENTRE_ID);
    else if (!this.readonly) this.renderRoot.querySelector<HTMLInputElement>('.title-field input')?.focus();
  }

  /** The order arrow keys walk: the contact list's (by sector, the missing ones last), the family first when tying. */
  private navigationOrder(): string[] {
    const { actors, sectors } = this.doc;
    const listed = sectors.flatMap((sector) =>
      actors.filter((actor) => actor.sector === sector.id && actor.status !== 'needed').map((actor) => actor.id),
    );
    const needed = actors.filter((actor) => actor.status === 'needed').map((actor) => actor.id);
    return [...(this.tieFrom ? [CENTRE_ID] : []), ...listed, ...needed];
  }

  private focusItem(id: string): void {
    this.focusId = id;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<SVGGElement>(`svg.map [data-actor-id="${CSS.escape(id)}"]`)?.focus(),
    );
  }

  /** Alt+arrows: one ring closer or further, one sector round the clock; the layout finds the actor a place. */
  private moveBy(id: string, ringStep: number, sectorStep: number): void {
    const actor = findActor(this.doc, id);
    if (!actor) return;
    const ring = Math.min(3, Math.max(1, actor.ring + ringStep)) as Actor['ring'];
    const sectors = this.doc.sectors;
    const index = sectors.findIndex((sector) => sector.id === actor.sector);
    const sector = sectors[(index + sectorStep + sectors.length) % sectors.length]!.id;
    if (ring === actor.ring && sector === actor.sector) return;
    this.updateActor(id, { ring, sector });
    const moved = findActor(this.doc, id)!;
    this.announce(
      this.t.ui.actorMoved(
        isolate(actorLabel(this.t, moved)),
        this.t.rings[moved.ring],
        isolate(
          sectorLabel(
            this.t,
            sectors.find((s) => s.id === moved.sector)!,
          ),
        ),
      ),
    );
    this.focusItem(id);
  }

  /** Delete on a focused actor: removes it and moves focus to its neighbour, so the keyboard stays in the map. */
  private removeFromKeyboard(id: string): void {
    if (id === CENTRE_ID) return;
    const order = this.navigationOrder().filter((item) => item !== CENTRE_ID);
    const index = order.indexOf(id);
    const neighbour = order[index + 1] ?? order[index - 1];
    this.removeActor(id);
    if (neighbour) this.focusItem(neighbour);
  }

  /** The toolbar's PDF button: makes the PDF and hands it to the browser to open, print or save. */
  private async savePdf(): Promise<void> {
    this.makingPdf = true;
    try {
      const blob = await this.exportPdf();
      download(blob, safeFileName(this.t.ui.fileName(mapTitle(this.t, this.doc)), 'pdf'));
      this.announce(this.t.ui.pdfReady);
    } catch {
      /* reported by exportPdf */
    } finally {
      this.makingPdf = false;
    }
  }

  private saveJsonFile(): void {
    const blob = new Blob([this.exportJson()], { type: 'application/json' });
    download(blob, safeFileName(this.t.ui.fileName(mapTitle(this.t, this.doc)), 'json'));
  }

  /** A hand-over file chosen or dropped: a bad one is explained and changes nothing. */
  private async importFile(file: File): Promise<void> {
    try {
      // Refused before it is read: a file far over the limit would hold the page while it loads.
      // (Bytes, not characters: UTF-8 takes up to three bytes for a character of the limit.)
      if (file.size > 3 * LIMITS.fileSize) this.refuseFile(fileTooLarge());
      await this.importJson(await file.text());
      this.errorMessage = '';
    } catch (error) {
      this.errorMessage = error instanceof Error ? error.message : String(error);
    }
  }

  private readonly onDragOver = (event: DragEvent): void => {
    if (this.readonly || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dropping = true;
  };

  private readonly onDragLeave = (event: DragEvent): void => {
    if (!this.contains(event.relatedTarget as Node | null)) this.dropping = false;
  };

  private readonly onDrop = (event: DragEvent): void => {
    this.dropping = false;
    const file = event.dataTransfer?.files[0];
    if (this.readonly || !file) return;
    event.preventDefault();
    void this.importFile(file);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.fontFamily = null;
    if (this.placeWhenConnected) this.replaceDocument(this.doc, this.placeWhenConnected.storedRevision);
    this.addEventListener('dragover', this.onDragOver);
    this.addEventListener('dragleave', this.onDragLeave);
    this.addEventListener('drop', this.onDrop);
  }

  override disconnectedCallback(): void {
    this.dragLayer?.end();
    this.removeEventListener('dragover', this.onDragOver);
    this.removeEventListener('dragleave', this.onDragLeave);
    this.removeEventListener('drop', this.onDrop);
    super.disconnectedCallback();
  }

  private async openHelp(): Promise<void> {
    this.helpOpen = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.help')?.showModal();
  }

  private closeHelp(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.help')?.close();
  }

  private onHelpClosed(): void {
    this.helpOpen = false;
    // Back to where the user was: the help button, or the map.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('button.help-button')?.focus());
  }

  private comparisonFor: { key: readonly unknown[]; comparison: Comparison | null } | null = null;

  /**
   * The comparison shown (from a version to another, or to the map now), worked out once for the versions, the map
   * and the language it was made of: the panel's list and the map's marks both show it.
   */
  private comparison(panels: Panels): Comparison | null {
    const compare = this.compare;
    const list = this.versionsHere?.list ?? [];
    const key = [compare, list, compare?.to === null ? this.doc : null, this.t];
    const known = this.comparisonFor;
    if (known && key.every((part, i) => part === known.key[i])) return known.comparison;
    const from = compare && list.find((version) => version.id === compare.from);
    const to = compare?.to ? list.find((version) => version.id === compare.to) : null;
    const comparison = from && to !== undefined ? panels.describeChanges(this.t, from, to, this.doc) : null;
    this.comparisonFor = { key, comparison };
    return comparison;
  }

  /** While a version is compared with now, on the map now: the sign of each contact that changed since. */
  private changeMarks(
    panels: Panels | null,
    viewing: MapVersion | null,
  ): ReadonlyMap<string, { glyph: string; text: string }> | undefined {
    if (!panels || viewing || this.compare?.to !== null) return undefined;
    const comparison = this.comparison(panels);
    return comparison ? panels.changeMarks(comparison.groups) : undefined;
  }

  /** The version shown instead of the map, if any. */
  private get viewing(): MapVersion | null {
    return this.versionsHere?.list.find((version) => version.id === this.viewingId) ?? null;
  }

  /** "Spara version": the map as it is now, under the name given; why not, beside the field, when refused. */
  private async onSaveVersion(label: string): Promise<void> {
    try {
      const saved = await this.saveVersion(label);
      this.versionError = '';
      this.announce((await import('../i18n/change-words.js')).changeWords(this.t).saved(saved.label));
    } catch (error) {
      this.versionError = error instanceof Error ? error.message : String(error);
    }
  }

  /** Shows a version read-only, in place of the map, with the way back. */
  private viewVersion(id: string): void {
    this.viewingId = id;
    this.select(null);
    this.panel = 'none';
    this.tieFrom = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.viewing-banner button')?.focus());
  }

  private backToNow(): void {
    const id = this.viewingId;
    this.viewingId = null;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`.version-list [data-version-id="${CSS.escape(id ?? '')}"] button`)?.focus(),
    );
  }

  /** What changed from one version to another, or to now: the list in the panel, its heading focused. */
  private compareVersions(from: string, to: string | null): void {
    this.compare = { from, to };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#changes-heading')?.focus());
  }

  private openAddForm(): void {
    this.walk?.close();
    this.panel = 'add';
    this.selectedId = null;
    this.fieldErrors = {};
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#add-category')?.focus());
  }

  /**
   * Runs the command a key stands for (elements/actions.ts): one of the map's on the actor `id` it was pressed on,
   * else one of the whole editor's. False when the key is none, or the command cannot run now.
   */
  private runKey(event: KeyboardEvent, id?: string): boolean {
    // On the family at the centre a key is the whole editor's (N), never one for an actor.
    if (id === CENTRE_ID) return false;
    const command =
      id === undefined
        ? commandForKey(event, 'editor', this.actionState)
        : commandForKey(event, 'item', { ...this.actionState, selectedId: id });
    command?.run(this.commands, id);
    return command !== undefined;
  }

  /** What the commands ask of the editor to say whether they are offered, enabled and pressed. */
  private get actionState(): ActionState {
    return {
      readonly: this.readonly || this.viewing !== null,
      canUndo: this.canUndo,
      canRedo: this.canRedo,
      selectedId: this.selectedId,
      tying: this.tieFrom !== null,
      view: this.view,
      makingPdf: this.makingPdf,
    };
  }

  /** The toolbar's menu: opened with the focus on its first or last item, closed back to "Mer" or wherever it went. */
  private async onMenu(open: boolean, focus: 'first' | 'last' = 'first', focusButton = false): Promise<void> {
    this.menuOpen = open;
    if (!open) {
      if (focusButton) this.renderRoot.querySelector<HTMLElement>('.more-button')?.focus();
      return;
    }
    await this.updateComplete;
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('#toolbar-menu [role^="menuitem"]')];
    (focus === 'first' ? items[0] : items.at(-1))?.focus();
  }

  // ——— rendering ———

  protected override render() {
    const t = this.t;
    const viewing = this.viewing;
    const doc = viewing?.map ?? this.doc;
    const readonly = this.readonly || viewing !== null;
    const selected = this.selectedId ? findActor(doc, this.selectedId) : undefined;
    const title = mapTitle(t, doc);
    const panels = this.panels;
    const actions = this.actionState;
    if (this.locked) return renderUnlock(t, this.unlockError, (event) => void this.onUnlock(event));
    return html`<div class="editor" lang=${t.locale} aria-busy=${this.loading ? 'true' : 'false'}>
      <div class="title-row" part="title">
        <label class="title-field">
          <span>${t.fields.title}</span>
          <input
            type="text"
            dir="auto"
            maxlength=${TITLE_LIMIT}
            .value=${doc.title}
            placeholder=${t.ui.untitled}
            ?readonly=${readonly}
            @change=${this.onTitleChange}
          />
        </label>
        ${
          this.panels && this.quickAdd && !readonly
            ? this.panels.renderIntake(t, doc, this.quickAdd, renderCommand(action('walk'), t, actions, this.commands))
            : nothing
        }
      </div>
      ${renderToolbar({
        t,
        state: actions,
        target: this.commands,
        folded: this.fold?.folded ?? NOTHING_FOLDED,
        menuOpen: this.menuOpen,
        onMenu: (open, focus) => void this.onMenu(open, focus),
        menu: panels
          ? panels.renderToolbarMenu({
              t,
              state: actions,
              target: this.commands,
              folded: this.fold?.folded ?? NOTHING_FOLDED,
              onClose: (focusButton) => void this.onMenu(false, 'first', focusButton),
            })
          : nothing,
        onImportFile: (file) => void this.importFile(file),
      })}
      ${this.errorMessage ? html`<p class="message error" part="message" role="alert">${this.errorMessage}</p>` : nothing}
      ${
        viewing && panels
          ? html`<div class="message info viewing-banner" part="message" role="status">
              <span>${panels.changeWords(t).viewing(viewing.label, panels.versionDate(t, viewing.savedAt))}</span>
              <button type="button" @click=${() => this.backToNow()}>${panels.changeWords(t).backToNow}</button>
            </div>`
          : nothing
      }
      ${
        this.noticeMessage
          ? html`<div class="message info" part="message" role="status">
              <span>${this.noticeMessage}</span>
              <button
                type="button"
                class="icon"
                aria-label=${t.ui.dismiss}
                title=${t.ui.dismiss}
                @click=${() => (this.noticeMessage = '')}
              >
                ✕
              </button>
            </div>`
          : nothing
      }
      ${
        this.tieFrom && findActor(doc, this.tieFrom)
          ? html`<p class="message hint" part="message">
              ${t.ui.tieHint(isolate(actorLabel(t, findActor(doc, this.tieFrom)!)))}
            </p>`
          : nothing
      }
      <div class="body ${this.view === 'list' ? 'list-view' : 'map-view'}">
        <div class="map-area" ?hidden=${this.view === 'list'}>
          <svg
            class="map"
            part="map"
            role="group"
            aria-label=${t.ui.mapLabel(title)}
            aria-describedby="map-description"
            viewBox=${this.viewport.viewBox}
            preserveAspectRatio="xMidYMid meet"
            @wheel=${this.viewport.onWheel}
            @pointerdown=${this.viewport.onPointerDown}
            @pointermove=${(event: PointerEvent) => {
              this.drag.onPointerMove(event);
              this.viewport.onPointerMove(event);
            }}
            @pointerup=${(event: PointerEvent) => {
              this.drag.onPointerUp(event);
              this.viewport.onPointerUp(event);
            }}
            @pointercancel=${(event: PointerEvent) => {
              this.drag.onPointerCancel(event);
              this.viewport.onPointerUp(event);
            }}
          >
            <desc id="map-description">${t.ui.mapDescription}</desc>
            ${renderMapContent({
              map: doc,
              // A drag is drawn on its own layer, over the map's picture as it is; only without that layer (before the
              // forms' chunk has come) does the map draw the dragged actor itself.
              scene:
                this.motion.animating || (this.motion.dragging && !this.dragLayer)
                  ? this.picture.scene(doc, (actor) => this.motion.positionOf(actor.id))
                  : this.picture.scene(doc),
              t,
              selectedId: this.selectedId,
              tieFrom: this.tieFrom,
              focusId: this.focusId ?? doc.actors[0]?.id ?? null,
              onActorPointerDown: (event, actor) =>
                this.drag.onPointerDown(event, actor.id, this.motion.positionOf(actor.id) ?? { x: 0, y: 0 }),
              onItemKeyDown: (event, id) => this.keyboard.onItemKeyDown(event, id),
              onCentreActivate: () => this.activateCentre(),
              changes: this.changeMarks(panels, viewing),
            })}
          </svg>
          <div class="map-controls" part="map-controls" role="group" aria-label=${t.ui.mapControls}>
            ${commandsIn('map', actions).map((command) => renderCommand(command, t, actions, this.commands))}
          </div>
          ${this.loading ? html`<p class="loading">${t.ui.loading}</p>` : nothing}
          ${panels ? panels.renderLegend(t.ui.legend, this.picture.scene(doc).legend) : nothing}
        </div>
        <div class="panel" part="panel">
          ${panels && this.walk?.open && !readonly ? panels.renderWalk(t, doc, this.walk, this.fieldErrors) : nothing}
          ${
            panels && this.panel === 'add' && !readonly
              ? panels.renderAddForm({
                  t,
                  map: doc,
                  errors: this.fieldErrors,
                  onSubmit: (data) => this.onAddSubmit(data),
                  onCancel: () => (this.panel = 'none'),
                })
              : nothing
          }
          ${
            panels && selected
              ? panels.renderEditForm({
                  t,
                  map: doc,
                  actor: selected,
                  errors: this.fieldErrors,
                  readonly: readonly,
                  onChange: (patch, field) => this.onFieldChange(selected.id, patch, field),
                  commands: html`${commandsIn('form', actions).map((command) => renderCommand(command, t, actions, this.commands))}`,
                  onClose: () => this.select(null),
                  onAddTie: (to, kind) => {
                    try {
                      this.addTie(selected.id, to, kind);
                    } catch (error) {
                      this.reportError(error);
                    }
                  },
                  onTieKind: (tieId, kind) => this.updateTie(tieId, kind),
                  onRemoveTie: (tieId) => this.removeTie(tieId),
                })
              : nothing
          }
          ${
            panels && this.versionsHere
              ? panels.renderVersionsPanel({
                  t,
                  map: this.doc,
                  versions: this.versionsHere.list,
                  readonly: this.readonly,
                  error: this.versionError,
                  comparison: this.comparison(panels),
                  onSave: (label) => void this.onSaveVersion(label),
                  onView: (id) => this.viewVersion(id),
                  onCompare: (from, to) => this.compareVersions(from, to),
                  onCloseCompare: () => (this.compare = null),
                })
              : nothing
          }
          ${
            panels
              ? panels.renderContactList({ map: doc, t, selectedId: this.selectedId, onSelect: (id) => this.select(id) })
              : nothing
          }
        </div>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.dropping ? html`<div class="drop-hint" aria-hidden="true">${t.ui.dropHint}</div>` : nothing}
      ${
        panels && this.helpOpen
          ? panels.renderHelpDialog(
              t,
              () => this.closeHelp(),
              () => this.onHelpClosed(),
            )
          : nothing
      }
    </div>`;
  }
}
