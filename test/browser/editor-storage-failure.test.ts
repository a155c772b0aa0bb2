import { afterEach, describe, expect, it } from 'vitest';
import { $, mountEditor, uniqueId, unmountAll } from './helpers.js';

const realPut = IDBObjectStore.prototype.put;

afterEach(() => {
  IDBObjectStore.prototype.put = realPut;
  unmountAll();
});

describe('when storage fails', () => {
  it('keeps the map in memory, tells the user in their language, and saves again once it can', async () => {
    const editor = await mountEditor({ 'map-id': uniqueId('quota') });
    const errors: Error[] = [];
    editor.addEventListener('nk-error', (event) => errors.push(event.detail.error));
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    editor.addActor({ category: 'assistans', name: 'Assistent Mona' });
    await expect(editor.flush()).rejects.toThrow(/Lagringsutrymmet är fullt/);
    await editor.updateComplete;
    expect(errors.at(-1)?.name).toBe('StorageError');
    expect($(editor, '[role="alert"]').textContent).toContain('Lagringsutrymmet är fullt');
    expect(editor.map.actors.map((actor) => actor.name)).toEqual(['Assistent Mona']);
    expect(editor.exportJson()).toContain('Assistent Mona');

    IDBObjectStore.prototype.put = realPut;
    editor.addActor({ category: 'vardcentral' });
    await editor.flush();
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
    const reopened = await mountEditor({ 'map-id': editor.mapId! });
    expect(reopened.map.actors.map((actor) => actor.category)).toEqual(['assistans', 'vardcentral']);
  });
});
