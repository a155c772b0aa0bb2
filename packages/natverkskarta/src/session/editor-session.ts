import { actorLabel, isolate, mapTitle, sectorLabel, type Translations } from '../i18n/index.js';
import type { Positions } from '../layout/placement.js';
import { cleanText } from '../model/clean-text.js';
import { applyCommand, type Command } from '../model/commands.js';
import { createMap, findActor } from '../model/document.js';
import { emptyHistory, record, redo as redoStep, undo as undoStep, type History } from '../model/history.js';
import { newId } from '../model/ids.js';
import { byOldest } from '../model/version-order.js';
import {
  CENTRE_ID,
  type Actor,
  type ActorInput,
  type ActorPatch,
  type MapDocument,
  type MapVersion,
  type Point,
  type Ring,
  type TieKind,
} from '../model/types.js';
import {
  actorFromInput,
  checkActorPatch,
  checkTie,
  TITLE_LIMIT,
  ValidationError,
  type ValidationIssue,
} from '../model/validation.js';
import { StorageError } from '../store/errors.js';
import { invalidInput, localized, lockedEdit, refusedFile } from './messages.js';
import { movesNothing, NOTHING_TOUCHED, touchedBy, touchedByBoth, type Placer } from './placement.js';
import type { MapChange, SessionEvent, SessionListener } from './session-events.js';

/** What the session asks of the editor around it. */
export interface SessionContext {
  /** The UI language's table: messages and announcements are in it. */
  t: () => Translations;
  /** The host's `readonly`: nothing can be edited. */
  readonly: () => boolean;
  /** The maps are locked: there is no map to edit until they are unlocked. */
  locked: () => boolean;
  /** What places actors, or null while labels cannot be measured (the editor is out of the page). */
  placer: () => Placer | null;
  /** Fetches the layout engine; the editor calls `placePending()` once it is here. */
  requestLayout: () => void;
}

/** The comparison shown: from one version to another, or to the map now (`to` null). */
export interface Comparing {
  from: string;
  to: string | null;
}

/**
 * The editor without a screen: the document and its undo history, the selection and the focus, the tie being
 * drawn, the map's versions and the one viewed or compared, and the messages for the user. Every edit is checked
 * here, refused with a message in the UI language and nothing changed, or applied as a command and recorded.
 * Whoever shows or stores the map listens (`subscribe`); nothing here knows of the DOM, Lit or IndexedDB.
 */
export class EditorSession {
  private doc: MapDocument = createMap({ id: 'unsaved' });
  private steps: History = emptyHistory;
  private selected: string | null = null;
  private focused: string | null = null;
  private tyingFrom: string | null = null;
  private viewingVersion: string | null = null;
  private comparing: Comparing | null = null;
  private known: readonly MapVersion[] = [];
  private error = '';
  private errorFromStorage = false;
  private noticeText = '';
  /** Actors left without their place while the layout was on its way; `touched` as for `Placer.placements`. */
  private pendingPlacement: { touched: ReadonlySet<string> | undefined } | null = null;
  /** A document taken while labels could not be measured (out of the page): placed by `placeUnplaced`. */
  private unplaced: { storedRevision: number | undefined } | null = null;
  private readonly listeners = new Set<SessionListener>();

  constructor(private readonly context: SessionContext) {}

  private get t(): Translations {
    return this.context.t();
  }

  /** Hears every change from now on, in order; returns how to stop. */
  subscribe(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  // ——— what the editor shows ———

  get map(): MapDocument {
    return this.doc;
  }

  get canUndo(): boolean {
    return this.steps.past.length > 0;
  }

  get canRedo(): boolean {
    return this.steps.future.length > 0;
  }

  get selectedId(): string | null {
    return this.selected;
  }

  /** The actor the map's roving focus is on; null when none was chosen (the map's first then takes it). */
  get focusId(): string | null {
    return this.focused;
  }

  get tieFrom(): string | null {
    return this.tyingFrom;
  }

  /** The map's versions, oldest first. */
  get versions(): readonly MapVersion[] {
    return this.known;
  }

  /** The version shown read-only in place of the map, if any. */
  get viewing(): MapVersion | null {
    return this.known.find((version) => version.id === this.viewingVersion) ?? null;
  }

  get compare(): Comparing | null {
    return this.comparing;
  }

  /** Whether nothing can be edited now: the host says so, or a version is shown. */
  get readonly(): boolean {
    return this.context.readonly() || this.viewing !== null;
  }

  /** The error line: what failed last, in the UI language; empty when nothing did or it was put right. */
  get errorMessage(): string {
    return this.error;
  }

  /** What another tab, or a rescued draft, did to the map; empty when nothing or dismissed. */
  get notice(): string {
    return this.noticeText;
  }

  // ——— edits, each checked ———

  /** Adds an actor; returns its id. Unknown category or sector, or a malformed field, throws a `ValidationError`. */
  addActor(input: ActorInput = {}): string {
    this.assertWritable();
    const id = newId();
    const actor = this.translated(() => actorFromInput(input, this.doc, id));
    this.execute({ type: 'addActor', actor });
    this.announce(this.t.ui.actorAdded(isolate(actorLabel(this.t, actor))));
    return id;
  }

  /** Changes fields of an actor. A new sector or ring lets the layout find it a place there. */
  updateActor(id: string, patch: ActorPatch): void {
    this.assertWritable();
    const actor = this.requireActor(id);
    const clean = this.translated(() => checkActorPatch(patch, this.doc));
    const moved =
      (clean.sector !== undefined && clean.sector !== actor.sector) || (clean.ring !== undefined && clean.ring !== actor.ring);
    const full: ActorPatch = moved && !('position' in clean) ? { ...clean, position: null, pinned: false } : clean;
    this.execute({ type: 'updateActor', id, patch: full });
  }

  /** Puts an actor where it was dropped, in the slice it was dropped in; it stays there (pinned). */
  place(id: string, point: Point, at: { sector: string; ring: Ring }): void {
    this.assertWritable();
    this.requireActor(id);
    const position = { x: Math.round(point.x * 10) / 10, y: Math.round(point.y * 10) / 10 };
    this.execute({ type: 'updateActor', id, patch: { position, pinned: true, sector: at.sector, ring: at.ring } });
  }

  /**
   * One ring closer or further, one sector round the clock; the layout finds the actor a place there. False when
   * it cannot go further.
   */
  moveBy(id: string, ringStep: number, sectorStep: number): boolean {
    const actor = findActor(this.doc, id);
    if (!actor) return false;
    const ring = Math.min(3, Math.max(1, actor.ring + ringStep)) as Ring;
    const { sectors } = this.doc;
    const index = sectors.findIndex((sector) => sector.id === actor.sector);
    const sector = sectors[(index + sectorStep + sectors.length) % sectors.length]!;
    if (ring === actor.ring && sector.id === actor.sector) return false;
    this.updateActor(id, { ring, sector: sector.id });
    const moved = findActor(this.doc, id)!;
    this.announce(
      this.t.ui.actorMoved(isolate(actorLabel(this.t, moved)), this.t.rings[ring], isolate(sectorLabel(this.t, sector))),
    );
    return true;
  }

  /** Removes an actor and its ties; undo brings both back. */
  removeActor(id: string): void {
    this.assertWritable();
    const actor = this.requireActor(id);
    this.execute({ type: 'removeActor', id });
    this.announce(this.t.ui.actorRemoved(isolate(actorLabel(this.t, actor))));
  }

  /** Ties two actors, or an actor and the family (`'centre'`); returns the tie's id. */
  addTie(from: string, to: string, kind: TieKind = 'normal'): string {
    this.assertWritable();
    const issues = checkTie(this.doc, from, to, kind);
    if (issues.length > 0) this.refuse(issues);
    const id = newId();
    this.execute({ type: 'addTie', tie: { id, from, to, kind } });
    this.announce(this.t.ui.tieAdded(isolate(this.endName(from)), isolate(this.endName(to))));
    return id;
  }

  /** Changes what kind of tie it is: strong, normal, weak or strained. */
  updateTie(id: string, kind: TieKind): void {
    this.assertWritable();
    const issues = checkTie({ ...this.doc, ties: [] }, CENTRE_ID, 'x', kind).filter((issue) => issue.path === 'kind');
    if (issues.length > 0) this.refuse(issues);
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
    if (clean.length > TITLE_LIMIT) this.refuse([{ path: 'title', code: 'tooLong', detail: String(TITLE_LIMIT) }]);
    if (clean !== this.doc.title) this.execute({ type: 'setTitle', title: clean });
  }

  /** Marks a kind of contact "inte aktuellt" for this family (the kartläggning). */
  skip(category: string): void {
    this.assertWritable();
    this.execute({ type: 'setSkipped', category, skipped: true });
  }

  /** A hand-over file's map in place of this one, as one undoable step: an import by mistake is taken back. */
  importMap(map: MapDocument): void {
    this.assertWritable();
    this.select(null);
    this.execute({ type: 'replace', map });
    this.announce(this.t.ui.imported);
  }

  /** Takes back the last edit; false when there was nothing to undo (or nothing can be edited). */
  undo(): boolean {
    if (this.context.readonly()) return false;
    const entry = this.steps.past.at(-1);
    const step = this.stepOrForget(() => undoStep(this.steps, this.doc));
    if (!step || !entry) {
      this.announce(this.t.ui.nothingToUndo);
      return false;
    }
    this.steps = step.history;
    this.commit(step.map, entry.undo, false);
    this.announce(this.t.ui.undone);
    return true;
  }

  /** Does again the last edit undone; false when there was nothing to redo. */
  redo(): boolean {
    if (this.context.readonly()) return false;
    const entry = this.steps.future[0];
    const step = this.stepOrForget(() => redoStep(this.steps, this.doc));
    if (!step || !entry) return false;
    this.steps = step.history;
    this.commit(step.map, entry.redo, false);
    this.announce(this.t.ui.redone);
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
      this.steps = emptyHistory;
      return null;
    }
  }

  /**
   * Refuses an edit when nothing can be edited: the host's `readonly`, or the maps are locked (told with an
   * `error` event too). An edit is made on the map now: a version shown read-only gives way to it.
   */
  assertWritable(): void {
    if (this.context.readonly()) throw new Error(this.t.errors.readonly);
    this.leaveVersion();
    if (this.context.locked()) {
      const error = lockedEdit(this.t);
      this.emit({ type: 'error', error });
      throw error;
    }
  }

  private requireActor(id: string): Actor {
    const actor = findActor(this.doc, id);
    if (!actor) this.refuse([{ path: 'id', code: 'unknownActor', detail: id }]);
    return actor;
  }

  /** Throws the issues as a `ValidationError` in the UI language. */
  refuse(issues: readonly ValidationIssue[]): never {
    throw invalidInput(this.t, issues);
  }

  /** Re-throws a model `ValidationError` with a message in the UI language. */
  private translated<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof ValidationError) this.refuse(error.issues);
      throw error;
    }
  }

  /** How a tie's end is named: the actor's label, or the family's. */
  private endName(id: string): string {
    const actor = findActor(this.doc, id);
    return actor ? actorLabel(this.t, actor) : mapTitle(this.t, this.doc);
  }

  // ——— applying and placing ———

  /** A checked edit: applied, with the places the layout gives what it moved, recorded as one undoable step. */
  private execute(command: Command): void {
    const applied = applyCommand(this.doc, command);
    let map = applied.map;
    let entry = { redo: command, undo: applied.inverse };
    // An actor new, moved to another slice, or whose label grew over another's: the layout finds it a place.
    const touched = touchedBy(command);
    const placer = this.context.placer();
    let positions: Positions | null = null;
    if (!movesNothing(command) && placer?.canPlace) positions = placer.placements(map, touched);
    else if (!movesNothing(command) && placer?.needsPlacing(map, touched)) this.deferPlacement(touched);
    if (positions) {
      const place: Command = { type: 'setPositions', positions };
      const placed = applyCommand(map, place);
      map = placed.map;
      entry = {
        redo: { type: 'batch', commands: [command, place] },
        undo: { type: 'batch', commands: [placed.inverse, applied.inverse] },
      };
    }
    this.steps = record(this.steps, entry);
    this.commit(map, entry.redo, true);
  }

  /** Every change to the document goes through here: stamped, and told. */
  private commit(map: MapDocument, command: Command, byUser: boolean): void {
    this.showMap({ ...map, updatedAt: new Date().toISOString() }, { kind: 'edit', command, byUser });
    // An actor back without a place (a redo of an edit made while the layout was on its way).
    if (command.type !== 'setPositions' && this.doc.actors.some((actor) => !actor.position)) this.deferPlacement(undefined);
  }

  /** Puts a document in place and tells it; selection and focus follow what still exists. */
  private showMap(map: MapDocument, change: MapChange): void {
    this.doc = map;
    if (this.focused && !findActor(map, this.focused)) this.focused = map.actors[0]?.id ?? null;
    const lost = this.selected !== null && !findActor(map, this.selected);
    if (lost) this.selected = null;
    this.emit({ type: 'map', map, change });
    if (lost) this.emit({ type: 'select', actorId: null });
  }

  /**
   * Asks for the layout of actors an edit or a document may have left without their place (see `placePending`):
   * at once, or (`soon` false: a stored map, every actor placed) when the layout comes after the first picture.
   */
  private deferPlacement(touched: ReadonlySet<string> | undefined, soon = true): void {
    const before = this.pendingPlacement;
    this.pendingPlacement = { touched: before ? touchedByBoth(before.touched, touched) : touched };
    if (this.context.placer()?.canPlace) this.placePending();
    else if (soon) this.context.requestLayout();
  }

  /**
   * Places what waited for the layout, as an edit of positions alone: undo takes back the edit that needed it,
   * with its actors.
   */
  placePending(): void {
    const pending = this.pendingPlacement;
    const placer = this.context.placer();
    if (!pending || !placer?.canPlace) return;
    this.pendingPlacement = null;
    const positions = placer.placements(this.doc, pending.touched);
    if (positions) {
      const command: Command = { type: 'setPositions', positions };
      this.commit(applyCommand(this.doc, command).map, command, false);
    }
  }

  // ——— whole documents ———

  /**
   * A whole new document, with no history: from the store at `storedRevision`, or from the host (the `map`
   * property) when `storedRevision` is undefined. Only actors without a place, or whose slice moved away from them,
   * are placed: a map as it was stored or set keeps its picture.
   */
  load(map: MapDocument, storedRevision?: number): void {
    const placer = this.context.placer();
    // Out of the page, labels cannot be measured: placed once they can (`placeUnplaced`).
    this.unplaced = placer ? null : { storedRevision };
    let positions: Positions | null = null;
    if (placer?.canPlace) positions = placer.placements(map, NOTHING_TOUCHED);
    // Without the layout, a map whose every actor has its place is drawn as stored, and checked when the layout
    // comes (after the first picture): its actors move only if one does not fit where it is, which is rare.
    else if (placer)
      this.deferPlacement(
        NOTHING_TOUCHED,
        map.actors.some((actor) => !actor.position),
      );
    const placed = positions ? applyCommand(map, { type: 'setPositions', positions }).map : map;
    this.steps = emptyHistory;
    const hadSelection = this.selected !== null;
    this.selected = null;
    this.focused = placed.actors[0]?.id ?? null;
    this.tyingFrom = null;
    this.doc = placed;
    this.emit({ type: 'map', map: placed, change: { kind: 'replaced', storedRevision, changed: positions !== null } });
    if (hadSelection) this.emit({ type: 'select', actorId: null });
  }

  /**
   * Places what was taken or edited while labels could not be measured (out of the page), now that they can: a
   * whole document as `load` does, or the actors an edit left without their place.
   */
  placeUnplaced(): void {
    if (this.unplaced) this.load(this.doc, this.unplaced.storedRevision);
    else if (this.pendingPlacement && this.context.placer()?.canPlace) this.placePending();
    else if (this.pendingPlacement) this.context.requestLayout();
  }

  /** Another tab's document (or the merge with it): shown, the history kept. */
  adopt(map: MapDocument): void {
    this.showMap(map, { kind: 'adopted' });
  }

  /** Lets the map go (locked, or deleted elsewhere): nothing of it stays, in the history or the versions either. */
  clear(empty: MapDocument): void {
    this.steps = emptyHistory;
    this.tyingFrom = null;
    this.viewingVersion = null;
    this.comparing = null;
    this.known = [];
    this.showMap(empty, { kind: 'cleared' });
  }

  // ——— selection, focus and the tie being drawn ———

  /** Selects an actor (or none); false when it is not on the map or already selected. */
  select(id: string | null): boolean {
    if (id !== null && !findActor(this.doc, id)) return false;
    if (id === this.selected) return false;
    this.selected = id;
    if (id) this.focused = id;
    this.emit({ type: 'select', actorId: id });
    return true;
  }

  /** Moves the map's roving focus to an actor. */
  focus(id: string): void {
    this.focused = id;
  }

  /** Starts a tie from an actor (the selected one by default); false when there is none. */
  startTie(from: string | null = this.selected): boolean {
    const actor = from ? findActor(this.doc, from) : undefined;
    if (!actor) return false;
    this.tyingFrom = actor.id;
    this.emit({ type: 'state' });
    this.announce(this.t.ui.tieHint(isolate(actorLabel(this.t, actor))));
    return true;
  }

  /** Stops drawing a tie; returns the actor it was drawn from, or null when none was. */
  cancelTie(): string | null {
    const from = this.tyingFrom;
    this.tyingFrom = null;
    if (from) {
      this.emit({ type: 'state' });
      // The hint to choose the other end is over: left in the live region, a screen reader would find it still there.
      this.announce('');
    }
    return from;
  }

  /** Ends the tie being drawn on `to`; a refusal (locked, a tie that exists) is reported. */
  finishTie(to: string): void {
    const from = this.cancelTie();
    if (!from || from === to) return;
    try {
      this.addTie(from, to, 'normal');
    } catch (error) {
      this.report(error);
    }
  }

  /** The order arrow keys walk: the contact list's (by sector, the missing ones last), the family first when tying. */
  navigationOrder(): string[] {
    const { actors, sectors } = this.doc;
    const listed = sectors.flatMap((sector) =>
      actors.filter((actor) => actor.sector === sector.id && actor.status !== 'needed').map((actor) => actor.id),
    );
    const needed = actors.filter((actor) => actor.status === 'needed').map((actor) => actor.id);
    return [...(this.tyingFrom ? [CENTRE_ID] : []), ...listed, ...needed];
  }

  // ——— versions ———

  /** The versions as the store has them. */
  setVersions(versions: readonly MapVersion[]): void {
    this.known = versions;
    this.emit({ type: 'state' });
  }

  /** Keeps versions stored (or, when the host keeps the data, made); the list stays in the order they were saved. */
  addVersions(versions: readonly MapVersion[]): void {
    if (versions.length === 0) return;
    this.setVersions([...this.known, ...versions].sort(byOldest));
  }

  /** Shows a version read-only in place of the map; the map stays as it is, behind it. */
  viewVersion(id: string): void {
    if (!this.known.some((version) => version.id === id)) return;
    this.viewingVersion = id;
    this.select(null);
    this.tyingFrom = null;
    this.emit({ type: 'state' });
  }

  /** Back to the map as it is now; returns the version that was shown, or null. */
  leaveVersion(): string | null {
    const id = this.viewingVersion;
    this.viewingVersion = null;
    if (id) this.emit({ type: 'state' });
    return id;
  }

  /** Compares a version with another (`to`), or with now (`to` null); null closes the comparison. */
  compareVersions(comparing: Comparing | null): void {
    this.comparing = comparing;
    this.emit({ type: 'state' });
  }

  // ——— messages ———

  /** A failure the user must hear of: on the error line and as an `error` event, in the UI language. */
  report(error: unknown): void {
    const shown = localized(this.t, error);
    this.error = shown.message;
    this.errorFromStorage = shown instanceof StorageError;
    this.emit({ type: 'error', error: shown });
  }

  /** Refuses a hand-over file, told with an `error` event in the UI language; throws the refusal. */
  refuseFile(error: unknown): never {
    const refused = refusedFile(this.t, error);
    this.emit({ type: 'error', error: refused });
    throw refused;
  }

  /** A message on the error line without an event (what the user did, or what happened elsewhere). */
  showError(message: string): void {
    this.error = message;
    this.errorFromStorage = false;
    this.emit({ type: 'state' });
  }

  /** A save succeeded: a storage error shown no longer holds. */
  stored(): void {
    if (!this.errorFromStorage) return;
    this.errorFromStorage = false;
    this.showError('');
  }

  /** Tells what another tab or a rescued draft did; `''` dismisses it. */
  tell(notice: string): void {
    this.noticeText = notice;
    this.emit({ type: 'state' });
  }

  announce(message: string): void {
    this.emit({ type: 'announce', message });
  }

  /** A storage failure in the UI language; other errors as they are. */
  localize(error: unknown): Error {
    return localized(this.t, error);
  }
}
