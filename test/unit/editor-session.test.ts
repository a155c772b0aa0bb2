/**
 * The editor without a screen (`session/`), in Node: every edit checked and refused in the UI language with nothing
 * changed, undo and redo, the selection and the tie that follow what exists, the layout asked for and placed, the
 * versions and the one viewed, and what listeners hear, in order.
 */
import { describe, expect, it } from 'vitest';
import * as engine from '../../packages/natverkskarta/src/layout/layout-map.js';
import { en } from '../../packages/natverkskarta/src/i18n/en.js';
import { sv, type Translations } from '../../packages/natverkskarta/src/i18n/index.js';
import { createMap, LIMITS, ValidationError, type MapDocument } from '../../packages/natverkskarta/src/model/index.js';
import { estimateText, MapPicture } from '../../packages/natverkskarta/src/scene/index.js';
import { EditorSession, type SessionContext } from '../../packages/natverkskarta/src/session/editor-session.js';
import type { Placer } from '../../packages/natverkskarta/src/session/placement.js';
import type { SessionEvent } from '../../packages/natverkskarta/src/session/session-events.js';
import { versionOfNow, versionsToAdd } from '../../packages/natverkskarta/src/session/version-checks.js';
import { StorageError } from '../../packages/natverkskarta/src/store/errors.js';

interface Setup {
  session: EditorSession;
  heard: SessionEvent[];
  /** What the editor around the session says; change it to change what the session is asked. */
  around: { t: Translations; readonly: boolean; locked: boolean; placer: Placer | null; layoutAsked: number };
}

function setup(options: Partial<Setup['around']> = {}): Setup {
  const around: Setup['around'] = {
    t: sv,
    readonly: false,
    locked: false,
    placer: new MapPicture(sv, estimateText, engine),
    layoutAsked: 0,
    ...options,
  };
  const context: SessionContext = {
    t: () => around.t,
    readonly: () => around.readonly,
    locked: () => around.locked,
    placer: () => around.placer,
    requestLayout: () => void around.layoutAsked++,
  };
  const session = new EditorSession(context);
  const heard: SessionEvent[] = [];
  session.subscribe((event) => heard.push(event));
  session.load(createMap({ id: 'lind', title: 'Familjen Lind' }), 0);
  heard.length = 0;
  return { session, heard, around };
}

const kinds = (heard: SessionEvent[]) => heard.map((event) => (event.type === 'map' ? `map:${event.change.kind}` : event.type));

/** Runs `work`, which must throw a `ValidationError`; returns it. */
function refusal(work: () => unknown): ValidationError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a refusal');
}

describe('the editor session', () => {
  it('adds an actor where the layout places it, tells the map change and the announcement, and undoes it in one step', () => {
    const { session, heard } = setup();
    const id = session.addActor({ category: 'lss', name: 'Eva Berg' });
    const actor = session.map.actors.find((a) => a.id === id)!;
    expect(actor.position).not.toBeNull();
    expect(kinds(heard)).toEqual(['map:edit', 'announce']);
    const [change, announce] = heard as [Extract<SessionEvent, { type: 'map' }>, Extract<SessionEvent, { type: 'announce' }>];
    expect(change.map).toBe(session.map);
    expect(change.change).toMatchObject({ kind: 'edit', byUser: true });
    expect(announce.message).toContain('Eva Berg');
    expect(session.canUndo).toBe(true);

    expect(session.undo()).toBe(true);
    expect(session.map.actors).toEqual([]);
    expect(session.canUndo).toBe(false);
    expect(session.redo()).toBe(true);
    expect(session.map.actors.map((a) => a.id)).toEqual([id]);
    // The redo brings the actor back where it was placed: the placing was part of the step.
    expect(session.map.actors[0]!.position).toEqual(actor.position);
  });

  it('refuses a bad edit in the UI language and changes nothing', () => {
    const { session, heard, around } = setup();
    const before = session.map;
    const refused = refusal(() => session.addActor({ category: 'no-such-kind' }));
    expect(refused.message).toMatch(/^Felaktiga uppgifter/);
    expect(refused.issues[0]).toMatchObject({ path: 'category', code: 'unknownCategory' });
    around.t = en;
    expect(refusal(() => session.addActor({ sector: 'moon' })).message).toMatch(/^Invalid input/);
    expect(refusal(() => session.updateActor('nobody', { name: 'X' })).issues[0]).toMatchObject({ code: 'unknownActor' });
    expect(refusal(() => session.setTitle('x'.repeat(201))).issues[0]).toMatchObject({ path: 'title', code: 'tooLong' });
    expect(refusal(() => session.addTie('centre', 'nobody')).issues.length).toBeGreaterThan(0);
    expect(session.map).toBe(before);
    expect(session.canUndo).toBe(false);
    expect(heard).toEqual([]);
  });

  it('refuses every edit while read-only or locked, and tells the locked refusal as an error', () => {
    const { session, heard, around } = setup({ readonly: true });
    expect(() => session.addActor({ category: 'lss' })).toThrow(sv.errors.readonly);
    expect(session.undo()).toBe(false);
    around.readonly = false;
    around.locked = true;
    expect(() => session.setTitle('Familjen Berg')).toThrow(StorageError);
    expect(kinds(heard)).toEqual(['error']);
    expect((heard[0] as Extract<SessionEvent, { type: 'error' }>).error.message).toBe(sv.errors.lockedEdit);
    expect(session.map.title).toBe('Familjen Lind');
  });

  it('lets the selection and the tie being drawn go with a removed actor, and tells the selection', () => {
    const { session, heard } = setup();
    const a = session.addActor({ category: 'lss', name: 'Eva' });
    const b = session.addActor({ category: 'bup', name: 'Olle' });
    expect(session.select(a)).toBe(true);
    expect(session.select('nobody')).toBe(false);
    expect(session.startTie()).toBe(true);
    expect(session.tieFrom).toBe(a);
    heard.length = 0;
    session.finishTie(b);
    expect(session.tieFrom).toBeNull();
    expect(session.map.ties).toMatchObject([{ from: a, to: b, kind: 'normal' }]);
    // A tie that exists is refused, and told on the error line: nothing is thrown at the map's click.
    session.startTie(a);
    session.finishTie(b);
    expect(session.map.ties).toHaveLength(1);
    expect(session.errorMessage).not.toBe('');
    heard.length = 0;
    session.removeActor(a);
    expect(session.selectedId).toBeNull();
    expect(session.map.ties).toEqual([]);
    expect(kinds(heard)).toEqual(['map:edit', 'select', 'announce']);
    expect(heard[1]).toEqual({ type: 'select', actorId: null });
    session.undo();
    expect(session.map.ties).toHaveLength(1);
  });

  it('moves an actor a ring or a sector by key, and says where, until it can go no further', () => {
    const { session, heard } = setup();
    const id = session.addActor({ category: 'lss', name: 'Eva', ring: 3 });
    heard.length = 0;
    expect(session.moveBy(id, -1, 0)).toBe(true);
    expect(session.map.actors[0]!.ring).toBe(2);
    const said = heard.find((event) => event.type === 'announce') as Extract<SessionEvent, { type: 'announce' }>;
    expect(said.message).toContain(sv.rings[2].toLowerCase());
    expect(session.moveBy(id, -1, 0)).toBe(true);
    expect(session.moveBy(id, -1, 0)).toBe(false);
    const sector = session.map.actors[0]!.sector;
    expect(session.moveBy(id, 0, 1)).toBe(true);
    expect(session.map.actors[0]!.sector).not.toBe(sector);
  });

  it('walks the arrow keys in the contact list’s order, the missing ones last and the family first while tying', () => {
    const { session } = setup();
    const needed = session.addActor({ category: 'lss', status: 'needed' });
    const school = session.addActor({ category: 'skola' });
    const family = session.addActor({ category: 'farforalder' });
    expect(session.navigationOrder()).toEqual([family, school, needed]);
    session.startTie(school);
    expect(session.navigationOrder()).toEqual(['centre', family, school, needed]);
  });

  it('draws a stored map without the layout, asks for it only when an actor has no place, and places it when it comes', () => {
    const placed = setup().session;
    placed.addActor({ category: 'lss', name: 'Eva' });
    const stored = placed.map;

    const picture = { current: new MapPicture(sv, estimateText, null) as Placer };
    const { session, heard, around } = setup({ placer: null });
    Object.defineProperty(around, 'placer', { get: () => picture.current });
    session.load(stored, 3);
    expect(session.map).toBe(stored);
    expect(around.layoutAsked).toBe(0);
    expect(heard.at(-1)).toMatchObject({ type: 'map', change: { kind: 'replaced', storedRevision: 3, changed: false } });

    const id = session.addActor({ category: 'bup', name: 'Olle' });
    expect(session.map.actors.find((a) => a.id === id)!.position).toBeNull();
    expect(around.layoutAsked).toBeGreaterThan(0);
    picture.current = new MapPicture(sv, estimateText, engine);
    session.placePending();
    expect(session.map.actors.find((a) => a.id === id)!.position).not.toBeNull();
    expect(heard.at(-1)).toMatchObject({
      type: 'map',
      change: { kind: 'edit', command: { type: 'setPositions' }, byUser: false },
    });
    // Undo takes back the edit that needed the layout, and then its place.
    session.undo();
    session.undo();
    expect(session.map.actors.map((a) => a.id)).not.toContain(id);
  });

  it('keeps a map set out of the page as it is, and places it once labels can be measured', () => {
    const { session, around } = setup({ placer: null });
    const map: MapDocument = { ...createMap({ id: 'lind' }), actors: [] };
    const bare = setup().session;
    bare.load(map);
    const id = bare.addActor({ category: 'lss' });
    const unplaced = { ...bare.map, actors: bare.map.actors.map((a) => (a.id === id ? { ...a, position: null } : a)) };
    session.load(unplaced);
    expect(session.map.actors[0]!.position).toBeNull();
    around.placer = new MapPicture(sv, estimateText, engine);
    session.placeUnplaced();
    expect(session.map.actors[0]!.position).not.toBeNull();
  });

  it('places an actor added while out of the page once labels can be measured', () => {
    const { session, around } = setup();
    around.placer = null;
    const id = session.addActor({ category: 'lss', name: 'Eva' });
    expect(session.map.actors.find((a) => a.id === id)!.position).toBeNull();
    around.placer = new MapPicture(sv, estimateText, engine);
    session.placeUnplaced();
    expect(session.map.actors.find((a) => a.id === id)!.position).not.toBeNull();
  });

  it('forgets the history, the selection, the tie and the versions when the map is let go', () => {
    const { session, heard } = setup();
    const id = session.addActor({ category: 'lss' });
    session.select(id);
    session.startTie(id);
    session.addVersions([versionOfNow(session, 'Kartläggning')]);
    heard.length = 0;
    session.clear(createMap({ id: 'lind' }));
    expect([session.canUndo, session.selectedId, session.tieFrom, session.versions]).toEqual([false, null, null, []]);
    expect(kinds(heard)).toEqual(['map:cleared', 'select']);
  });

  it('keeps the history when another tab’s map is adopted, and the selection while its actor is there', () => {
    const { session, heard } = setup();
    const id = session.addActor({ category: 'lss' });
    session.select(id);
    session.adopt({ ...session.map, title: 'Familjen Berg' });
    expect([session.canUndo, session.selectedId, session.map.title]).toEqual([true, id, 'Familjen Berg']);
    expect(heard.at(-1)).toMatchObject({ type: 'map', change: { kind: 'adopted' } });
  });

  it('makes a version of the map now, refuses a bad name or one too many, and adds a file’s versions once each', () => {
    const { session } = setup();
    session.addActor({ category: 'lss' });
    const first = versionOfNow(session, ' Kartläggning ');
    expect(first).toMatchObject({ label: 'Kartläggning', map: session.map });
    expect(refusal(() => versionOfNow(session, '   ')).issues[0]).toMatchObject({ path: 'versionLabel' });
    expect(refusal(() => versionOfNow(session, 'x'.repeat(61))).message).toMatch(/^Felaktiga uppgifter/);
    session.addVersions([first]);
    expect(versionsToAdd(session, [first])).toEqual([]);
    const many = Array.from({ length: LIMITS.versions }, (_, i) => ({ ...first, id: `v${i}` }));
    expect(() => versionsToAdd(session, many)).toThrow(ValidationError);
    session.setVersions(many);
    expect(refusal(() => versionOfNow(session, 'Uppföljning')).issues[0]).toMatchObject({ code: 'tooMany' });
  });

  it('shows a version read-only until an edit or the way back, which says which one it was', () => {
    const { session } = setup();
    const id = session.addActor({ category: 'lss' });
    session.select(id);
    const version = versionOfNow(session, 'Kartläggning');
    session.addVersions([version]);
    session.viewVersion(version.id);
    expect([session.viewing, session.readonly, session.selectedId]).toEqual([version, true, null]);
    expect(session.leaveVersion()).toBe(version.id);
    expect(session.readonly).toBe(false);
    session.viewVersion(version.id);
    session.setTitle('Familjen Berg');
    expect(session.viewing).toBeNull();
    session.compareVersions({ from: version.id, to: null });
    expect(session.compare).toEqual({ from: version.id, to: null });
  });

  it('shows a storage failure in the UI language until a save succeeds, and keeps other errors', () => {
    const { session, heard } = setup();
    session.report(new StorageError('full', 'quota'));
    expect(session.errorMessage).toBe(sv.errors.storageFull);
    expect((heard[0] as Extract<SessionEvent, { type: 'error' }>).error).toBeInstanceOf(StorageError);
    session.stored();
    expect(session.errorMessage).toBe('');
    session.report(new Error('Kunde inte skapa PDF'));
    session.stored();
    expect(session.errorMessage).toBe('Kunde inte skapa PDF');
    expect(() => session.refuseFile(new ValidationError([{ path: 'actors', code: 'tooMany', detail: '500' }]))).toThrow(
      /^Filen kunde inte läsas in/,
    );
  });
});
