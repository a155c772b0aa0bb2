import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { KeyboardController } from '../controllers/keyboard-controller.js';
import type { ToolbarFoldController } from '../controllers/toolbar-fold-controller.js';
import type { FileDropController } from '../controllers/file-drop-controller.js';
import type { DragController } from '../controllers/drag-controller.js';
import { MotionController } from '../controllers/motion-controller.js';
import type { QuickAddController } from '../controllers/quick-add-controller.js';
import type { WalkController } from '../controllers/walk-controller.js';
import { ViewportController } from '../controllers/viewport-controller.js';
import {
  actorLabel,
  hasTranslations,
  isolate,
  loadTranslations,
  mapTitle,
  translations,
  type Translations,
} from '../i18n/index.js';
import { locate } from '../layout/geometry.js';
import { MapPicture } from '../scene/map-picture.js';
import type { MeasureText } from '../scene/typography.js';
import type { LayoutEngine } from '../layout/placement.js';
import { findActor } from '../model/document.js';
import { fileTooLarge, restoreMap } from '../model/restore.js';
import { handOverJson, versionInfo, type HandOver } from '../model/versions.js';
import type { ChangeGroup } from '../i18n/change-words.js';
import { LIMITS } from '../model/limits.js';
import {
  CENTRE_ID,
  type Actor,
  type ActorInput,
  type ActorPatch,
  type MapDocument,
  type Point,
  type MapVersion,
  type TieKind,
  type VersionInfo,
} from '../model/types.js';
import { TITLE_LIMIT, ValidationError } from '../model/validation.js';
import { EditorSession } from '../session/editor-session.js';
import type { SessionEvent } from '../session/session-events.js';
import { MapStorageController, type StorageMode } from '../controllers/map-storage-controller.js';
import type { FieldErrors } from './actor-form.js';
import { action, commandForKey, type ActionState, type ActionTarget, type EditorView } from './actions.js';
import { commandsIn, renderCommand, renderToolbar } from './toolbar.js';
import { renderUnlock } from './unlock-form.js';
import { renderSaveState } from './save-state.js';
import { editorStyles } from './editor-styles.js';
import { mapStyles } from './map-styles.js';
import { canvasMeasure } from './canvas-measure.js';
import { editorEvent } from './events.js';
import { renderMapContent, type MapViewState } from './map-view.js';
import { afterNextPaint } from './next-paint.js';
import type { DragLayer } from './drag-layer.js';
import type { GlideLayer } from './glide-layer.js';
import type { VersionsView } from './versions-view.js';
import type { HelpDialog } from './help-dialog.js';
import type { VersionsController } from '../controllers/versions-controller.js';

export type { StorageMode };

const NOTHING_FOLDED: ReadonlySet<string> = new Set();

type Panels = typeof import('./panels.js');

/** What `changesSince` tells: the heading, each group of changes with the contacts it names, and all as one text. */
export interface Changes {
  heading: string;
  groups: ChangeGroup[];
  text: string;
}

/**
 * `<natverkskarta-editor>`: a family's network map — the family at the centre, every contact around it in
 * sectors (who is responsible) and rings (how close) — with a contact list, an editing form, undo and redo,
 * and autosave to IndexedDB.
 *
 * @summary An accessible network-map editor for the support around a child with a disability.
 *
 * @fires {NkChangeDetail} nk-change - After every edit, undo and redo, and when a map is loaded or replaced. `detail: { map }`.
 * @fires {NkSelectDetail} nk-select - When the selected actor changes. `detail: { actorId }` (null when none).
 * @fires {NkErrorDetail} nk-error - When storage is full or unavailable, an import is bad or a save fails. `detail: { error }`.
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

  /**
   * The editor's state without its screen (`session/`): the document, its history, the selection, the tie being
   * drawn, the versions, the messages. It checks every edit; this element shows it and tells the host.
   */
  private readonly session: EditorSession = new EditorSession({
    t: () => this.t,
    readonly: () => this.readonly,
    locked: () => this.store.status.locked,
    // Out of the page, the map's font is not known and labels cannot be measured.
    placer: () => (this.isConnected ? this.picture : null),
    requestLayout: () => void this.loadEngine(),
  });

  /** The side panel's form: adding an actor, or none (the selected actor's form shows when one is selected). */
  @state() private panel: 'none' | 'add' = 'none';
  /** What had the focus when the add form opened (the toolbar's button, or an actor or the family on the map). */
  private addOpener: HTMLElement | null = null;
  @state() private fieldErrors: FieldErrors = {};
  @state() private announcement = '';
  @state() private makingPdf = false;
  @state() private importingFile = false;
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
  @state() private menuOpen = false;
  @state() private view: EditorView = 'map';

  @query('svg.map') private svgElement!: SVGSVGElement | null;

  private readonly viewport = new ViewportController(this);
  /**
   * Dragging an actor, and the dragged actor's own layer (elements/drag-layer.ts), drawn over the map's picture as it
   * is: both come with the forms' chunk, after the first picture.
   */
  private drag: DragController | null = null;
  private dragLayer: DragLayer | null = null;
  /** The actors gliding to their places after an edit, on a layer of their own (elements/glide-layer.ts). */
  private glideLayer: GlideLayer | null = null;
  private readonly motion: MotionController = new MotionController(
    this,
    (id, point) => {
      if (this.svgElement) this.dragLayer?.move(this.svgElement, id, point);
    },
    (done) => this.glideLayer?.draw(this.svgElement, done ? null : () => this.mapView(), this.motion.gliding) ?? false,
  );
  /** The map in IndexedDB: it loads into the session and stores what the session tells it. */
  private readonly store: MapStorageController = new MapStorageController(this, this.session, {
    mapId: () => this.mapId,
    mode: () => this.storage,
    t: () => this.t,
  });
  /** The map's versions and their part of the screen: made with the forms' chunk (none is needed for the first picture). */
  private versionsHere: VersionsView | null = null;
  /** The map's keys (arrows, Enter, Alt + arrows, Escape) and the commands' keys: made with the forms' chunk. */
  private keyboard: KeyboardController | null = null;
  /** The keyboard help: made with the forms' chunk, which holds it. */
  private help: HelpDialog | null = null;
  /** A hand-over file dropped on the editor: made with the forms' chunk, which reads it. */
  private fileDrop: FileDropController | null = null;
  /** Which toolbar buttons fold into its menu: made with the forms' chunk, which holds the menu. */
  private fold: ToolbarFoldController | null = null;
  /** What the commands (elements/actions.ts) do here. */
  private readonly commands: ActionTarget = {
    openAddForm: () => this.openAddForm(),
    startWalk: () => this.startWalk(),
    toggleTie: (id) => (id || !this.session.tieFrom ? this.session.startTie(id) : this.session.cancelTie()),
    undo: () => this.undo(),
    redo: () => this.redo(),
    remove: (id) => {
      const removing = id ?? this.session.selectedId;
      if (removing) this.removeKeepingFocus(removing);
    },
    savePdf: () => void this.savePdf(),
    // The download comes with the forms' chunk; one that could not be fetched is asked for again at the next use.
    saveFile: () => void this.saveJsonFile().catch(() => undefined),
    pickFile: () => this.renderRoot.querySelector<HTMLInputElement>('.file-button input')?.click(),
    zoom: (factor) => this.viewport.zoom(factor),
    fit: () => this.fitToView(),
    setView: (view) => (this.view = view),
    openHelp: () => void this.loadPanels().then(() => this.help!.open()),
  };
  /** Adding by typing: made with the forms' chunk, which holds it, its search and its styles. */
  private quickAdd: QuickAddController | null = null;
  /** The kartläggning, made with the forms' chunk too. */
  private walk: WalkController | null = null;

  constructor() {
    super();
    // After the storage's own listener (made with it, above): a host that hears `nk-change` and calls `flush()`
    // finds the edit already waiting to be stored.
    this.session.subscribe((event) => this.heard(event));
  }

  /** What the session tells, shown and told to the host as the element's events. */
  private heard(event: SessionEvent): void {
    this.requestUpdate();
    if (event.type === 'map') {
      if (event.change.kind === 'cleared') this.panel = 'none';
      if (event.change.kind === 'replaced') this.fieldErrors = {};
      this.dispatchEvent(editorEvent('nk-change', { map: event.map }));
    } else if (event.type === 'select') {
      this.fieldErrors = {};
      if (event.actorId) {
        this.panel = 'none';
        this.walk?.close();
      }
      this.dispatchEvent(editorEvent('nk-select', { actorId: event.actorId }));
    } else if (event.type === 'error') this.dispatchEvent(editorEvent('nk-error', { error: event.error }));
    else if (event.type === 'announce') this.announce(event.message);
  }

  private get t(): Translations {
    return translations(this.lang);
  }

  private pictureOf: MapPicture | null = null;
  private pictureFont = '';
  /** The document and picture the view was last fitted to: a new language or font changes the map's size. */
  private fitted: { map: MapDocument; picture: MapPicture } | null = null;
  private measure: MeasureText | null = null;
  /** The font the map is drawn in, as the page has it (see `picture`); read anew each time the element is connected. */
  private fontFamily: string | null = null;
  private engine: LayoutEngine | null = null;
  private engineLoading: Promise<void> | null = null;

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
      this.session.placePending();
    });
    return this.engineLoading;
  }

  // ——— public API ———

  /**
   * The current document. Setting it replaces the map (validated and migrated) and clears undo. Setting the
   * document the editor already holds (the one an `nk-change` just carried) does nothing, so that a framework
   * that binds `map` to state updated from `nk-change` neither loops nor loses the undo history.
   */
  get map(): MapDocument {
    return this.session.map;
  }

  set map(value: MapDocument) {
    if (value === this.session.map) return;
    if (this.store.status.locked) this.session.assertWritable();
    const restored = restoreMap(value);
    this.session.load(this.storedId ? { ...restored, id: this.storedId } : restored);
  }

  /** The id the map is stored under here, or null when the host keeps the data. */
  private get storedId(): string | null {
    return this.mapId && this.storage !== 'none' ? this.mapId : null;
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
    return this.session.selectedId;
  }

  /** Adds an actor; returns its id. Unknown category or sector, or a malformed field, throws a `ValidationError`. */
  addActor(input: ActorInput = {}): string {
    return this.session.addActor(input);
  }

  /** Changes fields of an actor. A new sector or ring lets the layout find it a place there. */
  updateActor(id: string, patch: ActorPatch): void {
    this.session.updateActor(id, patch);
  }

  /** Removes an actor and its ties; undo brings both back. */
  removeActor(id: string): void {
    this.session.removeActor(id);
  }

  /** Ties two actors, or an actor and the family (`'centre'`); returns the tie's id. */
  addTie(from: string, to: string, kind: TieKind = 'normal'): string {
    return this.session.addTie(from, to, kind);
  }

  /** Changes what kind of tie it is: strong, normal, weak or strained. */
  updateTie(id: string, kind: TieKind): void {
    this.session.updateTie(id, kind);
  }

  /** Removes a tie; undo brings it back. */
  removeTie(id: string): void {
    this.session.removeTie(id);
  }

  /** Names the family at the centre. */
  setTitle(title: string): void {
    this.session.setTitle(title);
  }

  /** Takes back the last edit; returns false when there was nothing to undo (or the editor is read-only). */
  undo(): boolean {
    const undone = this.session.undo();
    if (undone) this.walk?.refocus();
    return undone;
  }

  /** Does again the last edit undone; returns false when there was nothing to redo. */
  redo(): boolean {
    const redone = this.session.redo();
    if (redone) this.walk?.refocus();
    return redone;
  }

  /** Whether there is an edit to undo. */
  get canUndo(): boolean {
    return this.session.canUndo;
  }

  /** Whether there is an undone edit to redo. */
  get canRedo(): boolean {
    return this.session.canRedo;
  }

  /** Resolves when every edit so far is durably stored; rejects with a `StorageError` when the store fails. */
  async flush(): Promise<void> {
    try {
      await this.store.flush();
    } catch (error) {
      throw this.session.localize(error);
    }
  }

  /** The hand-over file: the whole map as JSON, with its versions (once `ready`). */
  exportJson(): string {
    return handOverJson(this.session.map, this.session.versions);
  }

  /**
   * Replaces the map with a hand-over file's, and adds the file's versions to the map's. A bad file rejects with a
   * message naming the field and changes nothing.
   */
  async importJson(text: string): Promise<void> {
    this.session.assertWritable();
    let file: HandOver;
    try {
      file = (await this.loadPanels()).parseHandOver(text);
      // Checked before the map changes: a file whose versions do not fit changes nothing.
      const mapId = this.session.map.id;
      const versions = file.versions.map((version) => ({ ...version, map: { ...version.map, id: mapId } }));
      await (await this.versions()).take(versions, { ...file.map, id: this.storedId ?? mapId });
    } catch (error) {
      this.session.refuseFile(error);
    }
    // One undoable step: an import by mistake is taken back with Ctrl+Z (the versions it brought stay: they are
    // read-only snapshots, and the next export carries them).
    this.session.importMap({ ...file.map, id: this.storedId ?? this.session.map.id });
  }

  /**
   * Saves the map as it is now as a version named `label` ("Kartläggning", "Uppföljning", "Avslut" or any name): a
   * read-only snapshot, stored with the map (sealed by the passphrase like it) and carried by `exportJson`.
   */
  async saveVersion(label: string): Promise<VersionInfo> {
    this.session.assertWritable();
    try {
      return versionInfo(await (await this.versions()).save(label));
    } catch (error) {
      throw this.session.localize(error);
    }
  }

  /** The version `id` of the map, or a refusal that names `path`. */
  private async version(id: string, path: string): Promise<MapVersion> {
    await (
      await this.versions()
    ).ready;
    return (
      this.session.versions.find((version) => version.id === id) ??
      this.session.refuse([{ path, code: 'noSuchVersion', detail: id }])
    );
  }

  /**
   * What changed since the version `versionId` (until the version `untilId`, or until now), in the UI language: the
   * heading ("Förändringar sedan Kartläggning"), the groups with every contact named, and the whole as one text.
   */
  async changesSince(versionId: string, untilId?: string): Promise<Changes> {
    const panels = await this.loadPanels();
    const since = await this.version(versionId, 'versionId');
    const until = untilId === undefined ? null : await this.version(untilId, 'untilId');
    const { heading, groups } = panels.describeChanges(this.t, since, until, this.session.map);
    return { heading, groups, text: panels.changeSummary(this.t, groups) };
  }

  /** The map's versions, oldest first. */
  async listVersions(): Promise<VersionInfo[]> {
    await (
      await this.versions()
    ).ready;
    return this.session.versions.map(versionInfo);
  }

  /**
   * The parent's printed map and contact list as a PDF (A4), in the UI language unless `options.lang` says
   * otherwise. The PDF stack and its fonts are loaded at the first call, not before.
   */
  async exportPdf(options: { lang?: string; date?: Date; compareWith?: string } = {}): Promise<Blob> {
    const { compareWith, ...rest } = options;
    const since = compareWith === undefined ? undefined : await this.version(compareWith, 'compareWith');
    try {
      const { buildPdfBlob } = await import('../export/pdf.js');
      return await buildPdfBlob(this.session.map, { lang: this.lang, ...rest, ...(since ? { compareWith: since } : {}) });
    } catch (error) {
      const failed = new Error(this.t.errors.exportFailed(error instanceof Error ? error.message : String(error)), {
        cause: error,
      });
      this.session.report(failed);
      throw failed;
    }
  }

  /** Selects an actor (or none), on the map and in the list. */
  select(id: string | null): void {
    this.session.select(id);
  }

  /** Shows the whole map. */
  fitToView(): void {
    this.viewport.fit(this.picture.scene(this.session.map).bounds);
  }

  // ——— lifecycle ———

  protected override firstUpdated(): void {
    // What the first picture does not need comes once it is painted.
    this.settling = afterNextPaint().then(() => {
      this.settled = true;
      void this.loadPanels();
      void this.loadEngine();
    });
  }

  /** The map's versions, once the forms' chunk that holds them is here. */
  private async versions(): Promise<VersionsController> {
    await this.loadPanels();
    return this.versionsHere!.store;
  }

  /**
   * The forms' chunk (elements/panels.ts): fetched once the map is on screen, or at once when something asks for
   * it first (an import, the versions).
   */
  private loadPanels(): Promise<Panels> {
    if (this.panelsLoading) return this.panelsLoading;
    this.panelsLoading = import('./panels.js').then((panels) => {
      this.quickAdd = new panels.QuickAddController(this, {
        find: (query) => panels.findCategories(this.t, query),
        add: (option, needed) => this.addChosen({ ...option, status: needed ? 'needed' : 'active' })?.message ?? null,
        command: (event) => this.runKey(event),
      });
      this.walk = new panels.WalkController(this, {
        map: () => this.session.map,
        add: (input) => {
          const error = this.addChosen(input);
          this.fieldErrors = error ? panels.fieldErrorsOf(this.t, error.issues) : {};
          return !error;
        },
        skip: (category) => {
          this.fieldErrors = {};
          this.session.skip(category);
        },
        focus: (closed) =>
          void this.updateComplete.then(() =>
            this.renderRoot.querySelector<HTMLElement>(closed ? '.walk-button' : '.walk .walk-question')?.focus(),
          ),
      });
      this.dragLayer = new panels.DragLayer();
      this.glideLayer = new panels.GlideLayer();
      this.drag = new panels.DragController(this, {
        toMap: (event) => (this.svgElement ? this.viewport.toMap(this.svgElement, event.clientX, event.clientY) : { x: 0, y: 0 }),
        enabled: () => !this.session.readonly,
        onTap: (id) => this.activateActor(id),
        onMove: (id, point) => this.motion.drag(id, point),
        onDrop: (id, point) => this.dropActor(id, point),
        onCancel: () => {
          this.motion.endDrag();
          this.dragLayer?.end();
          this.requestUpdate();
        },
      });
      this.keyboard = new panels.KeyboardController(this, {
        readonly: () => this.session.readonly,
        order: () => this.session.navigationOrder(),
        focusItem: (id) => this.focusItem(id),
        activate: (id) => (id === CENTRE_ID ? this.activateCentre() : this.activateActor(id)),
        moveRing: (id, step) => id !== CENTRE_ID && this.moveBy(id, step, 0),
        moveSector: (id, step) => id !== CENTRE_ID && this.moveBy(id, 0, step),
        cancel: (typing) => this.cancel(typing),
        command: (event, id) => this.runKey(event, id),
      });
      this.help = new panels.HelpDialog(this, () => this.t);
      this.fileDrop = new panels.FileDropController(this, {
        enabled: () => !this.readonly,
        take: (file) => void this.importFile(file),
      });
      this.fold = new panels.ToolbarFoldController(
        this,
        () => this.renderRoot.querySelector<HTMLElement>('.toolbar'),
        (id) => action(id as Parameters<typeof action>[0]).fold,
      );
      panels.adoptPanelStyles(this.renderRoot as ShadowRoot);
      this.versionsHere = new panels.VersionsView(this, this.session, {
        t: () => this.t,
        storedId: () => this.storedId,
        readonly: () => this.readonly,
        saveVersion: (label) => this.saveVersion(label),
        announce: (message) => this.announce(message),
        viewing: () => (this.panel = 'none'),
      });
      void this.versionsHere.store.ready;
      this.panels = panels;
      return panels;
    });
    // A chunk that could not be fetched (a network blip, or a site that replaced the files while the page was open)
    // is asked for again at the next use: the map's keys and pointer come with it.
    this.panelsLoading.catch(() => (this.panelsLoading = null));
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
      if (this.versionsHere) void this.versionsHere.store.ready;
    }
    // What was said in the language left is not left in the live region, to be found there in the other.
    if (changed.has('lang')) this.announcement = '';
    if (changed.has('lang') && !hasTranslations(this.lang)) {
      const lang = this.lang;
      this.languageLoading = loadTranslations(lang).then(() => {
        if (this.lang === lang) this.requestUpdate();
      });
    }
    const { map } = this.session;
    const picture = this.picture;
    const previous = this.fitted?.map;
    if (map !== previous || picture !== this.fitted?.picture) {
      const another = !previous || previous.id !== map.id;
      if (map !== previous) this.motion.follow(map.actors, another);
      const { bounds } = picture.scene(map);
      if (map !== previous && another) this.viewport.fit(bounds);
      else this.viewport.follow(bounds);
      this.fitted = { map, picture };
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.fontFamily = null;
    // A map set while out of the page is laid out now that its labels can be measured.
    this.session.placeUnplaced();
  }

  override disconnectedCallback(): void {
    this.dragLayer?.end();
    super.disconnectedCallback();
  }

  /**
   * The map as drawn now (a version being viewed, or the map): a drag and a glide are drawn on layers of their own,
   * over the map's picture as it is.
   */
  private mapView(): MapViewState {
    const { session, motion } = this;
    const doc = session.viewing?.map ?? session.map;
    return {
      map: doc,
      scene: this.picture.scene(doc, motion.animating ? (actor) => motion.positionOf(actor.id) : undefined),
      t: this.t,
      selectedId: session.selectedId,
      tieFrom: session.tieFrom,
      focusId: session.focusId ?? doc.actors[0]?.id ?? null,
      onActorPointerDown: (event, actor) =>
        this.drag
          ? this.drag.onPointerDown(event, actor.id, motion.positionOf(actor.id) ?? { x: 0, y: 0 })
          : void this.loadPanels().catch(() => undefined),
      onItemKeyDown: (event, id) =>
        this.keyboard ? this.keyboard.onItemKeyDown(event, id) : void this.loadPanels().catch(() => undefined),
      onCentreActivate: () => this.activateCentre(),
      changes: this.versionsHere?.marks(),
    };
  }

  // ——— UI handlers ———

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

  private dropActor(id: string, point: Point): void {
    this.motion.endDrag();
    this.dragLayer?.end();
    this.session.place(id, point, locate(point, this.picture.frame(this.session.map)));
  }

  /** A tap or Enter on an actor: selects it, or ends a tie being drawn. */
  private activateActor(id: string): void {
    if (this.session.tieFrom) this.finishTie(id);
    else this.session.select(id);
  }

  private finishTie(to: string): void {
    const from = this.session.tieFrom;
    this.session.finishTie(to);
    // The family's circle stops being focusable when the tie is made: keep focus on an actor.
    if (from && this.renderRoot.querySelector('svg.map :focus')) this.focusItem(to === CENTRE_ID ? from : to);
  }

  private announce(message: string): void {
    // Clear first so that the same words twice are read twice.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = message;
    });
  }

  private onAddSubmit(input: ActorInput): void {
    try {
      const id = this.session.addActor(input);
      this.panel = 'none';
      this.session.select(id);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#edit-heading')?.focus());
    } catch (error) {
      if (!(error instanceof ValidationError)) return void this.session.report(error);
      // The add form is the forms' chunk's: it is here.
      const panels = this.panels!;
      this.fieldErrors = panels.fieldErrorsOf(this.t, error.issues);
      // The button pressed may be far below the field in error, out of view.
      void this.updateComplete.then(() => panels.showFirstError(this.renderRoot.querySelector('.add-form')));
    }
  }

  /** Starts (or takes up again) the kartläggning in the side panel. */
  private startWalk(): void {
    this.panel = 'none';
    this.session.select(null);
    this.fieldErrors = {};
    this.walk?.start();
  }

  /**
   * A contact chosen by typing its kind or in the kartläggning; the refusal, in the UI language, when a field is
   * wrong or the map is full (a refusal while locked is told by the session).
   */
  private addChosen(input: ActorInput): ValidationError | null {
    try {
      this.session.addActor(input);
      return null;
    } catch (error) {
      if (error instanceof ValidationError) return error;
      if (!(error instanceof Error && error.name === 'StorageError')) this.session.report(error);
      return new ValidationError([], error instanceof Error ? error.message : String(error));
    }
  }

  private onFieldChange(id: string, patch: ActorPatch, field: string): Actor | null {
    try {
      this.session.updateActor(id, patch);
      const { [field]: _cleared, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
      return findActor(this.session.map, id) ?? null;
    } catch (error) {
      if (error instanceof ValidationError)
        this.fieldErrors = { ...this.fieldErrors, ...this.panels!.fieldErrorsOf(this.t, error.issues) };
      else this.session.report(error);
      return null;
    }
  }

  private onTitleChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    try {
      this.session.setTitle(input.value);
    } catch (error) {
      this.session.report(error);
      input.value = this.session.map.title;
    }
  }

  /** Escape: cancels a tie, closes the add form, or clears the selection; focus goes where the user was. */
  private cancel(typing: boolean): void {
    const { session } = this;
    if (this.menuOpen) void this.onMenu(false, 'first', true);
    else if (session.tieFrom) this.focusItem(session.cancelTie()!);
    else if (this.panel === 'add') this.closeAddForm();
    else if (session.selectedId && !typing) {
      const selected = session.selectedId;
      session.select(null);
      this.focusItem(selected);
    }
  }

  /** The family at the centre: the end of a tie being drawn; else its name, to write. */
  private activateCentre(): void {
    if (this.session.tieFrom) this.finishTie(CENTRE_ID);
    else if (!this.readonly) this.renderRoot.querySelector<HTMLInputElement>('.title-field input')?.focus();
  }

  private focusItem(id: string): void {
    this.session.focus(id);
    this.requestUpdate();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<SVGGElement>(`svg.map [data-actor-id="${CSS.escape(id)}"]`)?.focus(),
    );
  }

  /** Alt+arrows: one ring closer or further, one sector round the clock; the focus stays on the actor. */
  private moveBy(id: string, ringStep: number, sectorStep: number): void {
    if (this.session.moveBy(id, ringStep, sectorStep)) this.focusItem(id);
  }

  /**
   * Removes an actor by its key on the map or its form's button: the focus goes on to the next actor (or the one
   * before, or the family) on the map, or in the list when the list is shown; never to the page, so that Ctrl+Z
   * works at once.
   */
  private removeKeepingFocus(id: string): void {
    if (id === CENTRE_ID) return;
    const order = this.session.navigationOrder().filter((item) => item !== CENTRE_ID);
    const index = order.indexOf(id);
    const neighbour = order[index + 1] ?? order[index - 1] ?? CENTRE_ID;
    this.session.removeActor(id);
    if (this.view !== 'list') return this.focusItem(neighbour);
    void this.updateComplete.then(() =>
      (
        this.renderRoot.querySelector<HTMLElement>(`.contact-list [data-actor-id="${CSS.escape(neighbour)}"]`) ?? this.addButton
      )?.focus(),
    );
  }

  /** The toolbar's PDF button: makes the PDF and hands it to the browser to open, print or save. */
  private async savePdf(): Promise<void> {
    this.makingPdf = true;
    try {
      await this.saveFile(await this.exportPdf(), 'pdf');
      this.announce(this.t.ui.pdfReady);
    } catch {
      /* reported by exportPdf */
    } finally {
      this.makingPdf = false;
    }
  }

  private saveJsonFile(): Promise<void> {
    return this.saveFile(new Blob([this.exportJson()], { type: 'application/json' }), 'json');
  }

  /** Hands a file to the browser's download (`elements/download.ts`, which comes with the forms' chunk). */
  private async saveFile(blob: Blob, extension: string): Promise<void> {
    const panels = await this.loadPanels();
    panels.download(blob, panels.safeFileName(this.t.ui.fileName(mapTitle(this.t, this.session.map)), extension));
  }

  /** A hand-over file chosen or dropped: a bad one is explained and changes nothing. */
  private async importFile(file: File): Promise<void> {
    this.importingFile = true;
    try {
      // Refused before it is read: a file far over the limit would hold the page while it loads.
      // (Bytes, not characters: UTF-8 takes up to three bytes for a character of the limit.)
      if (file.size > 3 * LIMITS.fileSize) this.session.refuseFile(fileTooLarge());
      const text = await file.text();
      // "Importerar fil …" is painted before the file is taken in: a large one holds the page for seconds on a slow
      // machine while it is checked, laid out and drawn, and the button tells why.
      await this.updateComplete;
      await afterNextPaint();
      await this.importJson(text);
      this.session.showError('');
    } catch (error) {
      this.session.showError(error instanceof Error ? error.message : String(error));
    } finally {
      this.importingFile = false;
    }
  }

  private openAddForm(): void {
    this.addOpener = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    this.walk?.close();
    this.session.select(null);
    this.panel = 'add';
    this.fieldErrors = {};
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#add-category')?.focus());
  }

  /**
   * Closes the add form unused. Focus in the form goes back to where it was when the form opened (N on an actor
   * leaves the user on that actor), or to the toolbar's button when that is gone (a menu item); focus the user has
   * taken elsewhere meanwhile stays there.
   */
  private closeAddForm(): void {
    const opener = this.addOpener?.isConnected ? this.addOpener : null;
    const root = this.renderRoot as ShadowRoot;
    const inForm = root.querySelector('.add-form')?.contains(root.activeElement);
    this.panel = 'none';
    if (!inForm) return;
    const onMap = opener?.closest('svg.map') && opener.getAttribute('data-actor-id');
    if (onMap) return this.focusItem(onMap);
    void this.updateComplete.then(() => (opener ?? this.addButton)?.focus());
  }

  /** The toolbar's "Lägg till kontakt": where the focus goes when what had it is gone. */
  private get addButton(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.toolbar button.primary');
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
    const { session } = this;
    return {
      readonly: session.readonly,
      canUndo: session.canUndo,
      canRedo: session.canRedo,
      selectedId: session.selectedId,
      tying: session.tieFrom !== null,
      view: this.view,
      makingPdf: this.makingPdf,
      importingFile: this.importingFile,
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
    const { session } = this;
    const { viewing, selectedId, tieFrom } = session;
    const doc = viewing?.map ?? session.map;
    const { readonly } = session;
    const storage = this.store.status;
    const selected = selectedId ? findActor(doc, selectedId) : undefined;
    const title = mapTitle(t, doc);
    const panels = this.panels;
    const actions = this.actionState;
    if (storage.locked) return renderUnlock(t, this.unlockError, (event) => void this.onUnlock(event));
    return html`<div class="editor" lang=${t.locale} aria-busy=${storage.loading ? 'true' : 'false'}>
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
      ${session.errorMessage ? html`<p class="message error" part="message" role="alert">${session.errorMessage}</p>` : nothing}
      ${this.versionsHere?.renderBanner() ?? nothing}
      ${
        session.notice
          ? html`<div class="message info" part="message" role="status">
              <span>${session.notice}</span>
              <button
                type="button"
                class="icon"
                aria-label=${t.ui.dismiss}
                title=${t.ui.dismiss}
                @click=${() => session.tell('')}
              >
                ✕
              </button>
            </div>`
          : nothing
      }
      ${
        tieFrom && findActor(doc, tieFrom)
          ? html`<p class="message hint" part="message">${t.ui.tieHint(isolate(actorLabel(t, findActor(doc, tieFrom)!)))}</p>`
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
              this.drag?.onPointerMove(event);
              this.viewport.onPointerMove(event);
            }}
            @pointerup=${(event: PointerEvent) => {
              this.drag?.onPointerUp(event);
              this.viewport.onPointerUp(event);
            }}
            @pointercancel=${(event: PointerEvent) => {
              this.drag?.onPointerCancel(event);
              this.viewport.onPointerUp(event);
            }}
          >
            <desc id="map-description">${t.ui.mapDescription}</desc>
            ${renderMapContent(this.mapView())}
          </svg>
          <div class="map-footer">
            ${renderSaveState(t, storage)}
            <div class="map-controls" part="map-controls" role="group" aria-label=${t.ui.mapControls}>
              ${commandsIn('map', actions).map((command) => renderCommand(command, t, actions, this.commands))}
            </div>
          </div>
          ${storage.loading ? html`<p class="loading">${t.ui.loading}</p>` : nothing}
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
                  onSubmit: (input) => this.onAddSubmit(input),
                  onCancel: () => this.closeAddForm(),
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
                  readonly,
                  onChange: (patch, field) => this.onFieldChange(selected.id, patch, field),
                  commands: html`${commandsIn('form', actions).map((command) => renderCommand(command, t, actions, this.commands))}`,
                  onClose: () => session.select(null),
                  onAddTie: (to, kind) => {
                    try {
                      session.addTie(selected.id, to, kind);
                    } catch (error) {
                      session.report(error);
                    }
                  },
                  onTieKind: (tieId, kind) => session.updateTie(tieId, kind),
                  onRemoveTie: (tieId) => session.removeTie(tieId),
                })
              : nothing
          }
          ${this.versionsHere?.renderPanel() ?? nothing}
          ${panels ? panels.renderContactList({ map: doc, t, selectedId, onSelect: (id) => session.select(id) }) : nothing}
        </div>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.fileDrop?.dropping ? html`<div class="drop-hint" aria-hidden="true">${t.ui.dropHint}</div>` : nothing}
      ${this.help?.render() ?? nothing}
    </div>`;
  }
}
