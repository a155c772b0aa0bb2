import type { Command } from './commands.js';
import { CENTRE_ID, type Actor, type ActorFields, type MapDocument, type Tie } from './types.js';

/**
 * What two tabs both changed, found while one tab's unsaved edits are replayed on the version the other stored.
 * None of them loses anything: the map keeps this tab's value and the caller keeps the other version as a map of
 * its own (`sameField`, `sameTitle`, `sameTie`, `replaced`), or the contact stays, with every edit made to it
 * (`restored`, `keptEdited`).
 */
export type MergeConflict =
  /** Both tabs changed these fields of one contact, to different values. */
  | { type: 'sameField'; actorId: string; fields: (keyof ActorFields)[] }
  /** Both tabs renamed the family. */
  | { type: 'sameTitle' }
  /** Both tabs changed the kind of one tie. */
  | { type: 'sameTie'; tieId: string }
  /** The other tab removed the contact this tab edited: it is back, with this tab's edits. */
  | { type: 'restored'; actorId: string }
  /** This tab removed a contact the other tab edited: it stays, with that tab's edits. */
  | { type: 'keptEdited'; actorId: string }
  /** This tab replaced the whole map (an import). */
  | { type: 'replaced' };

export interface Rebased {
  map: MapDocument;
  conflicts: MergeConflict[];
}

/** Where an actor is drawn is the layout's business: two tabs that moved it are not in conflict. */
const LAYOUT_FIELDS: ReadonlySet<string> = new Set(['position', 'pinned']);

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Whether `after` differs from `before` in anything but where it is drawn. */
function edited(before: Actor, after: Actor): boolean {
  return (Object.keys(before) as (keyof Actor)[]).some((key) => !LAYOUT_FIELDS.has(key) && !same(before[key], after[key]));
}

function samePair(a: Tie, b: Tie): boolean {
  return (a.from === b.from && a.to === b.to) || (a.from === b.to && a.to === b.from);
}

/** Whether `tie` can join `map`: both ends there, and no tie between them yet. */
function fits(map: MapDocument, tie: Tie): boolean {
  const ends = (id: string) => id === CENTRE_ID || map.actors.some((actor) => actor.id === id);
  return ends(tie.from) && ends(tie.to) && !map.ties.some((other) => other.id === tie.id || samePair(other, tie));
}

function flatten(commands: readonly Command[]): Command[] {
  return commands.flatMap((command) => (command.type === 'batch' ? flatten(command.commands) : [command]));
}

/**
 * Replays this tab's unsaved `commands`, made on `base`, on `theirs`, the version another tab stored since;
 * `mine` is this tab's map now, the commands' net result. Each command applies to what it still finds, and only
 * with what it changed in the end: a field a drag re-sent unchanged, or an edit this tab took back with undo, leaves
 * the other tab's value alone. Where both tabs changed the same thing, this tab's value is applied and the conflict
 * named, so that the caller can keep the other version too and tell both tabs.
 */
export function rebase(base: MapDocument, theirs: MapDocument, commands: readonly Command[], mine: MapDocument): Rebased {
  const conflicts: MergeConflict[] = [];
  const baseActor = new Map(base.actors.map((actor) => [actor.id, actor]));
  const theirActor = new Map(theirs.actors.map((actor) => [actor.id, actor]));
  const myActor = new Map(mine.actors.map((actor) => [actor.id, actor]));
  const baseTie = new Map(base.ties.map((tie) => [tie.id, tie]));
  const theirTie = new Map(theirs.ties.map((tie) => [tie.id, tie]));
  const myTie = new Map(mine.ties.map((tie) => [tie.id, tie]));
  /** The other tab tied someone new to this contact. */
  const tiedThere = (id: string) => theirs.ties.some((tie) => (tie.from === id || tie.to === id) && !baseTie.has(tie.id));
  let map = theirs;
  const has = (id: string) => map.actors.some((actor) => actor.id === id);
  const note = (conflict: MergeConflict) => {
    if (!conflicts.some((known) => same(known, conflict))) conflicts.push(conflict);
  };

  for (const command of flatten(commands)) {
    switch (command.type) {
      case 'addActor': {
        if (has(command.actor.id)) break;
        map = { ...map, actors: [...map.actors, command.actor] };
        const ties = (command.ties ?? []).map((entry) => entry.tie);
        for (const tie of ties) if (fits(map, tie)) map = { ...map, ties: [...map.ties, tie] };
        break;
      }
      case 'removeActor': {
        const before = baseActor.get(command.id);
        const there = theirActor.get(command.id);
        // Still here in the end (the removal was undone): no removal of this tab's.
        if (!has(command.id) || myActor.has(command.id)) break;
        if (before && there && (edited(before, there) || tiedThere(command.id))) {
          note({ type: 'keptEdited', actorId: command.id });
          break;
        }
        map = {
          ...map,
          actors: map.actors.filter((actor) => actor.id !== command.id),
          ties: map.ties.filter((tie) => tie.from !== command.id && tie.to !== command.id),
        };
        break;
      }
      case 'updateActor': {
        const before = baseActor.get(command.id);
        const now = myActor.get(command.id);
        // What this command still changes in the end: a key whose value this tab has back where it started (a
        // drag re-sends sector and ring; undo takes an edit back) is no change of this tab's.
        const keys = (Object.keys(command.patch) as (keyof ActorFields)[]).filter(
          (key) => !before || !now || !same(now[key], before[key]),
        );
        if (keys.length === 0) break;
        if (!has(command.id)) {
          // Removed in the other tab while edited here: it comes back as it was, with its ties, and the edit; one
          // that was only moved here stays removed.
          if (!before || keys.every((key) => LAYOUT_FIELDS.has(key))) break;
          map = { ...map, actors: [...map.actors, before] };
          for (const tie of base.ties)
            if ((tie.from === command.id || tie.to === command.id) && fits(map, tie)) map = { ...map, ties: [...map.ties, tie] };
          note({ type: 'restored', actorId: command.id });
        }
        const there = theirActor.get(command.id);
        const patch: Partial<ActorFields> = {};
        for (const key of keys) Object.assign(patch, { [key]: now ? now[key] : command.patch[key] });
        if (before && there) {
          const fields = keys.filter(
            (key) => !LAYOUT_FIELDS.has(key) && !same(there[key], before[key]) && !same(there[key], patch[key]),
          );
          if (fields.length > 0) {
            const known = conflicts.find(
              (conflict): conflict is Extract<MergeConflict, { type: 'sameField' }> =>
                conflict.type === 'sameField' && conflict.actorId === command.id,
            );
            if (known) known.fields = [...new Set([...known.fields, ...fields])];
            else conflicts.push({ type: 'sameField', actorId: command.id, fields });
          }
        }
        map = {
          ...map,
          actors: map.actors.map((actor) => (actor.id === command.id ? { ...actor, ...patch } : actor)),
        };
        break;
      }
      case 'addTie': {
        const tie = myTie.get(command.tie.id) ?? command.tie;
        const twin = map.ties.find((other) => other.id !== tie.id && samePair(other, tie));
        if (twin && twin.kind !== tie.kind && !baseTie.has(twin.id)) {
          // Both tabs tied the same two, as different kinds: one tie, of this tab's kind, and the other kept.
          note({ type: 'sameTie', tieId: twin.id });
          map = { ...map, ties: map.ties.map((other) => (other.id === twin.id ? { ...other, kind: tie.kind } : other)) };
        } else if (fits(map, tie)) map = { ...map, ties: [...map.ties, tie] };
        break;
      }
      case 'removeTie':
        map = { ...map, ties: map.ties.filter((tie) => tie.id !== command.id) };
        break;
      case 'updateTie': {
        const before = baseTie.get(command.id);
        const there = theirTie.get(command.id);
        const kind = myTie.get(command.id)?.kind ?? command.kind;
        if (!map.ties.some((tie) => tie.id === command.id) || (before && before.kind === kind)) break;
        if (before && there && there.kind !== before.kind && there.kind !== kind) note({ type: 'sameTie', tieId: command.id });
        map = { ...map, ties: map.ties.map((tie) => (tie.id === command.id ? { ...tie, kind } : tie)) };
        break;
      }
      case 'setTitle':
        if (mine.title === base.title) break;
        if (theirs.title !== base.title && theirs.title !== mine.title) note({ type: 'sameTitle' });
        map = { ...map, title: mine.title };
        break;
      case 'setSkipped': {
        const others = map.skipped.filter((category) => category !== command.category);
        map = { ...map, skipped: command.skipped ? [...others, command.category] : others };
        break;
      }
      case 'setPositions': {
        const positions = command.positions;
        map = {
          ...map,
          actors: map.actors.map((actor) =>
            Object.hasOwn(positions, actor.id) ? { ...actor, position: positions[actor.id] ?? null } : actor,
          ),
        };
        break;
      }
      case 'replace':
        note({ type: 'replaced' });
        map = command.map;
        break;
      case 'batch':
        break;
    }
  }
  return { map: { ...map, id: theirs.id }, conflicts };
}

/** Whether the other version must be kept as a map of its own: something of it is not in the merged map. */
export function needsCopy(conflicts: readonly MergeConflict[]): boolean {
  return conflicts.some((conflict) => conflict.type !== 'restored' && conflict.type !== 'keptEdited');
}

/** What a merge resolved, as the tabs are told it (`store/sync.ts`). */
export interface MergeNote {
  conflicts: MergeConflict[];
  /** The contacts the conflicts name, as in the merged map: a tab that has not taken it in yet names them too. */
  actors: Actor[];
  copyTitle?: string;
}

/** What two merges in one save resolved: every conflict once, and the copy made last. */
export function joinNotes(first: MergeNote | undefined, next: MergeNote): MergeNote {
  if (!first) return next;
  const conflicts = [...first.conflicts];
  for (const conflict of next.conflicts)
    if (!conflicts.some((known) => JSON.stringify(known) === JSON.stringify(conflict))) conflicts.push(conflict);
  const actors = [...next.actors, ...first.actors.filter((actor) => !next.actors.some((other) => other.id === actor.id))];
  const copyTitle = next.copyTitle ?? first.copyTitle;
  return { conflicts, actors, ...(copyTitle ? { copyTitle } : {}) };
}

/**
 * The id of the copy kept of a map's stored `revision`: the same in every tab, new for every version of the map,
 * and short whatever the map's id (FNV-1a of it): every id must stay within the limit, or the copy would not open.
 */
export function copyId(doc: MapDocument, revision: number): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < doc.id.length; i++) hash = Math.imul(hash ^ doc.id.charCodeAt(i), 0x01000193);
  return `copy-${(hash >>> 0).toString(36)}-${revision}-${Date.parse(doc.updatedAt).toString(36)}`;
}
