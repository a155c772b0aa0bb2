import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../../packages/natverkskarta/src/model/commands.js';
import { needsCopy, rebase as rebaseWith } from '../../packages/natverkskarta/src/model/merge.js';
import type { MapDocument } from '../../packages/natverkskarta/src/model/types.js';
import { sampleMap } from './model-helpers.js';

/** The map after `commands`, as the tab that made them shows it. */
function apply(map: MapDocument, commands: Command[]): MapDocument {
  return commands.reduce((current, command) => applyCommand(current, command).map, map);
}

/** `rebase` with this tab's map as its commands made it from the base. */
function rebase(base: MapDocument, theirs: MapDocument, commands: Command[]) {
  return rebaseWith(base, theirs, commands, apply(base, commands));
}

describe('rebase: one tab’s unsaved edits on the version another tab stored', () => {
  const base = sampleMap();

  it('keeps both tabs’ changes to different fields, with no conflict', () => {
    const theirs = apply(base, [{ type: 'updateActor', id: 'a', patch: { phone: '070-111 11 11' } }]);
    const { map, conflicts } = rebase(base, theirs, [{ type: 'updateActor', id: 'a', patch: { note: 'Ringer på fredag' } }]);
    expect(map.actors.find((actor) => actor.id === 'a')).toMatchObject({ phone: '070-111 11 11', note: 'Ringer på fredag' });
    expect(conflicts).toEqual([]);
  });

  it('names a field both changed to different values; this tab’s value goes into the map', () => {
    const theirs = apply(base, [{ type: 'updateActor', id: 'a', patch: { phone: '070-111 11 11' } }]);
    const { map, conflicts } = rebase(base, theirs, [{ type: 'updateActor', id: 'a', patch: { phone: '070-222 22 22' } }]);
    expect(map.actors.find((actor) => actor.id === 'a')!.phone).toBe('070-222 22 22');
    expect(conflicts).toEqual([{ type: 'sameField', actorId: 'a', fields: ['phone'] }]);
    expect(needsCopy(conflicts)).toBe(true);
  });

  it('is no conflict when both typed the same value, or only moved the contact', () => {
    const theirs = apply(base, [{ type: 'updateActor', id: 'a', patch: { phone: '070-111', position: { x: 1, y: 2 } } }]);
    const { conflicts } = rebase(base, theirs, [
      { type: 'updateActor', id: 'a', patch: { phone: '070-111', position: { x: 5, y: 5 } } },
    ]);
    expect(conflicts).toEqual([]);
  });

  it('brings back a contact the other tab removed while this one edited it, with its ties and the edit', () => {
    const theirs = apply(base, [{ type: 'removeActor', id: 'b' }]);
    const tiesOfB = base.ties.filter((tie) => tie.from === 'b' || tie.to === 'b');
    expect(tiesOfB.length).toBeGreaterThan(0);
    const { map, conflicts } = rebase(base, theirs, [{ type: 'updateActor', id: 'b', patch: { phone: '031-12 34 56' } }]);
    expect(map.actors.find((actor) => actor.id === 'b')).toMatchObject({ name: 'Eva', phone: '031-12 34 56' });
    expect(map.ties.filter((tie) => tie.from === 'b' || tie.to === 'b')).toEqual(tiesOfB);
    expect(conflicts).toEqual([{ type: 'restored', actorId: 'b' }]);
    expect(needsCopy(conflicts)).toBe(false);
  });

  it('does not remove a contact the other tab edited', () => {
    const theirs = apply(base, [{ type: 'updateActor', id: 'b', patch: { note: 'Ny rektor' } }]);
    const { map, conflicts } = rebase(base, theirs, [{ type: 'removeActor', id: 'b' }]);
    expect(map.actors.find((actor) => actor.id === 'b')!.note).toBe('Ny rektor');
    expect(conflicts).toEqual([{ type: 'keptEdited', actorId: 'b' }]);
  });

  it('removes a contact the other tab only moved', () => {
    const theirs = apply(base, [{ type: 'setPositions', positions: { b: { x: 40, y: 40 } } }]);
    const { map, conflicts } = rebase(base, theirs, [{ type: 'removeActor', id: 'b' }]);
    expect(map.actors.some((actor) => actor.id === 'b')).toBe(false);
    expect(conflicts).toEqual([]);
  });

  it('adds what this tab added, and drops a tie to a contact that is gone', () => {
    const theirs = apply(base, [{ type: 'removeActor', id: 'c' }]);
    const added = { ...base.actors[0]!, id: 'd', name: 'Ny' };
    const { map } = rebase(base, theirs, [
      { type: 'addActor', actor: added },
      { type: 'addTie', tie: { id: 't-new', from: 'd', to: 'c', kind: 'weak' } },
    ]);
    expect(map.actors.map((actor) => actor.id)).toEqual(['a', 'b', 'd']);
    expect(map.ties.some((tie) => tie.id === 't-new')).toBe(false);
  });

  it('leaves the other tab’s value alone where this tab sent a field unchanged (a drag re-sends sector and ring)', () => {
    const theirs = apply(base, [{ type: 'updateActor', id: 'a', patch: { ring: 3 } }]);
    const a = base.actors.find((actor) => actor.id === 'a')!;
    const drag: Command = {
      type: 'updateActor',
      id: 'a',
      patch: { sector: a.sector, ring: a.ring, position: { x: 9, y: 9 }, pinned: true },
    };
    const { map, conflicts } = rebase(base, theirs, [drag]);
    expect(map.actors.find((actor) => actor.id === 'a')).toMatchObject({ ring: 3, position: { x: 9, y: 9 }, pinned: true });
    expect(conflicts).toEqual([]);
  });

  it('leaves the other tab’s value alone where this tab took its edit back with undo', () => {
    const theirs = apply(base, [{ type: 'updateActor', id: 'a', patch: { phone: '070-111' } }]);
    const before = base.actors.find((actor) => actor.id === 'a')!.phone;
    const { map, conflicts } = rebase(base, theirs, [
      { type: 'updateActor', id: 'a', patch: { phone: '070-999' } },
      { type: 'updateActor', id: 'a', patch: { phone: before } },
    ]);
    expect(map.actors.find((actor) => actor.id === 'a')!.phone).toBe('070-111');
    expect(conflicts).toEqual([]);
  });

  it('does not bring back a contact the other tab removed and this one only moved', () => {
    const theirs = apply(base, [{ type: 'removeActor', id: 'b' }]);
    const { map } = rebase(base, theirs, [
      { type: 'setPositions', positions: { b: { x: 1, y: 1 } } },
      { type: 'updateActor', id: 'b', patch: { pinned: false } },
    ]);
    expect(map.actors.some((actor) => actor.id === 'b')).toBe(false);
  });

  it('does not remove a contact the other tab tied to someone new', () => {
    const theirs = apply(base, [{ type: 'addTie', tie: { id: 't-there', from: 'c', to: 'a', kind: 'strong' } }]);
    const withoutTie = {
      ...theirs,
      ties: theirs.ties.filter((tie) => !(tie.from === 'c' && tie.to === 'a') || tie.id === 't-there'),
    };
    const { map, conflicts } = rebase(base, withoutTie, [{ type: 'removeActor', id: 'c' }]);
    expect(map.actors.some((actor) => actor.id === 'c')).toBe(true);
    expect(conflicts).toEqual([{ type: 'keptEdited', actorId: 'c' }]);
  });

  it('names a title both changed, and a whole map replaced', () => {
    const theirs = apply(base, [{ type: 'setTitle', title: 'Familjen Berg' }]);
    expect(rebase(base, theirs, [{ type: 'setTitle', title: 'Familjen Lind-Berg' }]).conflicts).toEqual([{ type: 'sameTitle' }]);
    const replaced = rebase(base, theirs, [{ type: 'replace', map: { ...base, title: 'Import' } }]);
    expect(replaced.map.title).toBe('Import');
    expect(needsCopy(replaced.conflicts)).toBe(true);
  });
});

describe('rebase: ties both tabs drew', () => {
  const base = sampleMap();

  it('makes one tie of two that join the same contacts, of this tab’s kind, and names it when the kinds differ', () => {
    const theirs = apply(base, [{ type: 'addTie', tie: { id: 't-there', from: 'centre', to: 'b', kind: 'strong' } }]);
    const free = {
      ...theirs,
      ties: theirs.ties.filter(
        (tie) =>
          tie.id === 't-there' || (!(tie.from === 'centre' && tie.to === 'b') && !(tie.to === 'centre' && tie.from === 'b')),
      ),
    };
    const start = {
      ...base,
      ties: base.ties.filter((tie) => !(tie.from === 'centre' && tie.to === 'b') && !(tie.to === 'centre' && tie.from === 'b')),
    };
    const { map, conflicts } = rebase(start, free, [
      { type: 'addTie', tie: { id: 't-here', from: 'b', to: 'centre', kind: 'strained' } },
    ]);
    const between = map.ties.filter((tie) => [tie.from, tie.to].sort().join() === ['b', 'centre'].sort().join());
    expect(between).toEqual([{ id: 't-there', from: 'centre', to: 'b', kind: 'strained' }]);
    expect(conflicts).toEqual([{ type: 'sameTie', tieId: 't-there' }]);
    expect(needsCopy(conflicts)).toBe(true);
  });
});

describe('rebase: a removal taken back', () => {
  it('is no removal: the other tab’s edit stays, and nothing is said', () => {
    const base = sampleMap();
    const theirs = apply(base, [{ type: 'updateActor', id: 'b', patch: { note: 'Ny rektor' } }]);
    const removed = applyCommand(base, { type: 'removeActor', id: 'b' });
    const { map, conflicts } = rebase(base, theirs, [{ type: 'removeActor', id: 'b' }, removed.inverse]);
    expect(map.actors.find((actor) => actor.id === 'b')!.note).toBe('Ny rektor');
    expect(conflicts).toEqual([]);
  });
});
