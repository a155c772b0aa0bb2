import { afterEach, describe, expect, it } from 'vitest';
import { deleteAllData } from 'natverkskarta';
import { $, mountEditor, uniqueId, unmountAll } from './helpers.js';

const realPut = IDBObjectStore.prototype.put;

afterEach(() => {
  IDBObjectStore.prototype.put = realPut;
  unmountAll();
});

/** What the line under the map says of the map's storage; null when it says nothing. */
const saveState = (editor: HTMLElement) => editor.shadowRoot!.querySelector('.save-state')?.textContent?.trim() ?? null;

describe('when storage fails', () => {
  it('keeps the map in memory, tells the user in their language, and saves again once it can', async () => {
    const editor = await mountEditor({ 'map-id': uniqueId('quota') });
    expect(saveState(editor)).toBe('✓ Sparad i den här webbläsaren');
    const errors: Error[] = [];
    editor.addEventListener('nk-error', (event) => errors.push(event.detail.error));
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    editor.addActor({ category: 'assistans', name: 'Assistent Mona' });
    await editor.updateComplete;
    expect(saveState(editor)).toBe('Sparar …');
    await expect(editor.flush()).rejects.toThrow(/Lagringsutrymmet är fullt/);
    await editor.updateComplete;
    expect(saveState(editor)).toBe('Inte sparad');
    expect(errors.at(-1)?.name).toBe('StorageError');
    expect($(editor, '[role="alert"]').textContent).toContain('Lagringsutrymmet är fullt');
    expect(editor.map.actors.map((actor) => actor.name)).toEqual(['Assistent Mona']);
    expect(editor.exportJson()).toContain('Assistent Mona');

    IDBObjectStore.prototype.put = realPut;
    editor.addActor({ category: 'vardcentral' });
    await editor.flush();
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
    expect(saveState(editor)).toBe('✓ Sparad i den här webbläsaren');
    editor.lang = 'en';
    await editor.updateComplete;
    expect(saveState(editor)).toBe('✓ Saved in this browser');
    const reopened = await mountEditor({ 'map-id': editor.mapId! });
    expect(reopened.map.actors.map((actor) => actor.category)).toEqual(['assistans', 'vardcentral']);
  });
});

describe('when storage fails during an import', () => {
  it('refuses the file in the user’s language, with nk-error, and keeps the map as it was', async () => {
    const source = await mountEditor({ storage: 'none' });
    source.addActor({ category: 'bup', name: 'I filen' });
    await source.saveVersion('Kartläggning');
    const file = source.exportJson();

    const editor = await mountEditor({ 'map-id': uniqueId('import-full') });
    editor.addActor({ category: 'lss', name: 'Här förut' });
    await editor.flush();
    const errors: Error[] = [];
    editor.addEventListener('nk-error', (event) => errors.push(event.detail.error));
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'versions') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    await expect(editor.importJson(file)).rejects.toThrow(/Lagringsutrymmet är fullt/);
    expect(errors.at(-1)?.message).toMatch(/Lagringsutrymmet är fullt/);
    expect(editor.map.actors.map((actor) => actor.name)).toEqual(['Här förut']);
  });
});

describe('when IndexedDB cannot be opened', () => {
  const realOpen = IDBFactory.prototype.open;
  afterEach(() => {
    IDBFactory.prototype.open = realOpen;
  });

  it('is unavailable (a locked-down or private browser): the map works in memory and the user is told', async () => {
    await deleteAllData();
    IDBFactory.prototype.open = function () {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const errors: Error[] = [];
    document.addEventListener('nk-error', (event) => errors.push(event.detail.error), { once: true });
    const editor = await mountEditor({ 'map-id': uniqueId('unavailable') });
    expect($(editor, '[role="alert"]').textContent).toContain('kan inte sparas i den här webbläsaren');
    expect(errors[0]?.name).toBe('StorageError');
    const id = editor.addActor({ category: 'bup', name: 'I minnet' });
    await expect(editor.flush()).rejects.toThrow(/kan inte sparas/);
    expect(editor.map.actors.map((actor) => actor.id)).toEqual([id]);
    expect((await editor.exportPdf()).size).toBeGreaterThan(1000);

    // Storage comes back: the next edit is saved.
    IDBFactory.prototype.open = realOpen;
    editor.addActor({ category: 'lss' });
    await editor.flush();
    const reopened = await mountEditor({ 'map-id': editor.mapId! });
    expect(reopened.map.actors).toHaveLength(2);
  });

  /** Another tab with older code: it keeps version 1 of the database open and does not step aside for an upgrade. */
  async function olderTabHoldingOn(): Promise<IDBDatabase> {
    await deleteAllData();
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = realOpen.call(indexedDB, 'natverkskarta', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('maps', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    old.onversionchange = null;
    return old;
  }

  it('is blocked by another tab that keeps an old version open: told after a while, saved once it lets go', async () => {
    const old = await olderTabHoldingOn();
    const editor = await mountEditor({ 'map-id': uniqueId('blocked') });
    expect($(editor, '[role="alert"]').textContent).toContain('kan inte sparas');
    editor.addActor({ category: 'skola', name: 'Väntar' });
    old.close();
    editor.addActor({ category: 'mentor' });
    await editor.flush();
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
    expect(saveState(editor)).toBe('✓ Sparad i den här webbläsaren');
    editor.lang = 'en';
    await editor.updateComplete;
    expect(saveState(editor)).toBe('✓ Saved in this browser');
    const reopened = await mountEditor({ 'map-id': editor.mapId! });
    expect(reopened.map.actors.map((actor) => actor.name)).toContain('Väntar');
  });

  it('while the other tab holds on, tells again at each save rather than hang, and saves once it lets go', async () => {
    const old = await olderTabHoldingOn();
    const editor = await mountEditor({ 'map-id': uniqueId('held') });
    editor.addActor({ category: 'skola', name: 'Väntar' });
    // A second try waits behind the first, which the browser keeps queued: it is told as the first was.
    await expect(editor.flush()).rejects.toThrow(/kan inte sparas/);
    await editor.updateComplete;
    expect(saveState(editor)).toBe('Inte sparad');
    old.close();
    await editor.flush();
    const reopened = await mountEditor({ 'map-id': editor.mapId! });
    expect(reopened.map.actors.map((actor) => actor.name)).toEqual(['Väntar']);
  });

  it('is terminated by the browser: the next save opens a new connection', async () => {
    const opened: IDBDatabase[] = [];
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      const request = realOpen.apply(this, args);
      request.addEventListener('success', () => opened.push(request.result));
      return request;
    };
    await deleteAllData();
    const editor = await mountEditor({ 'map-id': uniqueId('terminated') });
    editor.addActor({ category: 'bup', name: 'Före' });
    await editor.flush();
    // What the browser does when it ends a connection abnormally (storage cleared, disk error).
    const connection = opened.at(-1)!;
    connection.close();
    connection.dispatchEvent(new Event('close'));
    editor.addActor({ category: 'bvc', name: 'Efter' });
    await editor.flush();
    expect(opened.length).toBeGreaterThan(1);
    const reopened = await mountEditor({ 'map-id': editor.mapId! });
    expect(reopened.map.actors.map((actor) => actor.name)).toEqual(['Före', 'Efter']);
  });
});
