import { afterEach, describe, expect, it } from 'vitest';
import type { NatverkskartaEditor } from 'natverkskarta';
import { loadMapRevision } from '../../packages/natverkskarta/src/store/maps.js';
import { eventually, uniqueId } from './helpers.js';

const frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** Opens the map in a page of its own, as a second browser tab would. */
async function openTab(mapId: string): Promise<NatverkskartaEditor> {
  const frame = document.createElement('iframe');
  frame.src = `/test/browser/pages/tab.html?map=${encodeURIComponent(mapId)}`;
  frame.style.width = '900px';
  frame.style.height = '700px';
  document.body.append(frame);
  frames.push(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as unknown as { editor?: NatverkskartaEditor };
  await eventually(() => expect(win.editor).toBeDefined(), 10_000);
  await win.editor!.ready;
  return win.editor!;
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

  it('keeps the other version as a copy when the edits cannot be merged', async () => {
    const id = uniqueId('tabs-copy');
    const a = await openTab(id);
    const shared = a.addActor({ category: 'habilitering', name: 'Delad' });
    await a.flush();
    const b = await openTab(id);
    expect(names(b)).toEqual(['Delad']);
    // A removes the actor while B, unsaved, edits it.
    a.removeActor(shared);
    b.updateActor(shared, { phone: '031-123 45' });
    await a.flush();
    await b.flush();
    expect((await loadMapRevision(id))!.doc.actors[0]!.phone).toBe('031-123 45');
    expect(b.shadowRoot!.querySelector('.message.info')!.textContent).toContain('från en annan flik');
    const { listMaps } = await import('natverkskarta');
    const copy = (await listMaps()).find((summary) => summary.title.includes('från en annan flik') && summary.id !== id);
    expect(copy).toBeDefined();
    expect(copy!.actorCount).toBe(0);
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
