import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkHandOverLength } from '../model/hand-over.js';
import { newId } from '../model/ids.js';
import type { MapDocument, MapVersion } from '../model/types.js';
import { ValidationError } from '../model/validation.js';
import type { EditorSession } from '../session/editor-session.js';
import { versionOfNow, versionsToAdd } from '../session/version-checks.js';
import { listen } from '../store/sync.js';
import { loadVersions, saveVersions } from '../store/versions.js';

/**
 * Where the map's versions are kept: in IndexedDB with the stored map (store/versions.ts), or only in the session
 * when the host keeps the data. Loads them into the session, stores what it saves, and reads them anew when another
 * tab stored one. Made with the forms' chunk, once the map is on screen: no version is needed for the first picture.
 */
export class VersionsController implements ReactiveController {
  private loadedFor: string | null = null;
  private loading: Promise<void> = Promise.resolve();
  private stopListening: (() => void) | null = null;
  /** Signs this editor's saves: the channel brings a page's own messages back to it, which it already has. */
  private readonly token = newId();

  /** `storedId`: the stored map the versions belong to, or null when the host keeps the data (`storage="none"`). */
  constructor(
    host: ReactiveControllerHost,
    private readonly session: EditorSession,
    private readonly storedId: () => string | null,
  ) {
    host.addController(this);
    session.subscribe((event) => {
      if (event.type !== 'map') return;
      // Let go (locked, deleted): the session forgot them; read again when the map is loaded again (unlocked).
      if (event.change.kind === 'cleared') this.loadedFor = null;
      // The map from the store, or another tab's through it: its versions, if they could not be read before.
      if ((event.change.kind === 'replaced' && event.change.storedRevision !== undefined) || event.change.kind === 'adopted')
        void this.ready;
    });
  }

  hostConnected(): void {
    // Another tab stored a version of this map (or imported a file with versions): read them anew.
    this.stopListening = listen((message) => {
      if (message.type === 'versions' && message.id === this.loadedFor && message.by !== this.token) this.reload();
      // Deleted in another tab (the map, or all data): nothing of its versions stays in memory here either.
      if (message.type === 'deleted' && (message.id === null || message.id === this.loadedFor)) {
        this.loadedFor = null;
        this.session.setVersions([]);
      }
    });
  }

  hostDisconnected(): void {
    this.stopListening?.();
    this.stopListening = null;
  }

  /** Resolves once the versions of the map shown now are in the session. */
  get ready(): Promise<void> {
    const id = this.storedId();
    if (id !== this.loadedFor) {
      this.loadedFor = id;
      if (id === null) this.session.setVersions([]);
      else this.reload();
    }
    return this.loading;
  }

  /** The map as it is now, as a version named `label`; stored before it resolves. */
  async save(label: string): Promise<MapVersion> {
    await this.ready;
    const version = versionOfNow(this.session, label);
    try {
      checkHandOverLength(this.session.map, [...this.session.versions, version]);
    } catch (error) {
      if (error instanceof ValidationError) this.session.refuse(error.issues);
      throw error;
    }
    await this.store([version]);
    return version;
  }

  /**
   * Versions from a hand-over file, whose map is `map`: the ones not known yet are stored, none is replaced (a
   * version is read-only). Refused, and none stored, when the map would no longer fit in a hand-over file with them.
   */
  async take(versions: readonly MapVersion[], map: MapDocument): Promise<void> {
    await this.ready;
    const added = versionsToAdd(this.session, versions);
    checkHandOverLength(map, [...this.session.versions, ...added]);
    await this.store(added);
  }

  private async store(versions: readonly MapVersion[]): Promise<void> {
    if (versions.length === 0) return;
    const id = this.storedId();
    if (id !== null) await saveVersions(id, versions, this.token);
    this.session.addVersions(versions);
  }

  private reload(): void {
    const id = this.loadedFor;
    if (id === null) return;
    this.loading = loadVersions(id).then(
      (versions) => {
        if (this.loadedFor === id) this.session.setVersions(versions);
      },
      // Unreadable now (a store that fails fails the map's load too, which tells the user): the list stays as it was,
      // and is read again when next asked for (before a version is saved, or when the store gives the map again).
      () => {
        if (this.loadedFor === id) this.loadedFor = null;
      },
    );
  }
}
