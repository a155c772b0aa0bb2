import type { Command } from '../model/commands.js';
import type { MapDocument } from '../model/types.js';

/** How the session's document came to change. */
export type MapChange =
  /** An edit, an undo or redo step, or the layout placing actors: `byUser` for an edit a person made. */
  | { kind: 'edit'; command: Command; byUser: boolean }
  /**
   * A whole new document, with no history: from the store at `storedRevision` (to store again only when `changed`,
   * e.g. laid out anew), or from the host (`map`) when `storedRevision` is undefined, to store over what was there.
   */
  | { kind: 'replaced'; storedRevision: number | undefined; changed: boolean }
  /** Another tab's document, or the merge of it with this tab's edits: the history stays. */
  | { kind: 'adopted' }
  /** The map was let go (locked, or deleted elsewhere): nothing of it stays, its history and versions neither. */
  | { kind: 'cleared' };

/** What the session tells those who listen (the element, the storage), in the order it happened. */
export type SessionEvent =
  | { type: 'map'; map: MapDocument; change: MapChange }
  | { type: 'select'; actorId: string | null }
  /** A failure the user must hear of (`nk-error`), its message in the UI language. */
  | { type: 'error'; error: Error }
  /** Words for a screen reader: what an edit did. */
  | { type: 'announce'; message: string }
  /** Anything else shown changed: the tie being drawn, the version viewed or compared, the versions, a message. */
  | { type: 'state' };

export type SessionListener = (event: SessionEvent) => void;
