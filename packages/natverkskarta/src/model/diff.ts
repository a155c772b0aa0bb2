import type { Actor, Functioning, MapDocument, Tie } from './types.js';

/** One contact's change between two versions: the contact as it was and as it is (one of them, for added or removed). */
export interface ActorChange {
  before: Actor | null;
  after: Actor | null;
}

/** A tie between two ends, in either direction, with the ends as they are named (the family is `CENTRE_ID`). */
export type TieChange = Pick<Tie, 'from' | 'to' | 'kind'>;

/**
 * What changed from one version of a map to another, as plain data for the map, the list and the PDF to show.
 * Contacts are compared by id; each list keeps the order of the later version (the earlier one for removed).
 */
export interface MapDiff {
  /** New contacts that are there (active). */
  added: ActorChange[];
  /** New contacts that are needed but missing: a need found since. */
  newNeeds: ActorChange[];
  /** Was needed, now there: the need has got a contact. */
  met: ActorChange[];
  /** Ended since (was there, or needed). */
  ended: ActorChange[];
  /** Ended before, there again. */
  resumed: ActorChange[];
  /** In the earlier version, gone from the later one. */
  removed: ActorChange[];
  /** One ring or more closer to the family, or further out. */
  closer: ActorChange[];
  further: ActorChange[];
  /** Works better or worse than it did (an assessment made or dropped is neither). */
  better: ActorChange[];
  worse: ActorChange[];
  tiesAdded: TieChange[];
  tiesRemoved: TieChange[];
}

const RANK: Record<Functioning, number> = { poor: 0, mixed: 1, good: 2 };

const pairOf = (tie: Pick<Tie, 'from' | 'to'>) => [tie.from, tie.to].sort().join('\u0000');

/** The changes from `before` to `after`: pure, and the same both ways round but for which side each lands on. */
export function diffMaps(before: MapDocument, after: MapDocument): MapDiff {
  const diff: MapDiff = {
    added: [],
    newNeeds: [],
    met: [],
    ended: [],
    resumed: [],
    removed: [],
    closer: [],
    further: [],
    better: [],
    worse: [],
    tiesAdded: [],
    tiesRemoved: [],
  };
  const earlier = new Map(before.actors.map((actor) => [actor.id, actor]));
  const later = new Set(after.actors.map((actor) => actor.id));
  for (const actor of after.actors) {
    const was = earlier.get(actor.id);
    const change = { before: was ?? null, after: actor };
    if (!was) {
      if (actor.status === 'needed') diff.newNeeds.push(change);
      else diff.added.push(change);
      continue;
    }
    if (was.status !== actor.status) {
      if (actor.status === 'ended') diff.ended.push(change);
      else if (was.status === 'needed' && actor.status === 'active') diff.met.push(change);
      else if (was.status === 'ended') diff.resumed.push(change);
      else if (actor.status === 'needed') diff.newNeeds.push(change);
    }
    if (actor.ring < was.ring) diff.closer.push(change);
    else if (actor.ring > was.ring) diff.further.push(change);
    if (was.functioning && actor.functioning && was.functioning !== actor.functioning)
      (RANK[actor.functioning] > RANK[was.functioning] ? diff.better : diff.worse).push(change);
  }
  for (const actor of before.actors) if (!later.has(actor.id)) diff.removed.push({ before: actor, after: null });
  const tiesBefore = new Set(before.ties.map(pairOf));
  const tiesAfter = new Set(after.ties.map(pairOf));
  const tie = ({ from, to, kind }: Tie): TieChange => ({ from, to, kind });
  diff.tiesAdded = after.ties.filter((candidate) => !tiesBefore.has(pairOf(candidate))).map(tie);
  diff.tiesRemoved = before.ties.filter((candidate) => !tiesAfter.has(pairOf(candidate))).map(tie);
  return diff;
}

/** Whether nothing a family would notice changed. */
export function isUnchanged(diff: MapDiff): boolean {
  return Object.values(diff).every((list: readonly unknown[]) => list.length === 0);
}
