import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { versionLabel } from '../model/hand-over.js';
import { newId } from '../model/ids.js';
import { LIMITS } from '../model/limits.js';
import type { MapDocument, MapVersion } from '../model/types.js';
import { ValidationError } from '../model/validation.js';
import { listen } from '../store/sync.js';
import { loadVersions, saveVersions } from '../store/versions.js';

export interface VersionsHooks {
  /** The stored map the versions belong to, or null when the host keeps the data (`storage="none"`). */
  storedId: () => string | null;
  current: () => MapDocument;
}

/**
 * The map's versions: named, dated, read-only snapshots. Stored with the map in IndexedDB (store/versions.ts), or
 * kept here when the host keeps the data; either way they travel in the hand-over file. Made with the forms' chunk,
 * once the map is on screen: no version is needed for the first picture. `list` is what the editor shows, oldest first.
 */
export class VersionsController implements ReactiveController {
  list: readonly MapVersion[] = [];
  private loadedFor: string | null = null;
  private loading: Promise<void> = Promise.resolve();
  private stopListening: (() => void) | null = null;
  /** Signs this editor's saves: the channel brings a page's own messages back to it, which it already has. */
  private readonly token = newId();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hooks: VersionsHooks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Another tab stored a version of this map (or imported a file with versions): read them anew.
    this.stopListening = listen((message) => {
      if (message.type === 'versions' && message.id === this.loadedFor && message.by !== this.token) this.reload();
      if (message.type === 'deleted' && (message.id === null || message.id === this.loadedFor)) this.forget();
    });
  }

  hostDisconnected(): void {
    this.stopListening?.();
    this.stopListening = null;
  }

  /** Resolves once the versions of the map shown now are known. */
  get ready(): Promise<void> {
    const id = this.hooks.storedId();
    if (id !== this.loadedFor) {
      this.loadedFor = id;
      if (id === null) this.list = [];
      else this.reload();
    }
    return this.loading;
  }

  /** The map was let go (locked, deleted): nothing of its versions stays in memory. */
  forget(): void {
    this.list = [];
    this.loadedFor = null;
    this.host.requestUpdate();
  }

  /** The map as it is now, as a version named `label`; stored before it resolves. */
  async save(label: string): Promise<MapVersion> {
    await this.ready;
    if (this.list.length >= LIMITS.versions)
      throw new ValidationError([{ path: 'versionLabel', code: 'tooMany', detail: String(LIMITS.versions) }]);
    const version: MapVersion = {
      id: newId(),
      label: versionLabel(label, 'versionLabel'),
      savedAt: new Date().toISOString(),
      map: this.hooks.current(),
    };
    await this.store([version]);
    return version;
  }

  /** Versions from a hand-over file: the ones not known yet are added, none is replaced (a version is read-only). */
  async take(versions: readonly MapVersion[]): Promise<void> {
    await this.ready;
    const known = new Set(this.list.map((version) => version.id));
    const added = versions.filter((version) => !known.has(version.id));
    if (this.list.length + added.length > LIMITS.versions)
      throw new ValidationError([{ path: 'versions', code: 'tooMany', detail: String(LIMITS.versions) }]);
    await this.store(added);
  }

  private async store(versions: readonly MapVersion[]): Promise<void> {
    if (versions.length === 0) return;
    const id = this.hooks.storedId();
    if (id !== null) await saveVersions(id, versions, this.token);
    this.list = [...this.list, ...versions].sort((a, b) => a.savedAt.localeCompare(b.savedAt));
    this.host.requestUpdate();
  }

  private reload(): void {
    const id = this.loadedFor;
    if (id === null) return;
    this.loading = loadVersions(id)
      .then(
        (versions) => {
          if (this.loadedFor !== id) return;
          this.list = versions;
        },
        // Unreadable now (a store that fails fails the map's load too, which tells the user): the list stays as it was.
        () => undefined,
      )
      .finally(() => this.host.requestUpdate());
  }
}
