import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { openDB } from 'idb';
import { deleteAllData, isProtected, listMaps, lock, removePassphrase, setPassphrase, StorageError } from 'natverkskarta';
import { $, mountEditor, uniqueId, unmountAll } from './helpers.js';

const PASSPHRASE = 'korrekt häst batteri zon';

beforeEach(async () => {
  unmountAll();
  await deleteAllData();
});
afterEach(async () => {
  unmountAll();
  await deleteAllData();
});

/** Every byte IndexedDB holds for the maps and drafts, as text: what someone with the disk could read. */
async function rawContents(): Promise<{ text: string; records: Record<string, unknown>[] }> {
  const db = await openDB('natverkskarta');
  const records = [...(await db.getAll('maps')), ...(await db.getAll('drafts'))] as Record<string, unknown>[];
  db.close();
  const text = records
    .map((record) =>
      JSON.stringify(record, (_, value: unknown) =>
        value instanceof ArrayBuffer || ArrayBuffer.isView(value)
          ? new TextDecoder('utf-8', { fatal: false }).decode(value as ArrayBuffer)
          : value,
      ),
    )
    .join('\n');
  return { text, records };
}

describe('maps locked at rest with a passphrase', () => {
  it('leaves nothing readable in IndexedDB, and opens with the right passphrase only', async () => {
    const id = uniqueId('locked');
    const editor = await mountEditor({ 'map-id': id });
    editor.setTitle('Familjen Kowalski');
    editor.addActor({ category: 'bup', name: 'Łukasz Kowalski', phone: '070-111 22 33' });
    await editor.flush();
    expect((await rawContents()).text).toContain('Łukasz Kowalski');

    await setPassphrase(PASSPHRASE);
    expect(await isProtected()).toBe(true);
    let raw = await rawContents();
    expect(raw.records.every((record) => record.doc === undefined && record.sealed !== undefined)).toBe(true);
    for (const secret of ['Łukasz', 'Kowalski', '070-111', 'bup']) expect(raw.text).not.toContain(secret);

    // Edits after protecting are stored sealed too.
    editor.addActor({ category: 'skola', name: 'Zofia Kowalska' });
    await editor.flush();
    raw = await rawContents();
    expect(raw.text).not.toContain('Zofia');
    expect((await listMaps()).map((summary) => summary.title)).toEqual(['Familjen Kowalski']);

    // Another visit: the key is gone.
    unmountAll();
    lock();
    await expect(listMaps()).rejects.toSatisfy((error) => error instanceof StorageError && error.kind === 'locked');
    const reopened = await mountEditor({ 'map-id': id });
    expect($(reopened, 'form.unlock h2').textContent).toContain('skyddade med en lösenfras');
    expect(reopened.shadowRoot!.querySelector('svg.map')).toBeNull();

    const before = await rawContents();
    await userEvent.fill($(reopened, '#unlock-passphrase'), 'fel fras helt och hållet');
    await userEvent.click($(reopened, 'form.unlock button[type="submit"]'));
    await expect.poll(() => reopened.shadowRoot!.querySelector('#unlock-error')?.textContent ?? '').toContain('Fel lösenfras');
    expect(await rawContents()).toEqual(before);

    await userEvent.fill($(reopened, '#unlock-passphrase'), PASSPHRASE);
    await userEvent.click($(reopened, 'form.unlock button[type="submit"]'));
    await expect.poll(() => reopened.map.actors.map((actor) => actor.name)).toEqual(['Łukasz Kowalski', 'Zofia Kowalska']);
    await reopened.updateComplete;
    expect(reopened.shadowRoot!.querySelector('.contact-list')!.textContent).toContain('Zofia Kowalska');
  });

  it('removes the passphrase only with the right one, and then stores readable maps again', async () => {
    const id = uniqueId('unlock');
    const editor = await mountEditor({ 'map-id': id });
    editor.addActor({ category: 'lss', name: 'Ayaan Warsame' });
    await editor.flush();
    await setPassphrase(PASSPHRASE);
    expect((await rawContents()).text).not.toContain('Ayaan');
    expect(await removePassphrase('inte den rätta')).toBe(false);
    expect((await rawContents()).text).not.toContain('Ayaan');
    expect(await removePassphrase(PASSPHRASE)).toBe(true);
    expect(await isProtected()).toBe(false);
    expect((await rawContents()).text).toContain('Ayaan Warsame');
  });

  it('refuses a passphrase that is too short', async () => {
    await expect(setPassphrase('kort')).rejects.toThrow(StorageError);
    expect(await isProtected()).toBe(false);
  });
});
