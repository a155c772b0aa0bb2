import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { deleteAllData, type NatverkskartaEditor } from 'natverkskarta';
import { loadMapRevision } from '../../packages/natverkskarta/src/store/maps.js';
import { eventually, openTabPage as openPage, uniqueId, type TabWindow } from './helpers.js';

const PASSPHRASE = 'korrekt häst batteri zon';

afterEach(async () => {
  await deleteAllData();
});

/** A real second window: closing it is closing a tab. */
async function openWindow(mapId: string): Promise<{ tab: TabWindow; editor: NatverkskartaEditor }> {
  const tab = window.open(`/test/browser/pages/tab.html?map=${encodeURIComponent(mapId)}`, '_blank', 'popup') as TabWindow;
  await eventually(() => expect(tab.editor).toBeDefined(), 10_000);
  await tab.editor!.ready;
  return { tab, editor: tab.editor! };
}

async function closeAtOnce(tab: Window): Promise<void> {
  tab.close();
  await eventually(() => expect(tab.closed).toBe(true));
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Every byte IndexedDB holds for the drafts, as text: what someone with the disk could read. */
async function rawDrafts(): Promise<string> {
  const db = await openDB('natverkskarta');
  const drafts = (await db.getAll('drafts')) as unknown[];
  db.close();
  return drafts
    .map((record) =>
      JSON.stringify(record, (_, value: unknown) =>
        value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? new TextDecoder().decode(value as ArrayBuffer) : value,
      ),
    )
    .join('\n');
}

function shownNotice(editor: NatverkskartaEditor): string {
  return editor.shadowRoot!.querySelector('.message.info')?.textContent ?? '';
}

describe('closing the page', () => {
  it('keeps an edit made just before the tab is closed, and shows it on reopening', async () => {
    const id = uniqueId('closing');
    const { tab, editor } = await openWindow(id);
    editor.addActor({ category: 'bup', name: 'Sista ändringen' });
    // Closed at once, long before the debounced save would have run.
    await closeAtOnce(tab);

    const reopened = await openPage(id);
    expect(reopened.editor.map.actors.map((actor) => actor.name)).toEqual(['Sista ändringen']);
    expect(shownNotice(reopened.editor)).toContain('har återställts');
    await reopened.editor.flush();
    const stored = await loadMapRevision(id);
    expect(stored!.doc.actors.map((actor) => actor.name)).toEqual(['Sista ändringen']);
    expect(stored!.draft).toBeUndefined();
    reopened.frame.remove();
  });

  it('keeps it with a passphrase too, sealed, every edit up to the last', async () => {
    const id = uniqueId('closing-sealed');
    const { tab, editor } = await openWindow(id);
    // The passphrase set in that tab: it holds the key.
    await tab.natverkskarta!.setPassphrase(PASSPHRASE);
    // From now on WebCrypto never answers in that tab: its regular save, which seals asynchronously, cannot store
    // anything, so only what is sealed and written in the instant of closing can keep the edits.
    tab.crypto.subtle.encrypt = () => new Promise<ArrayBuffer>(() => undefined);
    editor.addActor({ category: 'bup', name: 'Första ändringen' });
    editor.addActor({ category: 'lss', name: 'Sista ändringen' });
    await closeAtOnce(tab);

    const raw = await rawDrafts();
    expect(raw).toContain('sealedKey');
    for (const secret of ['Första', 'Sista', 'ändringen', 'bup', 'lss']) expect(raw).not.toContain(secret);

    const reopened = await openPage(id);
    const form = reopened.editor.shadowRoot!.querySelector<HTMLFormElement>('form.unlock')!;
    expect(form).not.toBeNull();
    form.querySelector('input')!.value = PASSPHRASE;
    form.requestSubmit();
    await eventually(
      () => expect(reopened.editor.map.actors.map((actor) => actor.name).sort()).toEqual(['Första ändringen', 'Sista ändringen']),
      10_000,
    );
    expect(shownNotice(reopened.editor)).toContain('har återställts');
    reopened.frame.remove();
  });
});

describe('hiding the page stores the edit at once', () => {
  // Each page is taken away right after the event: the debounced save dies with it, so only the write the event
  // made at once can keep the edit.
  const hiding: [string, (win: Window) => void][] = [
    [
      'pagehide (the page is left or closed)',
      (win) => win.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })),
    ],
    [
      'visibilitychange to hidden (a tab switched away, a tablet put to sleep)',
      (win) => {
        Object.defineProperty(win.document, 'visibilityState', { value: 'hidden', configurable: true });
        win.document.dispatchEvent(new Event('visibilitychange'));
      },
    ],
    ['freeze (the browser freezes a background tab)', (win) => win.document.dispatchEvent(new Event('freeze'))],
  ];

  for (const [name, hide] of hiding) {
    it(name, async () => {
      const id = uniqueId('hidden');
      const page = await openPage(id);
      page.editor.addActor({ category: 'lss', name: 'Innan fliken döljs' });
      hide(page.win);
      page.frame.remove();
      await eventually(async () => {
        const stored = await loadMapRevision(id);
        expect((stored?.draft?.doc ?? stored?.doc)?.actors.map((actor) => actor.name)).toEqual(['Innan fliken döljs']);
      });
    });
  }
});
