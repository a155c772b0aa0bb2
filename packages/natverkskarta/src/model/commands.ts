import { ValidationError } from './validation.js';
import type { Actor, ActorPatch, MapDocument, Point, Tie, TieKind } from './types.js';

/**
 * Every edit is one of these: plain data, so undo, redo, autosave and change events hang off one place.
 * `applyCommand` returns the new map and the command that undoes it.
 */
export type Command =
  | { type: 'addActor'; actor: Actor; index?: number; ties?: readonly IndexedTie[] }
  | { type: 'removeActor'; id: string }
  | { type: 'updateActor'; id: string; patch: ActorPatch }
  | { type: 'addTie'; tie: Tie; index?: number }
  | { type: 'removeTie'; id: string }
  | { type: 'updateTie'; id: string; kind: TieKind }
  | { type: 'setTitle'; title: string }
  /** Marks a kind of contact "inte aktuellt" for this family (the kartläggning), or takes the mark back. */
  | { type: 'setSkipped'; category: string; skipped: boolean }
  | { type: 'setPositions'; positions: Readonly<Record<string, Point | null>> }
  /** The whole map at once, as an import does; undoing it brings the previous map back. */
  | { type: 'replace'; map: MapDocument }
  | { type: 'batch'; commands: readonly Command[] };

export type CommandType = Command['type'];

/** A tie with where it stood in the list, so that undoing a removal puts it back in place. */
export interface IndexedTie {
  tie: Tie;
  index: number;
}

export interface Applied {
  map: MapDocument;
  inverse: Command;
}

function insertAt<T>(list: readonly T[], item: T, index: number | undefined): T[] {
  const copy = list.slice();
  copy.splice(index === undefined ? copy.length : Math.max(0, Math.min(index, copy.length)), 0, item);
  return copy;
}

function actorIndex(map: MapDocument, id: string): number {
  const index = map.actors.findIndex((actor) => actor.id === id);
  if (index < 0) throw new ValidationError([{ path: 'id', code: 'unknownActor', detail: id }]);
  return index;
}

function tieIndex(map: MapDocument, id: string): number {
  const index = map.ties.findIndex((tie) => tie.id === id);
  if (index < 0) throw new ValidationError([{ path: 'id', code: 'unknownTie', detail: id }]);
  return index;
}

export function applyCommand(map: MapDocument, command: Command): Applied {
  switch (command.type) {
    case 'addActor': {
      if (map.actors.some((actor) => actor.id === command.actor.id))
        throw new ValidationError([{ path: 'id', code: 'duplicateId', detail: command.actor.id }]);
      let ties = map.ties;
      for (const { tie, index } of [...(command.ties ?? [])].sort((a, b) => a.index - b.index)) ties = insertAt(ties, tie, index);
      return {
        map: { ...map, actors: insertAt(map.actors, command.actor, command.index), ties },
        inverse: { type: 'removeActor', id: command.actor.id },
      };
    }
    case 'removeActor': {
      const index = actorIndex(map, command.id);
      const removedTies: IndexedTie[] = [];
      map.ties.forEach((tie, i) => {
        if (tie.from === command.id || tie.to === command.id) removedTies.push({ tie, index: i });
      });
      return {
        map: {
          ...map,
          actors: map.actors.filter((_, i) => i !== index),
          ties: map.ties.filter((tie) => tie.from !== command.id && tie.to !== command.id),
        },
        inverse: { type: 'addActor', actor: map.actors[index]!, index, ties: removedTies },
      };
    }
    case 'updateActor': {
      const index = actorIndex(map, command.id);
      const before = map.actors[index]!;
      const previous: Record<string, unknown> = {};
      for (const key of Object.keys(command.patch) as (keyof ActorPatch)[]) previous[key] = before[key];
      const actors = map.actors.slice();
      actors[index] = { ...before, ...command.patch };
      return { map: { ...map, actors }, inverse: { type: 'updateActor', id: command.id, patch: previous as ActorPatch } };
    }
    case 'addTie': {
      if (map.ties.some((tie) => tie.id === command.tie.id))
        throw new ValidationError([{ path: 'id', code: 'duplicateId', detail: command.tie.id }]);
      return {
        map: { ...map, ties: insertAt(map.ties, command.tie, command.index) },
        inverse: { type: 'removeTie', id: command.tie.id },
      };
    }
    case 'removeTie': {
      const index = tieIndex(map, command.id);
      return {
        map: { ...map, ties: map.ties.filter((_, i) => i !== index) },
        inverse: { type: 'addTie', tie: map.ties[index]!, index },
      };
    }
    case 'updateTie': {
      const index = tieIndex(map, command.id);
      const ties = map.ties.slice();
      const before = ties[index]!;
      ties[index] = { ...before, kind: command.kind };
      return { map: { ...map, ties }, inverse: { type: 'updateTie', id: command.id, kind: before.kind } };
    }
    case 'setTitle':
      return { map: { ...map, title: command.title }, inverse: { type: 'setTitle', title: map.title } };
    case 'setSkipped': {
      const was = map.skipped.includes(command.category);
      const others = map.skipped.filter((category) => category !== command.category);
      return {
        map: { ...map, skipped: command.skipped ? [...others, command.category] : others },
        inverse: { type: 'setSkipped', category: command.category, skipped: was },
      };
    }
    case 'setPositions': {
      // Own keys only: an actor's id may be any text, "constructor" too.
      const previous: Record<string, Point | null> = Object.create(null) as Record<string, Point | null>;
      const actors = map.actors.map((actor) => {
        if (!Object.hasOwn(command.positions, actor.id)) return actor;
        previous[actor.id] = actor.position;
        return { ...actor, position: command.positions[actor.id] ?? null };
      });
      return { map: { ...map, actors }, inverse: { type: 'setPositions', positions: previous } };
    }
    case 'replace':
      return { map: command.map, inverse: { type: 'replace', map } };
    case 'batch': {
      let current = map;
      const inverses: Command[] = [];
      for (const step of command.commands) {
        const applied = applyCommand(current, step);
        current = applied.map;
        inverses.unshift(applied.inverse);
      }
      return { map: current, inverse: { type: 'batch', commands: inverses } };
    }
  }
}
