import { applyCommand, type Command } from './commands.js';
import type { MapDocument } from './types.js';

/** One undoable step: the command as done, and the command that undoes it. */
export interface HistoryEntry {
  redo: Command;
  undo: Command;
}

/** Undo and redo stacks as immutable data; the editor keeps one and replaces it on each edit. */
export interface History {
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
}

export const HISTORY_LIMIT = 200;

export const emptyHistory: History = { past: [], future: [] };

export function record(history: History, entry: HistoryEntry): History {
  return { past: [...history.past, entry].slice(-HISTORY_LIMIT), future: [] };
}

/** Undoes the latest step; null when there is nothing to undo. */
export function undo(history: History, map: MapDocument): { history: History; map: MapDocument } | null {
  const entry = history.past.at(-1);
  if (!entry) return null;
  return {
    map: applyCommand(map, entry.undo).map,
    history: { past: history.past.slice(0, -1), future: [entry, ...history.future] },
  };
}

/** Redoes the latest undone step; null when there is nothing to redo. */
export function redo(history: History, map: MapDocument): { history: History; map: MapDocument } | null {
  const entry = history.future[0];
  if (!entry) return null;
  return { map: applyCommand(map, entry.redo).map, history: { past: [...history.past, entry], future: history.future.slice(1) } };
}
