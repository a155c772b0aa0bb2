import { describe, it, expect } from 'vitest';
import {
  CATALOGUE,
  HISTORY_LIMIT,
  RINGS,
  TIE_KINDS,
  ACTOR_STATUSES,
  applyCommand,
  checkActorPatch,
  checkTie,
  emptyHistory,
  record,
  redo,
  undo,
  type Command,
  type History,
  type MapDocument,
  type TieKind,
} from '../../packages/natverkskarta/src/model/index.js';
import { actor, deepFreeze, emptyMap, expectIssue, issuesOf, sampleMap } from './model-helpers.js';

/** Applies `command`, checks that its inverse gives back the map deep-equal, and returns the new map. */
function applyAndCheckInverse(map: MapDocument, command: Command): MapDocument {
  deepFreeze(map);
  const { map: next, inverse } = applyCommand(map, command);
  expect(applyCommand(next, inverse).map).toEqual(map);
  return next;
}

describe('applyCommand', () => {
  describe('addActor', () => {
    it('appends the actor and is undone by removing it', () => {
      const map = deepFreeze(sampleMap());
      const d = actor(map, 'd', { category: 'fub' });
      const { map: next, inverse } = applyCommand(map, {
        type: 'addActor',
        actor: d,
      });
      expect(next.actors.map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']);
      expect(next.ties).toEqual(map.ties);
      expect(inverse).toEqual({ type: 'removeActor', id: 'd' });
      expect(applyCommand(next, inverse).map).toEqual(map);
    });

    it('inserts at a given index and clamps an index past either end', () => {
      const map = deepFreeze(sampleMap());
      const d = actor(map, 'd');
      expect(
        applyCommand(map, {
          type: 'addActor',
          actor: d,
          index: 1,
        }).map.actors.map((a) => a.id),
      ).toEqual(['a', 'd', 'b', 'c']);
      expect(
        applyCommand(map, {
          type: 'addActor',
          actor: d,
          index: 99,
        }).map.actors.map((a) => a.id),
      ).toEqual(['a', 'b', 'c', 'd']);
      expect(
        applyCommand(map, {
          type: 'addActor',
          actor: d,
          index: -5,
        }).map.actors.map((a) => a.id),
      ).toEqual(['d', 'a', 'b', 'c']);
    });

    it('refuses an actor whose id is already on the map', () => {
      const map = sampleMap();
      expectIssue(
        issuesOf(() => applyCommand(map, { type: 'addActor', actor: actor(map, 'b') })),
        'id',
        'duplicateId',
      );
    });
  });

  describe('removeActor', () => {
    it('removes the actor together with all of its ties', () => {
      const map = deepFreeze(sampleMap());
      const { map: next } = applyCommand(map, { type: 'removeActor', id: 'b' });
      expect(next.actors.map((a) => a.id)).toEqual(['a', 'c']);
      expect(next.ties.map((t) => t.id)).toEqual(['t1', 't4']);
    });

    it('is undone with the actor and its ties back at their original indices', () => {
      const map = deepFreeze(sampleMap());
      const { map: next, inverse } = applyCommand(map, {
        type: 'removeActor',
        id: 'b',
      });
      expect(inverse).toEqual({
        type: 'addActor',
        actor: map.actors[1],
        index: 1,
        ties: [
          { tie: map.ties[1], index: 1 },
          { tie: map.ties[2], index: 2 },
        ],
      });
      const restored = applyCommand(next, inverse).map;
      expect(restored).toEqual(map);
      expect(restored.ties.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4']);
    });

    it('restores ties at scattered indices, first and last included', () => {
      const base = sampleMap();
      const map = deepFreeze({
        ...base,
        ties: [
          { id: 'x1', from: 'a', to: 'c', kind: 'normal' as const },
          { id: 'x2', from: 'centre', to: 'b', kind: 'weak' as const },
          { id: 'x3', from: 'centre', to: 'a', kind: 'strong' as const },
          { id: 'x4', from: 'b', to: 'c', kind: 'weak' as const },
          { id: 'x5', from: 'c', to: 'centre', kind: 'strained' as const },
        ],
      });
      const { map: next, inverse } = applyCommand(map, {
        type: 'removeActor',
        id: 'c',
      });
      expect(next.ties.map((t) => t.id)).toEqual(['x2', 'x3']);
      expect(applyCommand(next, inverse).map).toEqual(map);
    });

    it('throws unknownActor for an id not on the map', () => {
      expectIssue(
        issuesOf(() => applyCommand(sampleMap(), { type: 'removeActor', id: 'ghost' })),
        'id',
        'unknownActor',
      );
    });
  });

  describe('updateActor', () => {
    it('changes only the patched fields and is undone by a patch of their old values', () => {
      const map = deepFreeze(sampleMap());
      const patch = checkActorPatch({ name: ' Lisa ', ring: 1, functioning: 'good' }, map);
      const { map: next, inverse } = applyCommand(map, {
        type: 'updateActor',
        id: 'a',
        patch,
      });
      expect(next.actors[0]).toEqual({
        ...map.actors[0],
        name: 'Lisa',
        ring: 1,
        functioning: 'good',
      });
      expect(next.actors.slice(1)).toEqual(map.actors.slice(1));
      expect(inverse).toEqual({
        type: 'updateActor',
        id: 'a',
        patch: { name: '', ring: 2, functioning: null },
      });
      expect(applyCommand(next, inverse).map).toEqual(map);
    });

    it('throws unknownActor for an id not on the map', () => {
      expectIssue(
        issuesOf(() =>
          applyCommand(sampleMap(), {
            type: 'updateActor',
            id: 'ghost',
            patch: { name: 'x' },
          }),
        ),
        'id',
        'unknownActor',
      );
    });
  });

  describe('ties', () => {
    it('addTie appends or inserts at an index and is undone by removeTie', () => {
      const map = deepFreeze(sampleMap());
      const tie = { id: 't5', from: 'a', to: 'c', kind: 'normal' as const };
      expect(applyCommand(map, { type: 'addTie', tie }).map.ties.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4', 't5']);
      const { map: next, inverse } = applyCommand(map, {
        type: 'addTie',
        tie,
        index: 0,
      });
      expect(next.ties.map((t) => t.id)).toEqual(['t5', 't1', 't2', 't3', 't4']);
      expect(inverse).toEqual({ type: 'removeTie', id: 't5' });
      expect(applyCommand(next, inverse).map).toEqual(map);
    });

    it('addTie refuses a tie id already on the map', () => {
      const tie = { id: 't2', from: 'a', to: 'c', kind: 'normal' as const };
      expectIssue(
        issuesOf(() => applyCommand(sampleMap(), { type: 'addTie', tie })),
        'id',
        'duplicateId',
      );
    });

    it('removeTie is undone with the tie back at its index', () => {
      const map = deepFreeze(sampleMap());
      const { map: next, inverse } = applyCommand(map, {
        type: 'removeTie',
        id: 't2',
      });
      expect(next.ties.map((t) => t.id)).toEqual(['t1', 't3', 't4']);
      expect(inverse).toEqual({ type: 'addTie', tie: map.ties[1], index: 1 });
      expect(applyCommand(next, inverse).map).toEqual(map);
    });

    it('updateTie changes the kind and is undone by the old kind', () => {
      const map = deepFreeze(sampleMap());
      const { map: next, inverse } = applyCommand(map, {
        type: 'updateTie',
        id: 't3',
        kind: 'strong',
      });
      expect(next.ties[2]).toEqual({
        id: 't3',
        from: 'a',
        to: 'b',
        kind: 'strong',
      });
      expect(inverse).toEqual({
        type: 'updateTie',
        id: 't3',
        kind: 'strained',
      });
      expect(applyCommand(next, inverse).map).toEqual(map);
    });

    it('removeTie and updateTie throw unknownTie for an id not on the map', () => {
      expectIssue(
        issuesOf(() => applyCommand(sampleMap(), { type: 'removeTie', id: 'ghost' })),
        'id',
        'unknownTie',
      );
      expectIssue(
        issuesOf(() =>
          applyCommand(sampleMap(), {
            type: 'updateTie',
            id: 'ghost',
            kind: 'weak',
          }),
        ),
        'id',
        'unknownTie',
      );
    });
  });

  describe('setTitle', () => {
    it('sets the title and is undone by the old title', () => {
      const map = deepFreeze(sampleMap());
      const { map: next, inverse } = applyCommand(map, {
        type: 'setTitle',
        title: 'Elsa',
      });
      expect(next.title).toBe('Elsa');
      expect(inverse).toEqual({ type: 'setTitle', title: 'Familjen Lind' });
      expect(applyCommand(next, inverse).map).toEqual(map);
    });
  });

  describe('setPositions', () => {
    it('moves the named actors, clears with null, ignores unknown ids, and is undone by the old positions', () => {
      const map = deepFreeze(sampleMap()); // a: null, b: {10,-20}, c: null
      const { map: next, inverse } = applyCommand(map, {
        type: 'setPositions',
        positions: { a: { x: 1, y: 2 }, b: null, ghost: { x: 9, y: 9 } },
      });
      expect(next.actors.map((a) => a.position)).toEqual([{ x: 1, y: 2 }, null, null]);
      expect(inverse).toEqual({
        type: 'setPositions',
        positions: { a: null, b: { x: 10, y: -20 } },
      });
      expect(applyCommand(next, inverse).map).toEqual(map);
    });

    it('leaves actors it does not name alone, even when their id is an Object.prototype key', () => {
      // Actor ids come from any imported file, and restoreMap accepts any non-empty string.
      const base = emptyMap();
      const map = deepFreeze({
        ...base,
        actors: [actor(base, 'constructor'), actor(base, 'toString'), actor(base, 'b')],
      });
      const { map: next, inverse } = applyCommand(map, {
        type: 'setPositions',
        positions: { b: { x: 1, y: 1 } },
      });
      expect(next.actors.map((a) => a.position)).toEqual([null, null, { x: 1, y: 1 }]);
      expect(inverse).toEqual({ type: 'setPositions', positions: { b: null } });
    });
  });

  describe('replace', () => {
    it('puts the whole given map in place, and its inverse brings the previous one back', () => {
      const before = deepFreeze(sampleMap());
      const imported = deepFreeze({ ...emptyMap(), title: 'Importerad' });
      const { map, inverse } = applyCommand(before, { type: 'replace', map: imported });
      expect(map).toBe(imported);
      expect(applyCommand(map, inverse).map).toEqual(before);
    });
  });

  describe('batch', () => {
    it('applies its commands in order and is undone by their inverses in reverse order', () => {
      const map = deepFreeze(sampleMap());
      const d = actor(map, 'd', { category: 'rbu' });
      const command: Command = {
        type: 'batch',
        commands: [
          { type: 'addActor', actor: d },
          {
            type: 'addTie',
            tie: { id: 't5', from: 'centre', to: 'd', kind: 'weak' },
          },
          { type: 'updateTie', id: 't5', kind: 'strong' },
          { type: 'removeActor', id: 'a' },
        ],
      };
      const { map: next, inverse } = applyCommand(map, command);
      expect(next.actors.map((a) => a.id)).toEqual(['b', 'c', 'd']);
      expect(next.ties.map((t) => `${t.id}:${t.kind}`)).toEqual(['t2:weak', 't4:normal', 't5:strong']);
      expect(inverse.type).toBe('batch');
      expect((inverse as Extract<Command, { type: 'batch' }>).commands.map((c) => c.type)).toEqual([
        'addActor',
        'updateTie',
        'removeTie',
        'removeActor',
      ]);
      expect(applyCommand(next, inverse).map).toEqual(map);
    });

    it('throws when any step fails and leaves the original map untouched', () => {
      const map = deepFreeze(sampleMap());
      const snapshot = structuredClone(map);
      expectIssue(
        issuesOf(() =>
          applyCommand(map, {
            type: 'batch',
            commands: [
              { type: 'setTitle', title: 'changed' },
              { type: 'removeTie', id: 'ghost' },
            ],
          }),
        ),
        'id',
        'unknownTie',
      );
      expect(map).toEqual(snapshot);
    });

    it('an empty batch changes nothing', () => {
      const map = deepFreeze(sampleMap());
      const { map: next, inverse } = applyCommand(map, {
        type: 'batch',
        commands: [],
      });
      expect(next).toEqual(map);
      expect(inverse).toEqual({ type: 'batch', commands: [] });
    });
  });
});

/** A small deterministic PRNG (mulberry32), so the random edit sequences are the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds a valid command for `map` from the random stream. */
function randomCommand(map: MapDocument, random: () => number, serial: { n: number }, depth = 0): Command {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const ids = map.actors.map((a) => a.id);
  const kinds = ['addActor', 'addActor', 'setTitle', 'setSkipped', 'setPositions', 'replace'] as Command['type'][];
  if (ids.length > 0) kinds.push('removeActor', 'updateActor', 'updateActor', 'addTie', 'addTie');
  if (map.ties.length > 0) kinds.push('removeTie', 'updateTie');
  if (depth === 0) kinds.push('batch');
  const kind = pick(kinds);
  switch (kind) {
    case 'addActor': {
      const id = `actor-${serial.n++}`;
      const input = {
        category: pick(CATALOGUE).id,
        organisation: ` Org ${id} `,
        ring: pick(RINGS),
      };
      return {
        type: 'addActor',
        actor: actor(map, id, input),
        index: Math.floor(random() * (ids.length + 2)),
      };
    }
    case 'removeActor':
      return { type: 'removeActor', id: pick(ids) };
    case 'updateActor': {
      const patch = checkActorPatch(
        pick([
          { name: `Name ${serial.n++}` },
          { ring: pick(RINGS), status: pick(ACTOR_STATUSES) },
          { functioning: pick(['good', 'mixed', 'poor', null]) },
          { consent: { given: true, date: '2024-03-15' } },
          {
            position: { x: Math.round(random() * 400 - 200), y: 7 },
            pinned: random() < 0.5,
          },
          { sector: pick(map.sectors).id, note: 'moved' },
        ]),
        map,
      );
      return { type: 'updateActor', id: pick(ids), patch };
    }
    case 'addTie': {
      const ends = ['centre', ...ids];
      for (let tries = 0; tries < 10; tries++) {
        const from = pick(ends);
        const to = pick(ends);
        const tieKind: TieKind = pick(TIE_KINDS);
        if (checkTie(map, from, to, tieKind).length === 0)
          return {
            type: 'addTie',
            tie: { id: `tie-${serial.n++}`, from, to, kind: tieKind },
            index: Math.floor(random() * (map.ties.length + 1)),
          };
      }
      return { type: 'setTitle', title: `Fallback ${serial.n++}` };
    }
    case 'removeTie':
      return { type: 'removeTie', id: pick(map.ties).id };
    case 'updateTie':
      return {
        type: 'updateTie',
        id: pick(map.ties).id,
        kind: pick(TIE_KINDS),
      };
    case 'setTitle':
      return { type: 'setTitle', title: `Title ${serial.n++}` };
    case 'setSkipped':
      return { type: 'setSkipped', category: pick(CATALOGUE).id, skipped: random() < 0.7 };
    case 'setPositions': {
      const positions: Record<string, { x: number; y: number } | null> = {
        ghost: { x: 0, y: 0 },
      };
      for (const id of ids) if (random() < 0.5) positions[id] = random() < 0.3 ? null : { x: random() * 100, y: random() * 100 };
      return { type: 'setPositions', positions };
    }
    case 'batch': {
      const commands: Command[] = [];
      let scratch = map;
      const size = 1 + Math.floor(random() * 4);
      for (let i = 0; i < size; i++) {
        const step = randomCommand(scratch, random, serial, depth + 1);
        commands.push(step);
        scratch = applyCommand(scratch, step).map;
      }
      return { type: 'batch', commands };
    }
    case 'replace':
      return { type: 'replace', map: sampleMap() };
  }
}

function expectTiesReferToActors(map: MapDocument): void {
  const ends = new Set(['centre', ...map.actors.map((a) => a.id)]);
  for (const tie of map.ties) {
    expect(ends.has(tie.from), tie.id).toBe(true);
    expect(ends.has(tie.to), tie.id).toBe(true);
  }
}

describe('random edit sequences', () => {
  it.each([1, 2, 3, 42, 2024])(
    'seed %i: every inverse undoes its step, undo-all restores the start and redo-all the end',
    (seed) => {
      const random = prng(seed);
      const serial = { n: 0 };
      const start = deepFreeze(sampleMap());
      let map = start;
      let history: History = emptyHistory;
      const steps = 60;
      const seen = new Set<string>();
      for (let i = 0; i < steps; i++) {
        const command = randomCommand(map, random, serial);
        seen.add(command.type);
        const { map: next, inverse } = applyCommand(deepFreeze(map), command);
        expect(applyCommand(next, inverse).map, `step ${i}: ${command.type}`).toEqual(map);
        expectTiesReferToActors(next);
        history = record(history, { redo: command, undo: inverse });
        map = next;
      }
      const end = deepFreeze(map);
      expect(end).not.toEqual(start);
      expect(seen.size).toBeGreaterThanOrEqual(7);

      let undone = 0;
      for (let step = undo(history, map); step; step = undo(history, map)) {
        ({ history, map } = step);
        undone++;
      }
      expect(undone).toBe(steps);
      expect(map).toEqual(start);
      expect(history.past).toHaveLength(0);
      expect(history.future).toHaveLength(steps);

      let redone = 0;
      for (let step = redo(history, map); step; step = redo(history, map)) {
        ({ history, map } = step);
        redone++;
      }
      expect(redone).toBe(steps);
      expect(map).toEqual(end);
    },
  );

  it('each individual command type round-trips through its inverse on an empty map as well', () => {
    let map = emptyMap();
    const a = actor(map, 'a', { category: 'syskon' });
    map = applyAndCheckInverse(map, { type: 'addActor', actor: a });
    map = applyAndCheckInverse(map, {
      type: 'addTie',
      tie: { id: 't', from: 'centre', to: 'a', kind: 'strong' },
    });
    map = applyAndCheckInverse(map, {
      type: 'updateTie',
      id: 't',
      kind: 'weak',
    });
    map = applyAndCheckInverse(map, {
      type: 'updateActor',
      id: 'a',
      patch: { note: 'hej' },
    });
    map = applyAndCheckInverse(map, {
      type: 'setPositions',
      positions: { a: { x: 3, y: 4 } },
    });
    map = applyAndCheckInverse(map, { type: 'setTitle', title: 'Noah' });
    map = applyAndCheckInverse(map, { type: 'removeTie', id: 't' });
    map = applyAndCheckInverse(map, { type: 'removeActor', id: 'a' });
    expect(map).toEqual({ ...emptyMap(), title: 'Noah' });
  });
});

describe('history', () => {
  const entry = (title: string, previous: string) => ({
    redo: { type: 'setTitle', title } as Command,
    undo: { type: 'setTitle', title: previous } as Command,
  });

  it('undo and redo return null when there is nothing to undo or redo', () => {
    expect(undo(emptyHistory, emptyMap())).toBeNull();
    expect(redo(emptyHistory, emptyMap())).toBeNull();
  });

  it('undo moves the latest step to the future and redo moves it back', () => {
    const map0 = emptyMap();
    const h1 = record(emptyHistory, entry('A', ''));
    const h2 = record(h1, entry('B', 'A'));
    const undone = undo(h2, { ...map0, title: 'B' })!;
    expect(undone.map.title).toBe('A');
    expect(undone.history.past).toHaveLength(1);
    expect(undone.history.future).toEqual([entry('B', 'A')]);
    const redone = redo(undone.history, undone.map)!;
    expect(redone.map.title).toBe('B');
    expect(redone.history).toEqual(h2);
  });

  it('record clears the redo future', () => {
    const h = record(record(emptyHistory, entry('A', '')), entry('B', 'A'));
    const afterUndo = undo(h, { ...emptyMap(), title: 'B' })!;
    expect(afterUndo.history.future).toHaveLength(1);
    const branched = record(afterUndo.history, entry('C', 'A'));
    expect(branched.future).toEqual([]);
    expect(branched.past.map((e) => (e.redo as { title: string }).title)).toEqual(['A', 'C']);
    expect(redo(branched, afterUndo.map)).toBeNull();
  });

  it('keeps at most HISTORY_LIMIT steps, dropping the oldest', () => {
    expect(HISTORY_LIMIT).toBeGreaterThan(0);
    let h: History = emptyHistory;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h = record(h, entry(`T${i}`, `T${i - 1}`));
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect((h.past[0]!.redo as { title: string }).title).toBe('T5');
    expect((h.past.at(-1)!.redo as { title: string }).title).toBe(`T${HISTORY_LIMIT + 4}`);
  });

  it('never changes the history it is given', () => {
    const h = deepFreeze(record(emptyHistory, entry('A', '')));
    record(h, entry('B', 'A'));
    undo(h, { ...emptyMap(), title: 'A' });
    expect(h.past).toHaveLength(1);
    expect(emptyHistory).toEqual({ past: [], future: [] });
  });
});
