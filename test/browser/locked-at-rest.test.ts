import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  isProtected,
  listMaps,
  loadMap,
  lock,
  removePassphrase,
  setPassphrase,
  StorageError,
  unlock,
  type NatverkskartaEditor,
  type NkErrorEvent,
} from 'natverkskarta';
import { $, eventually, mountEditor, openTabPage, rawStores, uniqueId, unmountAll, withEmptyDatabase } from './helpers.js';

const PASSPHRASE = 'korrekt häst batteri zon';

withEmptyDatabase();

/** Every byte IndexedDB holds for the maps, drafts and versions, as text: what someone with the disk could read. */
const rawContents = () => rawStores('maps', 'drafts', 'versions');

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
    // Each try derives the key anew (PBKDF2, 600,000 rounds): a second or more on a loaded two-core machine.
    const derivation = { timeout: 10_000 };
    await expect
      .poll(() => reopened.shadowRoot!.querySelector('#unlock-error')?.textContent ?? '', derivation)
      .toContain('Fel lösenfras');
    expect(await rawContents()).toEqual(before);

    await userEvent.fill($(reopened, '#unlock-passphrase'), PASSPHRASE);
    await userEvent.click($(reopened, 'form.unlock button[type="submit"]'));
    await expect
      .poll(() => reopened.map.actors.map((actor) => actor.name), derivation)
      .toEqual(['Łukasz Kowalski', 'Zofia Kowalska']);
    await reopened.updateComplete;
    expect(reopened.shadowRoot!.querySelector('.contact-list')!.textContent).toContain('Zofia Kowalska');
    // Its own time limit: three key derivations (the passphrase set, a wrong try, the right one), each up to
    // seconds on a loaded machine.
  }, 60_000);

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

/** The `nk-error`s an editor fires from now on. */
function errorsOf(editor: NatverkskartaEditor): unknown[] {
  const errors: unknown[] = [];
  editor.addEventListener('nk-error', (event) => errors.push((event as NkErrorEvent).detail.error));
  return errors;
}

function showsUnlockForm(editor: NatverkskartaEditor): boolean {
  return editor.shadowRoot!.querySelector('form.unlock') !== null && editor.shadowRoot!.querySelector('svg.map') === null;
}

describe('locking locks every editor', () => {
  it('lock() takes the map off the screen and out of `map`, refuses edits, and unlock() brings it back with every edit', async () => {
    const id = uniqueId('lock-open');
    const editor = await mountEditor({ 'map-id': id });
    editor.setTitle('Familjen Kowalski');
    editor.addActor({ category: 'bup', name: 'Łukasz Kowalski' });
    await editor.flush();
    await setPassphrase(PASSPHRASE);
    // Not saved yet when the lock comes.
    editor.addActor({ category: 'skola', name: 'Zofia Kowalska' });

    lock();
    await editor.updateComplete;
    expect(showsUnlockForm(editor)).toBe(true);
    expect(editor.map.title).toBe('');
    expect(editor.map.actors).toEqual([]);
    expect(editor.canUndo).toBe(false);
    expect((await rawContents()).text).not.toContain('Zofia');

    const errors = errorsOf(editor);
    expect(() => editor.addActor({ category: 'lss', name: 'Medan låst' })).toThrow(
      'Kartorna är låsta med en lösenfras. Lås upp dem för att ändra kartan.',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(StorageError);

    expect(await unlock(PASSPHRASE)).toBe(true);
    await eventually(() =>
      expect(editor.map.actors.map((actor) => actor.name).sort()).toEqual(['Zofia Kowalska', 'Łukasz Kowalski']),
    );
    expect(editor.map.title).toBe('Familjen Kowalski');
    await editor.updateComplete;
    expect(showsUnlockForm(editor)).toBe(false);
  });

  it('a lock that comes while a save is on its way loses nothing, and stores no empty map', async () => {
    const id = uniqueId('lock-inflight');
    const editor = await mountEditor({ 'map-id': id });
    editor.addActor({ category: 'bup', name: 'Łukasz Kowalski' });
    await editor.flush();
    await setPassphrase(PASSPHRASE);
    editor.addActor({ category: 'skola', name: 'Zofia Kowalska' });
    // The save seals the map, and its sealing is held until the lock has come; then it fails.
    const { subtle } = crypto;
    const encrypt = subtle.encrypt;
    let fail: () => void = () => undefined;
    const sealing = new Promise<void>((started) => {
      subtle.encrypt = () =>
        new Promise<ArrayBuffer>((_, reject) => {
          fail = () => reject(new DOMException('held by the test', 'OperationError'));
          started();
        });
    });
    const saving = editor.flush().catch(() => undefined);
    await sealing;
    lock();
    fail();
    await saving;
    subtle.encrypt = encrypt;

    expect(await unlock(PASSPHRASE)).toBe(true);
    const both = ['Zofia Kowalska', 'Łukasz Kowalski'];
    await eventually(() => expect(editor.map.actors.map((actor) => actor.name).sort()).toEqual(both));
    await editor.flush();
    const stored = await loadMap(id);
    expect(stored!.actors.map((actor) => actor.name).sort()).toEqual(both);
  });

  it('a page opened while the maps are locked shows the unlock form and refuses edits, with nk-error', async () => {
    const id = uniqueId('lock-new');
    const first = await mountEditor({ 'map-id': id });
    first.addActor({ category: 'bup', name: 'Łukasz Kowalski' });
    await first.flush();
    await setPassphrase(PASSPHRASE);
    lock();
    unmountAll();

    const editor = await mountEditor({ 'map-id': id });
    await editor.ready;
    expect(showsUnlockForm(editor)).toBe(true);
    expect(editor.map.actors).toEqual([]);
    const errors = errorsOf(editor);
    expect(() => editor.setTitle('Ny titel')).toThrow(StorageError);
    expect(errors).toHaveLength(1);
    await expect(editor.flush()).rejects.toThrow(StorageError);

    expect(await unlock(PASSPHRASE)).toBe(true);
    await eventually(() => expect(editor.map.actors.map((actor) => actor.name)).toEqual(['Łukasz Kowalski']));
  });

  it('unlocking or locking in one tab does it in every tab', async () => {
    const id = uniqueId('lock-tabs');
    const editor = await mountEditor({ 'map-id': id });
    editor.addActor({ category: 'bup', name: 'Łukasz Kowalski' });
    await editor.flush();
    await setPassphrase(PASSPHRASE);
    lock();
    // Another tab, opened while locked.
    const other = await openTabPage(id);
    expect(showsUnlockForm(other.editor)).toBe(true);

    expect(await unlock(PASSPHRASE)).toBe(true);
    await eventually(() => expect(other.editor.map.actors.map((actor) => actor.name)).toEqual(['Łukasz Kowalski']));
    await other.editor.updateComplete;
    expect(showsUnlockForm(other.editor)).toBe(false);

    lock();
    await eventually(() => expect(other.editor.map.actors).toEqual([]));
    await other.editor.updateComplete;
    expect(showsUnlockForm(other.editor)).toBe(true);
    other.frame.remove();
  });
});
