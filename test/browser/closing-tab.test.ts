import { describe, expect, it } from 'vitest';
import type { NatverkskartaEditor } from 'natverkskarta';
import { loadMapRevision } from '../../packages/natverkskarta/src/store/maps.js';
import { eventually, uniqueId } from './helpers.js';

async function openPage(mapId: string): Promise<{ frame: HTMLIFrameElement; editor: NatverkskartaEditor }> {
  const frame = document.createElement('iframe');
  frame.src = `/test/browser/pages/tab.html?map=${encodeURIComponent(mapId)}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as unknown as { editor?: NatverkskartaEditor };
  await eventually(() => expect(win.editor).toBeDefined(), 10_000);
  await win.editor!.ready;
  return { frame, editor: win.editor! };
}

describe('closing the page', () => {
  it('keeps an edit made just before the tab is closed, and shows it on reopening', async () => {
    const id = uniqueId('closing');
    // A real second window: closing it is closing a tab.
    const tab = window.open(`/test/browser/pages/tab.html?map=${encodeURIComponent(id)}`, '_blank', 'popup')!;
    await eventually(() => expect((tab as unknown as { editor?: unknown }).editor).toBeDefined(), 10_000);
    const editor = (tab as unknown as { editor: NatverkskartaEditor }).editor;
    await editor.ready;
    editor.addActor({ category: 'bup', name: 'Sista ändringen' });
    // Closed at once, long before the debounced save would have run.
    tab.close();
    await eventually(() => expect(tab.closed).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const reopened = await openPage(id);
    expect(reopened.editor.map.actors.map((actor) => actor.name)).toEqual(['Sista ändringen']);
    expect(reopened.editor.shadowRoot!.querySelector('.message.info')!.textContent).toContain('har återställts');
    await reopened.editor.flush();
    const stored = await loadMapRevision(id);
    expect(stored!.doc.actors.map((actor) => actor.name)).toEqual(['Sista ändringen']);
    expect(stored!.draft).toBeUndefined();
    reopened.frame.remove();
  });

  it('stores it when the page is hidden (a tablet put to sleep, a tab switched away)', async () => {
    const id = uniqueId('hidden');
    const page = await openPage(id);
    page.editor.addActor({ category: 'lss', name: 'Innan fliken döljs' });
    page.frame.contentWindow!.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    await eventually(async () => {
      expect((await loadMapRevision(id))?.doc.actors.map((actor) => actor.name)).toEqual(['Innan fliken döljs']);
    }, 1000);
    page.frame.remove();
  });
});
