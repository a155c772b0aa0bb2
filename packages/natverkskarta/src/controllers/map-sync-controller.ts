import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { applyCommand, type Command } from '../model/commands.js';
import { newId } from '../model/ids.js';
import type { MapDocument } from '../model/types.js';
import { RevisionConflict, StorageError } from '../store/errors.js';
import { loadMapRevision, saveMap, saveMapRevision } from '../store/maps.js';
import { listen } from '../store/sync.js';

/** What happened to the map because of another tab, for the editor to tell the user. */
export type SyncNotice = 'merged' | 'updated' | 'copied' | 'deleted';

export interface MapSyncHooks {
  /** The stored map this editor keeps in step with, or null when it stores nothing. */
  mapId: () => string | null;
  current: () => MapDocument;
  /** Shows a document that came from another tab (or the merge of it with this tab's edits). */
  adopt: (doc: MapDocument) => void;
  /** Whether this tab has edits that are not stored yet. */
  dirty: () => boolean;
  /** Stores what is pending now (the conflict, if any, is resolved in `save`). */
  flush: () => void;
  notice: (notice: SyncNotice, detail: string) => void;
  /** The title a copy of the other tab's version gets, when the two cannot be merged. */
  copyTitle: (title: string) => string;
}

/**
 * Two tabs on one map never silently overwrite each other. Every save says which stored revision it was based
 * on; the store refuses it inside the same transaction if another tab saved since. Then this tab's unsaved
 * edits — commands, kept since the last save — are replayed on the newer version. When they cannot be (the other
 * tab removed what they change), the other version is kept as a copy, so that no edit is lost either way.
 * A tab without unsaved edits simply takes the newer version when another tab announces it.
 */
export class MapSyncController implements ReactiveController {
  /** The stored revision the shown document is based on; 0 before the first save. */
  revision = 0;
  private pending: { seq: number; command: Command }[] = [];
  /** The whole document was replaced (import, `map` set) since the last save: this tab's version wins. */
  private replaced = false;
  private seq = 0;
  private readonly seqOf = new WeakMap<MapDocument, number>();
  private stopListening: (() => void) | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly hooks: MapSyncHooks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopListening = listen((message) => {
      const id = this.hooks.mapId();
      if (!id) return;
      if (message.type === 'saved' && message.id === id && message.revision > this.revision) void this.takeNewer();
      if (message.type === 'deleted' && (message.id === id || message.id === null)) this.hooks.notice('deleted', '');
    });
  }

  hostDisconnected(): void {
    this.stopListening?.();
    this.stopListening = null;
  }

  /** A document fresh from the store (or new): nothing pending. */
  reset(revision: number): void {
    this.revision = revision;
    this.pending = [];
    this.replaced = false;
  }

  /** Called for every change of the shown document; `command` is null when the whole document was replaced. */
  record(doc: MapDocument, command: Command | null): void {
    this.seq++;
    this.seqOf.set(doc, this.seq);
    if (command) this.pending.push({ seq: this.seq, command });
    else {
      this.pending = [];
      this.replaced = true;
    }
  }

  /** Stores `doc`; on a conflict merges with the newer version and stores the merge. For the autosave. */
  async save(doc: MapDocument): Promise<void> {
    let toSave = doc;
    let upTo = this.seqOf.get(doc) ?? this.seq;
    // The base moves to the other tab's revision only once the merge is stored: if storing it fails, the next
    // attempt conflicts and merges again instead of writing over the other version.
    let base = this.revision;
    for (let attempt = 0; ; attempt++) {
      try {
        this.revision = await saveMapRevision(toSave, base);
        break;
      } catch (error) {
        if (error instanceof StorageError && error.kind === 'deleted') {
          // Deleted on purpose while this tab held it ("Avsluta och radera"): it must not come back.
          this.hooks.notice('deleted', '');
          return;
        }
        if (!(error instanceof RevisionConflict) || attempt >= 3) throw error;
        base = error.current.revision;
        toSave = await this.resolve(error.current);
        upTo = this.seq;
      }
    }
    this.pending = this.pending.filter((entry) => entry.seq > upTo);
    if (upTo === this.seq) this.replaced = false;
  }

  /** Another tab stored a newer version: take it if nothing here is unsaved, else save now and merge. */
  private async takeNewer(): Promise<void> {
    if (this.hooks.dirty() || this.pending.length > 0 || this.replaced) {
      this.hooks.flush();
      return;
    }
    const stored = await loadMapRevision(this.hooks.mapId()!).catch(() => undefined);
    if (!stored || stored.revision <= this.revision || this.hooks.dirty() || this.pending.length > 0) return;
    this.revision = stored.revision;
    this.hooks.adopt(stored.doc);
    this.hooks.notice('updated', '');
  }

  /** Stores the other tab's version as a map of its own, and says so. */
  private async keepCopy(other: MapDocument): Promise<void> {
    const copy = { ...other, id: newId(), title: this.hooks.copyTitle(other.title) };
    await saveMap(copy);
    this.hooks.notice('copied', copy.title);
  }

  /** This tab's version merged with the stored one; the stored revision becomes the base. */
  private async resolve(current: { doc: MapDocument; revision: number }): Promise<MapDocument> {
    const mine = this.hooks.current();
    if (this.replaced) {
      // This tab replaced the whole map (an import, a host's `map`): it wins, and the other version is kept.
      await this.keepCopy(current.doc);
      return mine;
    }
    let merged = current.doc;
    try {
      for (const { command } of this.pending) merged = applyCommand(merged, command).map;
    } catch {
      // The edits do not fit the other version: keep that one as a copy, and this one as the map.
      await this.keepCopy(current.doc);
      return mine;
    }
    merged = { ...merged, updatedAt: new Date().toISOString() };
    this.seq++;
    this.seqOf.set(merged, this.seq);
    this.hooks.adopt(merged);
    this.hooks.notice('merged', '');
    return merged;
  }
}
