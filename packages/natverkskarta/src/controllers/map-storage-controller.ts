import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isolate, type Translations } from '../i18n/index.js';
import { createMap } from '../model/document.js';
import { newId } from '../model/ids.js';
import type { MapDocument } from '../model/types.js';
import { writeDraftNow } from '../store/drafts.js';
import { StorageError } from '../store/errors.js';
import { onLockChange, unlock, type LockEvent } from '../store/lock.js';
import { deleteDraft, loadMapRevision, saveMap, type MapRevision } from '../store/maps.js';
import { requestPersistence } from '../store/persistence.js';
import { TITLE_LIMIT } from '../model/validation.js';
import type { EditorSession } from '../session/editor-session.js';
import type { MapChange } from '../session/session-events.js';
import { AutosaveController } from './autosave-controller.js';
import { MapSyncController } from './map-sync-controller.js';

export type StorageMode = 'indexeddb' | 'none';

/** A copy's title made from the map's, shortened so that it stays within the limit: a copy must open again. */
function titled(make: (title: string) => string, title: string): string {
  const room = TITLE_LIMIT - make('').length;
  return make(title.length > room ? `${title.slice(0, Math.max(0, room - 1))}…` : title);
}

/** Which map the storage keeps, as the editor's attributes say. */
export interface MapStorageConfig {
  mapId: () => string | null;
  mode: () => StorageMode;
  t: () => Translations;
}

/** What the storage is doing, for the editor to show. */
export interface StorageStatus {
  /** The map is being read. */
  loading: boolean;
  /** The maps are locked by a passphrase: the unlock form takes the map's place. */
  locked: boolean;
  /** The stored map could not be read, or was deleted elsewhere: nothing is written over it. */
  blocked: boolean;
  /** This editor stores the map (it has a `map-id`, `storage` is not `none`, and it is not blocked). */
  storing: boolean;
  /** Every edit so far is stored. */
  saved: boolean;
  /** The last write failed; the edits wait in memory and are tried again at the next edit or flush. */
  failed: boolean;
}

/**
 * The map named by `map-id` in IndexedDB: loading it (or creating it) into the session, saving every change the
 * session tells (debounced, and at once when the page is hidden or closed), keeping two tabs from overwriting each
 * other, rescuing a draft a closed tab left, the passphrase lock, and asking the browser to keep the storage. It
 * tells failures and notices through the session, and exposes its `status` for the editor to render.
 */
export class MapStorageController implements ReactiveController {
  private loadToken = 0;
  /** Set when the stored map could not be read, or was deleted elsewhere: never overwrite it. */
  private blocked = false;
  private reading = false;
  private loading: Promise<void> = Promise.resolve();
  /** Which map the last load was for (`storage|map-id`), so that a load starts once per map. */
  private loadedKey = '';
  private persistenceAsked = false;
  /** Showing the unlock form: the map could not be loaded, or was let go, because the maps are locked. */
  private locked = false;
  /**
   * The map was let go at a lock: what is shown is an empty stand-in, which must never be stored over the map.
   * Its unsaved edits went into a sealed draft, which the next load takes in.
   */
  private dropped = false;
  private stopWatchingLock: (() => void) | null = null;
  /** Why the map named by `map-id` could not be loaded, while saving to it is blocked. */
  private loadError: unknown = null;

  /** Settles when every note about another tab's doing so far has been told. */
  private told: Promise<void> = Promise.resolve();
  private readonly sync: MapSyncController;
  private readonly autosave: AutosaveController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: EditorSession,
    private readonly config: MapStorageConfig,
  ) {
    host.addController(this);
    const t = () => config.t();
    this.sync = new MapSyncController(host, {
      mapId: () => this.activeId(),
      current: () => session.map,
      adopt: (doc) => session.adopt(doc),
      dirty: () => this.autosave.dirty,
      flush: () => void this.autosave.flush().catch(() => undefined),
      notice: (notice, detail) => {
        const { ui } = t();
        if (notice === 'deleted') this.letGo();
        else if (notice === 'merged') this.tellInOrder(() => ui.mergedFromOtherTab);
        else if (notice === 'updated') this.tellInOrder(() => ui.updatedFromOtherTab);
        else this.tellInOrder(() => ui.copiedFromOtherTab(isolate(detail)));
      },
      conflicts: (note, doc, side) =>
        this.tellInOrder(async () => (await import('../i18n/merge-notice.js')).mergeNotice(t(), note, doc, side)),
      copyTitle: (title) => titled(t().ui.otherTabTitle, title || t().ui.untitled),
    });
    this.autosave = new AutosaveController(host, {
      // The document shown when the write starts, not the one the autosave was handed: a merge with another tab
      // may have come in between, and what is shown is always the newest whole of this tab's work.
      save: () =>
        this.dropped ? Promise.reject(new StorageError('locked', 'the map was let go at a lock')) : this.sync.save(session.map),
      rescue: (doc) => writeDraftNow(doc, this.sync.revision),
      onError: (error) => {
        // Locked while editing (the passphrase was changed in another tab): ask for it; the edits wait in memory.
        if (error instanceof StorageError && error.kind === 'locked') this.locked = true;
        session.report(error);
        host.requestUpdate();
      },
      onSaved: () => {
        session.stored();
        host.requestUpdate();
      },
    });
    session.subscribe((event) => {
      if (event.type === 'map') this.changed(event.map, event.change);
    });
  }

  /** What the storage is doing now. */
  get status(): StorageStatus {
    const { autosave } = this;
    return {
      loading: this.reading,
      locked: this.locked,
      blocked: this.blocked,
      storing: this.activeId() !== null,
      saved: !autosave.unsettled,
      failed: autosave.failing,
    };
  }

  /** Every change of the session's document: stored soon, merged by command if another tab saved meanwhile. */
  private changed(doc: MapDocument, change: MapChange): void {
    if (change.kind === 'edit') {
      this.sync.record(doc, change.command);
      this.persist(doc);
      if (change.byUser) this.userEdited();
    } else if (change.kind === 'replaced') this.took(doc, change.storedRevision, change.changed);
    // An edit made while a merge was being stored waits in the autosave without the other tab's changes: what it
    // must store now is the merged document with that edit on top, which is what is shown.
    else if (change.kind === 'adopted' && this.autosave.dirty) this.autosave.schedule(doc);
  }

  /**
   * Tells the user what another tab did, in the order it happened: a merge's note waits for its module to load,
   * and a later note must not be overwritten when that module comes.
   */
  private tellInOrder(notice: () => string | Promise<string>): void {
    this.told = this.told
      .then(notice)
      .then((text) => this.session.tell(text))
      .catch(() => undefined);
  }

  private setReading(reading: boolean): void {
    this.reading = reading;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.stopWatchingLock = onLockChange((event) => this.lockChanged(event));
  }

  hostDisconnected(): void {
    this.stopWatchingLock?.();
    this.stopWatchingLock = null;
  }

  /**
   * The lock changed in this tab, by any door (the store's `lock()` and `unlock()`, another tab, an editor's
   * unlock form). Locking seals what is unsaved as a draft while the key is still here, then lets the map go;
   * unlocking loads it, with that draft.
   */
  private lockChanged(event: LockEvent): void {
    const id = this.activeId();
    if (event === 'locking') {
      // Waiting, or on its way (the write may yet fail without the key): sealed now, while the key is here.
      if (id && this.autosave.unsettled) writeDraftNow(this.session.map, this.sync.revision);
      return;
    }
    if (event === 'locked') {
      if (!id) return;
      this.autosave.cancel();
      this.loadToken++;
      this.loadedKey = '';
      this.locked = true;
      this.dropped = true;
      // Nothing of the map stays on screen, in the session or its undo history; a host that mirrors it lets it go.
      this.session.clear(createMap({ id }));
      this.setReading(false);
      return;
    }
    if (this.locked) {
      this.locked = false;
      this.host.requestUpdate();
      this.loadedKey = '';
      this.ensureLoaded();
    }
  }

  /** The map this editor stores, or null when it stores nothing (no `map-id`, `storage="none"`, or blocked). */
  private activeId(): string | null {
    return this.config.mode() !== 'none' && !this.blocked ? this.config.mapId() : null;
  }

  /** Resolves when the map named by `map-id` has been loaded (or created). */
  get ready(): Promise<void> {
    this.ensureLoaded();
    return this.loading;
  }

  /** Starts loading the map named by `map-id` unless that load has started already. */
  ensureLoaded(): void {
    const id = this.config.mapId();
    const key = id && this.config.mode() !== 'none' ? `${this.config.mode()}|${id}` : '';
    if (key === this.loadedKey) return;
    this.loadedKey = key;
    if (id && key) this.loading = this.load(id);
  }

  /** Resolves when every change so far is stored; rejects with a `StorageError` when the store fails. */
  async flush(): Promise<void> {
    await this.ready;
    // The stored map could not be read (or is locked): nothing is written over it, so nothing is stored.
    if (this.loadError) throw this.loadError;
    await this.autosave.flush();
  }

  /** The first real edit (a user's action, which browsers require for it): ask to keep the storage. */
  private userEdited(): void {
    if (this.persistenceAsked || !this.activeId()) return;
    this.persistenceAsked = true;
    void requestPersistence();
  }

  /**
   * A whole document the editor now shows: from the store at `storedRevision` (stored again only when `changed`,
   * e.g. laid out anew), or from the host (`map`, an import) when `storedRevision` is undefined.
   */
  private took(doc: MapDocument, storedRevision: number | undefined, changed: boolean): void {
    this.autosave.cancel();
    if (storedRevision !== undefined) this.sync.reset(storedRevision, doc);
    if (storedRevision === undefined || changed) {
      this.sync.record(doc, null);
      this.persist(doc);
    }
  }

  /** Unlocks protected maps with the passphrase and loads the map; false, with nothing changed, when it is wrong. */
  async unlock(passphrase: string): Promise<boolean> {
    if (!(await unlock(passphrase))) return false;
    // Every editor in the tab, this one too, has loaded its map when the lock said it is open (`lockChanged`).
    // When the lock had nothing to say (no passphrase is set any more), this one loads it now.
    if (this.locked) this.lockChanged('unlocked');
    return true;
  }

  private persist(doc: MapDocument): void {
    if (!this.activeId()) return;
    this.autosave.schedule(doc);
  }

  private async load(id: string): Promise<void> {
    const token = ++this.loadToken;
    // Whatever is pending belongs to the map we leave: store it first. Unless it was let go at a lock: then it is
    // in the draft already, and what is shown is only a stand-in (a save that failed at the lock may have put it
    // back in the queue).
    if (this.dropped) this.autosave.cancel();
    else await this.autosave.flush().catch(() => undefined);
    this.dropped = false;
    this.setReading(true);
    this.blocked = false;
    this.loadError = null;
    try {
      const stored = await loadMapRevision(id);
      if (token !== this.loadToken) return;
      if (stored?.draft) await this.takeDraft(stored, stored.draft);
      else if (stored) this.session.load(stored.doc, stored.revision);
      else {
        // Stored at once, so that a host's list of maps shows it.
        this.session.load(createMap({ id }), 0);
        this.autosave.schedule(this.session.map);
        await this.autosave.flush().catch(() => undefined);
      }
    } catch (error) {
      if (token !== this.loadToken) return;
      this.blocked = !(error instanceof StorageError && error.kind === 'unavailable');
      if (this.blocked) this.loadError = error;
      this.session.load(createMap({ id }), 0);
      if (error instanceof StorageError && error.kind === 'locked') {
        // Protected by a passphrase: the unlock form takes the place of the map.
        this.locked = true;
        return;
      }
      this.session.report(error instanceof StorageError ? error : new Error(this.config.t().errors.loadFailed, { cause: error }));
    } finally {
      if (token === this.loadToken) this.setReading(false);
    }
  }

  /**
   * A page went away with unsaved edits and left them as a draft. Made on the stored version: they are that
   * version's next step, and are stored. Made on an older one (another tab saved since): the draft is kept as a
   * map of its own, so that neither is lost.
   */
  private async takeDraft(stored: MapRevision, draft: { doc: MapDocument; basedOn: number }): Promise<void> {
    const id = stored.doc.id;
    const { ui } = this.config.t();
    if (draft.basedOn === stored.revision || stored.revision === 0) {
      this.session.load(stored.doc, stored.revision);
      this.session.adopt({ ...draft.doc, id });
      this.sync.record(this.session.map, null);
      this.session.tell(ui.draftRestored);
    } else {
      const copy = { ...draft.doc, id: newId(), title: titled(ui.draftTitle, draft.doc.title || ui.untitled) };
      await saveMap(copy);
      this.session.load(stored.doc, stored.revision);
      this.session.tell(ui.copiedFromOtherTab(isolate(copy.title)));
    }
    await deleteDraft(id);
    this.persist(this.session.map);
  }

  /** Deleted on purpose in another tab ("Avsluta och radera"): this tab must not bring it back. */
  private letGo(): void {
    this.autosave.cancel();
    this.blocked = true;
    this.session.clear(createMap({ id: this.config.mapId() ?? 'deleted' }));
    this.session.showError(this.config.t().errors.deletedElsewhere);
  }
}
