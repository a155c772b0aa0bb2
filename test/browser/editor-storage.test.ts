import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { deleteAllData, deleteMap, listMaps, type ActorInput } from 'natverkskarta';
import { DB_VERSION } from '../../packages/natverkskarta/src/store/schema.js';
import { mountEditor, uniqueId, unmountAll } from './helpers.js';

afterEach(unmountAll);

const everyField: Required<Omit<ActorInput, 'position' | 'pinned'>> = {
  category: 'habilitering',
  sector: 'region',
  ring: 1,
  organisation: 'Barn- och ungdomshabiliteringen Väst',
  name: 'Nguyễn Thị Minh',
  role: 'Arbetsterapeut',
  phone: '+46 31-345 67 89',
  email: 'minh.nguyen@example.se',
  address: 'Storgatan 1, 411 01 Göteborg',
  helpsWith: 'Hjälpmedel, sömn och vardagsrutiner',
  note: '<b>inte fetstil</b> & "citat"',
  status: 'active',
  functioning: 'mixed',
  consent: { given: true, date: '2026-11-02' },
  nextContact: '2026-12-01',
};

/** The stored record, read straight from IndexedDB as another program would. */
async function rawRecord(id: string): Promise<{ doc: { actors: Record<string, unknown>[]; title: string } } | undefined> {
  // Opening a database that is not there would create it: a missing database holds no record.
  if (!(await indexedDB.databases()).some((info) => info.name === 'natverkskarta')) return undefined;
  const db = await openDB('natverkskarta');
  try {
    return (await db.get('maps', id)) as { doc: { actors: Record<string, unknown>[]; title: string } } | undefined;
  } finally {
    db.close();
  }
}

describe('storage by map-id', () => {
  it('finds every field back in a new element on the same map-id', async () => {
    const id = uniqueId('persist');
    const first = await mountEditor({ 'map-id': id });
    first.setTitle('Familjen Lind');
    const actorId = first.addActor(everyField);
    const other = first.addActor({ category: 'forsakringskassan', status: 'needed' });
    first.addTie(actorId, other, 'weak');
    first.addTie('centre', actorId, 'strong');
    await first.flush();
    const before = first.map;
    first.remove();

    const second = await mountEditor({ 'map-id': id });
    expect(second.map).toEqual(before);
    expect(second.map.actors[0]).toMatchObject(everyField);
    expect(second.map.title).toBe('Familjen Lind');
    expect(second.shadowRoot!.querySelector('.contact-list')!.textContent).toContain('Nguyễn Thị Minh');
    // Markup typed by a user stays text.
    expect(second.shadowRoot!.querySelector('b')).toBeNull();
  });

  it('has an edit in IndexedDB once flush() resolves, and within half a second without it', async () => {
    const id = uniqueId('flush');
    const editor = await mountEditor({ 'map-id': id });
    editor.addActor({ category: 'bup', name: 'Första' });
    await editor.flush();
    expect((await rawRecord(id))?.doc.actors.map((actor) => actor.name)).toEqual(['Första']);

    editor.addActor({ category: 'bvc', name: 'Andra' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await rawRecord(id))?.doc.actors.map((actor) => actor.name)).toEqual(['Första', 'Andra']);
  });

  it('creates an absent map at once, so a host can list it', async () => {
    const id = uniqueId('created');
    await mountEditor({ 'map-id': id });
    expect((await listMaps()).some((summary) => summary.id === id)).toBe(true);
  });

  it('lists, deletes one, and deletes everything', async () => {
    const a = uniqueId('list-a');
    const b = uniqueId('list-b');
    const editorA = await mountEditor({ 'map-id': a });
    editorA.setTitle('Familjen Ali');
    editorA.addActor({ category: 'skola' });
    editorA.addActor({ category: 'lss' });
    await editorA.flush();
    const editorB = await mountEditor({ 'map-id': b });
    editorB.setTitle('Familjen Berg');
    await editorB.flush();

    const summaries = await listMaps();
    expect(summaries.find((s) => s.id === a)).toMatchObject({ title: 'Familjen Ali', actorCount: 2 });
    expect(summaries.findIndex((s) => s.id === b)).toBeLessThan(summaries.findIndex((s) => s.id === a));

    unmountAll();
    await deleteMap(a);
    expect(await rawRecord(a)).toBeUndefined();
    expect(await rawRecord(b)).toBeDefined();

    await deleteAllData();
    const names = (await indexedDB.databases()).map((db) => db.name);
    expect(names).not.toContain('natverkskarta');
    expect(await listMaps()).toEqual([]);
    // Looking at the empty list leaves no empty database behind either.
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain('natverkskarta');
  });

  it('with storage="none" writes nothing and leaves the data to the host', async () => {
    const id = uniqueId('host-kept');
    const editor = await mountEditor({ 'map-id': id, storage: 'none' });
    const seen: number[] = [];
    editor.addEventListener('nk-change', (event) => seen.push(event.detail.map.actors.length));
    editor.addActor({ category: 'van', name: 'Kim' });
    await editor.flush();
    expect(seen).toEqual([1]);
    expect(await rawRecord(id)).toBeUndefined();
  });

  it('a host can set the map and read it back', async () => {
    const source = await mountEditor({ storage: 'none' });
    source.addActor({ category: 'fritid', organisation: 'Simklubben' });
    const copy = await mountEditor({ storage: 'none' });
    copy.map = source.map;
    await copy.updateComplete;
    expect(copy.map.actors[0]!.organisation).toBe('Simklubben');
    expect(copy.shadowRoot!.querySelectorAll('g.actor')).toHaveLength(1);
    expect(copy.canUndo).toBe(false);
  });
});

describe('database versions', () => {
  it('upgrades a database written by version 1 of the schema and keeps its maps', async () => {
    await deleteAllData();
    const fixture = (await import('../fixtures/documents/v1.json')).default;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('natverkskarta', 1);
      request.onupgradeneeded = () => {
        const maps = request.result.createObjectStore('maps', { keyPath: 'id' });
        maps.createIndex('savedAt', 'savedAt');
        maps.put({ id: fixture.id, doc: fixture, revision: 3, savedAt: '2026-11-02T10:30:00.000Z' });
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const editor = await mountEditor({ 'map-id': fixture.id });
    expect(editor.map.actors.map((actor) => actor.name)).toEqual(['Łukasz Nowak', '']);
    editor.addActor({ category: 'fub' });
    await editor.flush();
    const db = await openDB('natverkskarta');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['drafts', 'maps', 'settings', 'versions']);
    expect(((await db.get('maps', fixture.id)) as { revision: number }).revision).toBe(4);
    db.close();
  });
});

describe('renaming a map a closed tab left unsaved edits of', () => {
  it('renames the newest state and loses none of the edits', async () => {
    const { renameMap, loadMapRevision, writeDraftNow } = await import('../../packages/natverkskarta/src/store/index.js');
    const id = uniqueId('rename-draft');
    const editor = await mountEditor({ 'map-id': id });
    editor.addActor({ category: 'bup', name: 'Sparad' });
    await editor.flush();
    const stored = (await loadMapRevision(id))!;
    // What a tab closed at once leaves: a draft with one more contact.
    const drafted = {
      ...editor.map,
      actors: [...editor.map.actors, { ...editor.map.actors[0]!, id: 'osparad', name: 'Osparad' }],
    };
    expect(writeDraftNow(drafted, stored.revision)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    unmountAll();
    await renameMap(id, 'Familjen Nytt Namn');
    const after = (await loadMapRevision(id))!;
    expect(after.doc.title).toBe('Familjen Nytt Namn');
    expect(after.doc.actors.map((actor) => actor.name)).toEqual(['Sparad', 'Osparad']);
  });
});

describe('a rescue copy once the map is stored', () => {
  /** A rescue copy of the map as a hidden or closing page writes one, dated `savedAt`. */
  async function putDraft(doc: unknown, id: string, savedAt: Date): Promise<void> {
    const db = await openDB('natverkskarta');
    await db.put('drafts', { id, doc, basedOn: 1, savedAt: savedAt.toISOString() });
    db.close();
  }
  async function rawDraft(id: string): Promise<{ doc: { title: string } } | undefined> {
    const db = await openDB('natverkskarta');
    try {
      return (await db.get('drafts', id)) as { doc: { title: string } } | undefined;
    } finally {
      db.close();
    }
  }

  it('goes when the map is saved after it, and stays when it holds edits newer than the save', async () => {
    const id = uniqueId('draft-then-save');
    const editor = await mountEditor({ 'map-id': id });
    editor.addActor({ category: 'bup', name: 'Första' });
    await editor.flush();
    // Left as the page was hidden a moment ago, and the page came back: the next save holds all it holds.
    await putDraft({ ...editor.map, title: 'Äldre' }, id, new Date(Date.now() - 1000));
    editor.addActor({ category: 'lss', name: 'Andra' });
    await editor.flush();
    expect(await rawDraft(id)).toBeUndefined();
    // Written while a save was on its way: it holds edits that save does not, and stays to be offered back.
    await putDraft({ ...editor.map, title: 'Nyare' }, id, new Date(Date.now() + 60_000));
    editor.addActor({ category: 'bup', name: 'Tredje' });
    await editor.flush();
    expect((await rawDraft(id))?.doc.title).toBe('Nyare');
  });
});
