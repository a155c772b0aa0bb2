/**
 * A host that keeps the data itself (`storage="none"`): it sets `map`, listens to `nk-change`, and stores the
 * document where it likes. The editor must then write nothing to IndexedDB.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import 'natverkskarta/define';
import { createMap, deleteAllData, type MapDocument, type NatverkskartaEditor } from 'natverkskarta';

/** The host's own store: here a Map of JSON texts, as a server or the host's database would keep them. */
const hostStore = new Map<string, string>();

async function mount(map: MapDocument): Promise<NatverkskartaEditor> {
  const editor = document.createElement('natverkskarta-editor');
  editor.setAttribute('storage', 'none');
  editor.setAttribute('lang', 'en');
  editor.map = map;
  editor.addEventListener('nk-change', (event) => hostStore.set(event.detail.map.id, JSON.stringify(event.detail.map)));
  document.body.append(editor);
  await editor.updateComplete;
  await editor.ready;
  return editor;
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '');
}

beforeAll(async () => {
  // Start from a browser with no editor database at all, so that any write would show.
  await deleteAllData();
  expect(await databaseNames()).not.toContain('natverkskarta');
});

afterEach(() => document.body.replaceChildren());

describe('a host that stores the data itself', () => {
  it('gets every edit through nk-change, restores the map by setting it, and nothing reaches IndexedDB', async () => {
    const first = await mount({ ...createMap({ id: 'host-42' }), title: 'Familjen Ahmadi' });
    const id = first.addActor({ category: 'lss', name: 'Handläggare Berg', phone: '08-123 456' });
    first.addTie('centre', id, 'strong');
    first.updateActor(id, { functioning: 'good' });
    await first.flush(); // resolves at once: there is nothing for the editor to store
    await first.updateComplete;
    // The editor claims nothing of storage it does not do.
    expect(first.shadowRoot!.querySelector('.save-state')).toBeNull();
    first.remove();

    const saved = JSON.parse(hostStore.get('host-42')!) as MapDocument;
    expect(saved.title).toBe('Familjen Ahmadi');
    expect(saved.actors.map((actor) => [actor.name, actor.functioning])).toEqual([['Handläggare Berg', 'good']]);
    expect(saved.ties).toHaveLength(1);

    // The next visit: the host hands its copy back.
    const second = await mount(saved);
    expect(second.map.id).toBe('host-42');
    expect(second.map.actors.map((actor) => actor.name)).toEqual(['Handläggare Berg']);
    second.undo(); // nothing to undo: a set map starts a fresh history
    expect(second.map.actors).toHaveLength(1);
    await second.flush();

    // Give a debounced save every chance to happen, then look.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await databaseNames()).not.toContain('natverkskarta');
  });

  it('keeps storage="none" even with a map-id: the id names the map, the host stores it', async () => {
    const editor = document.createElement('natverkskarta-editor');
    editor.setAttribute('storage', 'none');
    editor.setAttribute('map-id', 'host-with-id');
    document.body.append(editor);
    await editor.ready;
    editor.addActor({ category: 'bup' });
    await editor.flush();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await databaseNames()).not.toContain('natverkskarta');
  });
});
