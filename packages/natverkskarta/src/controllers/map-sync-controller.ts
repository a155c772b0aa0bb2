import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Command } from '../model/commands.js';
import { newId } from '../model/ids.js';
import { restoreMap } from '../model/restore.js';
import type { MapDocument } from '../model/types.js';
import { RevisionConflict, StorageError } from '../store/errors.js';
import { loadMapRevision, saveMap, saveMapRevision } from '../store/maps.js';
import { listen, type MergeNote, type StoreMessage } from '../store/sync.js';

/** What happened to the map because of another tab, for the editor to tell the user. */
export type SyncNotice = 'merged' | 'updated' | 'copied' | 'deleted';

/** Whose merge it was: this tab's (it saved last), or another tab's that this tab took in. */
export type MergeSide = 'here' | 'there';

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
  /** A merge resolved changes both tabs made to the same thing; `doc` is the merged map, to name contacts from. */
  conflicts: (note: MergeNote, doc: MapDocument, side: MergeSide) => void;
  /** The title a copy of the other tab's version gets, when the two cannot be merged. */
  copyTitle: (title: string) => string;
}

/**
 * Two tabs on one map never silently overwrite each other. Every save says which stored revision it was based
 * on; the store refuses it inside the same transaction if another tab saved since. Then this tab's unsaved
 * edits — commands, kept since the last save — are replayed on the newer version (`model/merge.ts`). Where both
 * tabs changed the same field, this tab's value goes into the map and the other version is kept as a map of its
 * own; a contact one tab removed and the other edited stays, with the edits. Both tabs are told. A tab without
 * unsaved edits simply takes the newer version when another tab announces it.
 */
export class MapSyncController implements ReactiveController {
  /** The stored revision the shown document is based on; 0 before the first save. */
  revision = 0;
  /** The document stored at `revision`: what this tab's pending edits were made on. */
  private base: MapDocument | null = null;
  private pending: { seq: number; command: Command }[] = [];
  /** The whole document was replaced (import, `map` set) since the last save: this tab's version wins. */
  private replaced = false;
  private seq = 0;
  private readonly seqOf = new WeakMap<MapDocument, number>();
  private stopListening: (() => void) | null = null;
  /** Settles when the save on its way (if any) has finished, stored or not. */
  private saving: Promise<void> | null = null;
  /** Signs this editor's saves: the channel brings a page's own messages back to it. */
  private readonly token = newId();

  constructor(
    host: ReactiveControllerHost,
    private readonly hooks: MapSyncHooks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopListening = listen((message) => this.hear(message));
  }

  /**
   * Another page's message, taken in only between this tab's saves: while one is on its way, this tab's revision
   * and pending edits are about to change, and a message judged against them now would be judged wrongly (a newer
   * version taken for one this save will merge, or an older merge told over this save's own).
   */
  private hear(message: StoreMessage): void {
    if (this.saving) {
      void this.saving.then(() => this.hear(message));
      return;
    }
    const id = this.hooks.mapId();
    if (!id) return;
    if (message.type === 'saved' && message.by === this.token) return;
    if (message.type !== 'saved' || message.id !== id) {
      if (message.type === 'deleted' && (message.id === id || message.id === null)) this.hooks.notice('deleted', '');
      return;
    }
    if (message.revision > this.revision) void this.takeNewer(message.merge);
    // The version shown here, taken in before its message came: its merge is still news. A merge this tab has
    // since stored over is not.
    else if (message.merge && message.revision === this.revision)
      this.hooks.conflicts(message.merge, this.hooks.current(), 'there');
  }

  hostDisconnected(): void {
    this.stopListening?.();
    this.stopListening = null;
  }

  /** A document fresh from the store (or new): nothing pending. */
  reset(revision: number, doc: MapDocument): void {
    this.revision = revision;
    this.base = doc;
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
  save(doc: MapDocument): Promise<void> {
    const run = this.store(doc);
    const settled = run.catch(() => undefined);
    this.saving = settled;
    void settled.then(() => {
      if (this.saving === settled) this.saving = null;
    });
    return run;
  }

  private async store(doc: MapDocument): Promise<void> {
    let toSave = doc;
    let upTo = this.seqOf.get(doc) ?? this.seq;
    // The base moves to the other tab's revision only once the merge is stored: if storing it fails, the next
    // attempt conflicts and merges again instead of writing over the other version.
    let base = this.revision;
    let merge: MergeNote | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        this.revision = await saveMapRevision(toSave, base, { by: this.token, ...(merge ? { merge } : {}) });
        this.base = toSave;
        break;
      } catch (error) {
        if (error instanceof StorageError && error.kind === 'deleted') {
          // Deleted on purpose while this tab held it ("Avsluta och radera"): it must not come back.
          this.hooks.notice('deleted', '');
          return;
        }
        if (!(error instanceof RevisionConflict) || attempt >= 3) throw error;
        // Replayed on each newer version from the same base: the pending commands were made on it.
        const resolved = await this.resolve(error.current, this.base);
        base = error.current.revision;
        toSave = resolved.doc;
        if (resolved.merge) merge = (await import('../model/merge.js')).joinNotes(merge, resolved.merge);
        upTo = this.seqOf.get(resolved.doc) ?? upTo;
      }
    }
    this.pending = this.pending.filter((entry) => entry.seq > upTo);
    if (upTo === this.seq) this.replaced = false;
    if (merge) this.hooks.conflicts(merge, toSave, 'here');
  }

  /** Another tab stored a newer version: take it if nothing here is unsaved, else save now and merge. */
  private async takeNewer(merge: MergeNote | undefined): Promise<void> {
    if (this.hooks.dirty() || this.pending.length > 0 || this.replaced) {
      // This tab's own save merges; what the other tab merged is told now.
      if (merge) this.hooks.conflicts(merge, this.hooks.current(), 'there');
      this.hooks.flush();
      return;
    }
    const stored = await loadMapRevision(this.hooks.mapId()!).catch(() => undefined);
    if (!stored || stored.revision <= this.revision || this.hooks.dirty() || this.pending.length > 0) return;
    this.revision = stored.revision;
    this.base = stored.doc;
    this.hooks.adopt(stored.doc);
    if (merge) this.hooks.conflicts(merge, stored.doc, 'there');
    else this.hooks.notice('updated', '');
  }

  /**
   * Stores the other tab's version as a map of its own; resolves with the copy's title. The copy's id is made
   * from the version it keeps, so that two tabs that both merge over it keep it once.
   */
  private async keepCopy(other: { doc: MapDocument; revision: number }): Promise<string> {
    const { doc, revision } = other;
    const { copyId } = await import('../model/merge.js');
    const copy = { ...doc, id: copyId(doc, revision), title: this.hooks.copyTitle(doc.title) };
    await saveMap(copy);
    return copy.title;
  }

  /**
   * This tab's version merged with the stored one, which becomes the base; with what both had changed, for the
   * tabs to tell. When the edits cannot be replayed at all, or this tab replaced the whole map, this tab's version
   * stays the map and the other is kept as a copy.
   */
  private async resolve(
    current: { doc: MapDocument; revision: number },
    baseDoc: MapDocument | null,
  ): Promise<{ doc: MapDocument; merge?: MergeNote }> {
    // Fetched at the first conflict only: most sessions never meet one.
    const { needsCopy, rebase } = await import('../model/merge.js');
    const mine = this.hooks.current();
    let rebased: ReturnType<typeof rebase> | null = null;
    if (!this.replaced && baseDoc) {
      try {
        rebased = rebase(
          baseDoc,
          current.doc,
          this.pending.map((entry) => entry.command),
          mine,
        );
        // Both tabs' work together must still be a map that opens again (within the limits, every tie whole).
        restoreMap(rebased.map);
      } catch {
        rebased = null;
      }
    }
    if (!rebased) {
      this.hooks.notice('copied', await this.keepCopy(current));
      return { doc: mine };
    }
    const merged = { ...rebased.map, updatedAt: new Date().toISOString() };
    this.seq++;
    this.seqOf.set(merged, this.seq);
    // Shown before anything is awaited: an edit made from now on is made on the merged map.
    this.hooks.adopt(merged);
    if (rebased.conflicts.length === 0) {
      this.hooks.notice('merged', '');
      return { doc: merged };
    }
    const named = new Set(rebased.conflicts.flatMap((conflict) => ('actorId' in conflict ? [conflict.actorId] : [])));
    const actors = merged.actors.filter((actor) => named.has(actor.id));
    const copyTitle = needsCopy(rebased.conflicts) ? await this.keepCopy(current) : undefined;
    return { doc: merged, merge: { conflicts: rebased.conflicts, actors, ...(copyTitle ? { copyTitle } : {}) } };
  }
}
