import { afterEach, describe, expect, it } from 'vitest';
import type { MapDocument, NatverkskartaEditor } from 'natverkskarta';
import { loadMapRevision } from '../../packages/natverkskarta/src/store/maps.js';
import { eventually, openTabPage, readable, uniqueId } from './helpers.js';

const frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** Opens the map in a page of its own, as a second browser tab would. */
async function openTab(mapId: string): Promise<NatverkskartaEditor> {
  const tab = await openTabPage(mapId);
  frames.push(tab.frame);
  return tab.editor;
}

function names(editor: NatverkskartaEditor): string[] {
  return editor.map.actors.map((actor) => actor.name).sort();
}

describe('two tabs on one map', () => {
  it('a tab without unsaved edits takes the other tab’s newer version', async () => {
    const id = uniqueId('tabs-follow');
    const a = await openTab(id);
    const b = await openTab(id);
    a.addActor({ category: 'bup', name: 'Från A' });
    await a.flush();
    await eventually(() => expect(names(b)).toEqual(['Från A']));
    expect(b.shadowRoot!.querySelector('.message.info')!.textContent).toContain('annan flik');
  });

  it('when both have unsaved edits, neither overwrites the other: the later save merges', async () => {
    const id = uniqueId('tabs-merge');
    const a = await openTab(id);
    const b = await openTab(id);
    // Both edit before either saves.
    a.addActor({ category: 'skola', name: 'Från A' });
    b.addActor({ category: 'lss', name: 'Från B' });
    await a.flush();
    await b.flush();
    const stored = await loadMapRevision(id);
    expect(stored!.doc.actors.map((actor) => actor.name).sort()).toEqual(['Från A', 'Från B']);
    expect(names(b)).toEqual(['Från A', 'Från B']);
    await eventually(() => expect(names(a)).toEqual(['Från A', 'Från B']));
  });
});

/** The info line a tab shows its user. */
function notice(editor: NatverkskartaEditor): string {
  return readable(editor.shadowRoot!.querySelector('.message.info')?.textContent);
}

/** Every stored map's document, read from IndexedDB: the map itself and any copies kept of other versions. */
async function storedMaps(): Promise<MapDocument[]> {
  const { listMaps, loadMap } = await import('natverkskarta');
  const docs = await Promise.all((await listMaps()).map((summary) => loadMap(summary.id)));
  return docs.filter((doc): doc is MapDocument => doc !== undefined);
}

/** The phone numbers of contact `actorId` in the map `id` and in every copy made of it, as stored. */
async function storedPhones(id: string, actorId: string): Promise<{ map: string; copies: string[] }> {
  const docs = await storedMaps();
  const phoneIn = (doc: MapDocument | undefined) => doc?.actors.find((actor) => actor.id === actorId)?.phone ?? '';
  const copies = docs.filter((doc) => doc.id !== id && doc.actors.some((actor) => actor.id === actorId));
  return { map: phoneIn(docs.find((doc) => doc.id === id)), copies: copies.map(phoneIn).sort() };
}

/** A map with one contact, stored, and `count` tabs open on it. */
async function sharedContact(
  prefix: string,
  count: number,
): Promise<{ id: string; actorId: string; tabs: NatverkskartaEditor[] }> {
  const id = uniqueId(prefix);
  const first = await openTab(id);
  const actorId = first.addActor({ category: 'habilitering', name: 'Anna Lind', phone: '010-000 00 00' });
  await first.flush();
  const tabs = [first];
  while (tabs.length < count) tabs.push(await openTab(id));
  for (const tab of tabs) expect(names(tab)).toEqual(['Anna Lind']);
  return { id, actorId, tabs };
}

describe('two tabs change the same contact', () => {
  it('both set the same field: the map keeps the later value, the other becomes a map of its own, both tabs are told', async () => {
    const { id, actorId, tabs } = await sharedContact('tabs-same-field', 2);
    const [a, b] = tabs as [NatverkskartaEditor, NatverkskartaEditor];
    a.updateActor(actorId, { phone: '070-111 11 11' });
    b.updateActor(actorId, { phone: '070-222 22 22' });
    await a.flush();
    await b.flush();
    expect(await storedPhones(id, actorId)).toEqual({ map: '070-222 22 22', copies: ['070-111 11 11'] });
    const copy = (await storedMaps()).find((doc) => doc.id !== id && doc.actors.some((actor) => actor.id === actorId))!;
    expect(copy.title).toContain('från en annan flik');
    await eventually(() => expect(notice(b)).toContain('Ändrat samtidigt i en annan flik: Telefon för Anna Lind.'));
    await eventually(() => expect(notice(b)).toContain(copy.title));
    await eventually(() => expect(notice(a)).toContain('Ändrat i två flikar samtidigt: Telefon för Anna Lind.'));
    await eventually(() => expect(notice(a)).toContain(copy.title));
    await eventually(() => expect(a.map.actors[0]!.phone).toBe('070-222 22 22'));
  });

  it('tells each tab in its own language', async () => {
    const { actorId, tabs } = await sharedContact('tabs-same-field-en', 2);
    const [a, b] = tabs as [NatverkskartaEditor, NatverkskartaEditor];
    a.lang = 'en';
    await a.updateComplete;
    a.updateActor(actorId, { note: 'Calls on Fridays' });
    b.updateActor(actorId, { note: 'Ringer på måndagar' });
    await a.flush();
    await b.flush();
    await eventually(() => expect(notice(b)).toContain('Ändrat samtidigt i en annan flik: Anteckning för Anna Lind.'));
    await eventually(() => expect(notice(a)).toContain('Changed in two tabs at the same time: Note for Anna Lind.'));
  });

  it('one removes the contact, then the other’s edit of it is saved: it comes back with the edit', async () => {
    const { id, actorId, tabs } = await sharedContact('tabs-delete-edit', 2);
    const [a, b] = tabs as [NatverkskartaEditor, NatverkskartaEditor];
    a.removeActor(actorId);
    b.updateActor(actorId, { phone: '031-123 45', note: 'Ny tid i januari' });
    await a.flush();
    await b.flush();
    const stored = (await loadMapRevision(id))!.doc.actors;
    expect(stored).toEqual([expect.objectContaining({ id: actorId, phone: '031-123 45', note: 'Ny tid i januari' })]);
    await eventually(() =>
      expect(notice(b)).toContain('Borttaget i en annan flik medan du ändrade det, men kvar med dina ändringar: Anna Lind.'),
    );
    await eventually(() =>
      expect(notice(a)).toContain('Borttaget, men ändrat i en annan flik och därför kvar med de ändringarna: Anna Lind.'),
    );
    await eventually(() => expect(names(a)).toEqual(['Anna Lind']));
  });

  it('one edits the contact and saves, then the other’s removal is saved: it stays, with the edit', async () => {
    const { id, actorId, tabs } = await sharedContact('tabs-edit-delete', 2);
    const [a, b] = tabs as [NatverkskartaEditor, NatverkskartaEditor];
    b.updateActor(actorId, { phone: '031-999 99', note: 'Viktigt' });
    a.removeActor(actorId);
    await b.flush();
    await a.flush();
    const stored = (await loadMapRevision(id))!.doc.actors;
    expect(stored).toEqual([expect.objectContaining({ id: actorId, phone: '031-999 99', note: 'Viktigt' })]);
    await eventually(() => expect(notice(a)).toContain('Inte borttaget, eftersom det hade ändrats i en annan flik: Anna Lind.'));
    await eventually(() =>
      expect(notice(b)).toContain('Borttaget i en annan flik, men kvar eftersom det hade ändrats: Anna Lind.'),
    );
    expect(names(a)).toEqual(['Anna Lind']);
  });

  it('three tabs set the same field: every value typed is stored somewhere, and each tab is told', async () => {
    const { id, actorId, tabs } = await sharedContact('tabs-three', 3);
    const [a, b, c] = tabs as [NatverkskartaEditor, NatverkskartaEditor, NatverkskartaEditor];
    const typed = ['070-111 11 11', '070-222 22 22', '070-333 33 33'];
    tabs.forEach((tab, index) => tab.updateActor(actorId, { phone: typed[index] }));
    await a.flush();
    // A tab with unsaved edits that hears of a newer version saves at once, so b's and c's saves race each other
    // after a's: whichever stores last keeps its value in the map, and the two others become maps of their own.
    await b.flush();
    await c.flush();
    const stored = await storedPhones(id, actorId);
    const last = typed.indexOf(stored.map);
    expect(last === 1 || last === 2, `map holds ${stored.map}`).toBe(true);
    expect(stored.copies).toEqual(typed.filter((_, index) => index !== last));
    await eventually(() => expect(notice(tabs[last]!)).toContain('Ändrat samtidigt i en annan flik: Telefon för Anna Lind.'));
    for (const tab of tabs.filter((_, index) => index !== last))
      await eventually(() => expect(notice(tab)).toContain('Ändrat i två flikar samtidigt: Telefon för Anna Lind.'));
    for (const tab of tabs) await eventually(() => expect(tab.map.actors[0]!.phone).toBe(stored.map));
    // And no note told late covers a newer one: each tab still says what happened last.
    expect(tabs.map((tab) => notice(tab).includes('Ändrat samtidigt i en annan flik'))).toEqual(typed.map((_, i) => i === last));
  });
});

describe('edge cases between tabs', () => {
  it('keeps the other tab’s edits when this tab edits again while its merge is being stored', async () => {
    const id = uniqueId('tabs-inflight');
    const a = await openTab(id);
    const b = await openTab(id);
    a.addActor({ category: 'skola', name: 'X från A' });
    b.addActor({ category: 'lss', name: 'Y från B' });
    await b.flush();
    // A's save starts (and will conflict and merge); the user goes on editing meanwhile.
    const saving = a.flush();
    await new Promise((resolve) => setTimeout(resolve, 0));
    a.addActor({ category: 'fub', name: 'Z från A' });
    await saving;
    await a.flush();
    const stored = await loadMapRevision(id);
    expect(stored!.doc.actors.map((actor) => actor.name).sort()).toEqual(['X från A', 'Y från B', 'Z från A']);
  });

  it('does not bring back a map deleted while a save was on its way', async () => {
    const { deleteAllData, listMaps } = await import('natverkskarta');
    const id = uniqueId('tabs-deleted');
    const a = await openTab(id);
    a.addActor({ category: 'bup', name: 'Sparad' });
    await a.flush();
    a.addActor({ category: 'bvc', name: 'På väg' });
    // Leaving the page stores what is pending, while the host deletes everything.
    a.remove();
    await deleteAllData();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await listMaps()).toEqual([]);
  });
});
