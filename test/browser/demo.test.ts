/**
 * The demo app, driven as a user would, in a frame served by the test server: "Avsluta och radera" (one map, or
 * all data, after a confirmation), the storage note, and the theme switch.
 */
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { NatverkskartaEditor } from 'natverkskarta';
import { eventually } from './helpers.js';

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/**
 * Vitest serves every module of the page with its dynamic imports wrapped in a hook of its test runner, which
 * only the test's own frame has. A page of our own in a frame needs the same no-op hook that Vitest gives workers.
 */
function allowDynamicImports(win: Window): void {
  (win as unknown as { __vitest_browser_runner__?: unknown }).__vitest_browser_runner__ ??= {
    wrapDynamicImport: (load: () => unknown) => load(),
  };
}

async function openDemo(): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.src = '/demo/index.html#/';
  frame.style.width = '1200px';
  frame.style.height = '900px';
  document.body.append(frame);
  frames.push(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  allowDynamicImports(frame.contentWindow!);
  const doc = frame.contentDocument!;
  await eventually(() => expect(doc.querySelector('#list-heading')).not.toBeNull(), 10_000);
  await eventually(() => expect(doc.querySelector('.map-list[aria-busy]')).toBeNull());
  return doc;
}

function buttonByText(root: ParentNode, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((button) => button.textContent?.replace(/\s+/g, ' ').trim() === text);
  if (!found) throw new Error(`No button "${text}"`);
  return found;
}

/** "Ny karta" → the family's name → the editor, with one contact; then back to the list. */
async function createMapThroughUi(doc: Document, name: string): Promise<void> {
  buttonByText(doc, '+Ny karta').click();
  const dialog = doc.querySelector<HTMLDialogElement>('#new-map-dialog')!;
  await eventually(() => expect(dialog.open).toBe(true));
  doc.querySelector<HTMLInputElement>('#new-map-name')!.value = name;
  buttonByText(dialog, 'Skapa karta').click();
  await eventually(() => expect(doc.querySelector('natverkskarta-editor')).not.toBeNull());
  const editor = doc.querySelector('natverkskarta-editor') as NatverkskartaEditor;
  await editor.ready;
  await eventually(() => expect(editor.map.title).toBe(name));
  editor.addActor({ category: 'lss', name: 'Handläggare Berg' });
  await editor.flush();
  // The storage note in the editor view says what the browser answered.
  const persisted = await navigator.storage.persisted();
  await eventually(() => expect(doc.querySelector('.storage-note')!.getAttribute('data-persistent')).toBe(String(persisted)));
  buttonByText(doc, '← Alla kartor').click();
  await eventually(() => expect(doc.querySelector('#list-heading')).not.toBeNull());
  await eventually(() => expect(doc.querySelectorAll('.card').length).toBeGreaterThan(0));
}

/** axe-core (WCAG 2.1 A and AA) run inside the demo's own window; a readable list of what fails. */
async function violations(doc: Document): Promise<string[]> {
  const win = doc.defaultView as Window & { axe?: typeof axe };
  if (!win.axe) {
    const script = doc.createElement('script');
    script.textContent = axe.source;
    doc.head.append(script);
  }
  const result = await win.axe!.run(doc, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  });
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${violation.help} — ${node.target.join(' ')}`),
  );
}

async function confirm(doc: Document, dialogId: string, confirmText: string): Promise<void> {
  const dialog = doc.querySelector<HTMLDialogElement>(dialogId)!;
  await eventually(() => expect(dialog.open).toBe(true));
  buttonByText(dialog, confirmText).click();
  await eventually(() => expect(dialog.open).toBe(false));
}

describe('the demo', () => {
  it('shows whether storage is persistent and that the exported file is the only backup', async () => {
    const doc = await openDemo();
    const note = doc.querySelector('.storage-note')!;
    const persisted = await navigator.storage.persisted();
    await eventually(() => expect(note.getAttribute('data-persistent')).toBe(String(persisted)));
    expect(note.textContent).toContain(persisted ? 'Lagringen är beständig.' : 'Lagringen är inte beständig.');
    expect(note.textContent).toContain('den enda säkerhetskopian');
  });

  it('deletes one map after a confirmation, and a cancel deletes nothing', async () => {
    const doc = await openDemo();
    await createMapThroughUi(doc, 'Familjen Ett');
    const titles = () => [...doc.querySelectorAll('.card__title')].map((title) => title.textContent);
    expect(titles()).toContain('Familjen Ett');
    const card = [...doc.querySelectorAll('.card')].find((item) => item.textContent?.includes('Familjen Ett'))!;

    buttonByText(card, 'Radera').click();
    const dialog = doc.querySelector<HTMLDialogElement>('#delete-dialog')!;
    await eventually(() => expect(dialog.open).toBe(true));
    buttonByText(dialog, 'Avbryt').click();
    await eventually(() => expect(dialog.open).toBe(false));
    expect(titles()).toContain('Familjen Ett');

    buttonByText(card, 'Radera').click();
    await confirm(doc, '#delete-dialog', 'Radera');
    await eventually(() => expect(titles()).not.toContain('Familjen Ett'));
  });

  it('"Avsluta och radera": deletes all data after a confirmation, and IndexedDB holds nothing afterwards', async () => {
    const doc = await openDemo();
    await createMapThroughUi(doc, 'Familjen Lind');
    expect((await indexedDB.databases()).map((info) => info.name)).toContain('natverkskarta');

    const section = doc.querySelector('.closing')!;
    expect(section.querySelector('h2')!.textContent).toBe('Avsluta och radera');
    buttonByText(section, 'Radera all data …').click();
    const dialog = doc.querySelector<HTMLDialogElement>('#delete-all-dialog')!;
    await eventually(() => expect(dialog.open).toBe(true));
    expect(doc.querySelector('#delete-all-text')!.textContent).toMatch(/sparade karta|sparade kartor/);
    await confirm(doc, '#delete-all-dialog', 'Radera allt');

    await eventually(() => expect(doc.querySelector('.empty__title')?.textContent).toContain('Inga sparade kartor'), 5000);
    await eventually(async () => {
      expect((await indexedDB.databases()).map((info) => info.name)).not.toContain('natverkskarta');
    }, 5000);
    // Opened directly: a fresh, empty database with no stores (and removed again).
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('natverkskarta');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect([...db.objectStoreNames]).toEqual([]);
    db.close();
    await new Promise((resolve) => (indexedDB.deleteDatabase('natverkskarta').onsuccess = resolve));
  });

  it('switches between the default and a high-contrast theme through the editor’s custom properties and parts', async () => {
    const doc = await openDemo();
    const win = doc.defaultView!;
    const toggle = doc.querySelector<HTMLButtonElement>('#theme-switch')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await createMapThroughUi(doc, 'Familjen Tema');
    doc.querySelector<HTMLButtonElement>('.card button[data-action="open"]')!.click();
    await eventually(() => expect(doc.querySelector('natverkskarta-editor')).not.toBeNull());
    const editor = doc.querySelector('natverkskarta-editor') as NatverkskartaEditor;
    await editor.ready;
    await editor.updateComplete;
    const toolbar = editor.shadowRoot!.querySelector('[part~="toolbar"]')!;
    const text = editor.shadowRoot!.querySelector('.editor')!;
    expect(win.getComputedStyle(text).color).toBe('rgb(27, 36, 48)');

    toggle.click();
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(doc.documentElement.dataset['theme']).toBe('contrast');
    expect(win.getComputedStyle(text).color).toBe('rgb(0, 0, 0)');
    expect(win.getComputedStyle(toolbar).borderTopWidth).toBe('2px');
    expect(win.getComputedStyle(toolbar).borderTopStyle).toBe('solid');

    toggle.click();
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(win.getComputedStyle(text).color).toBe('rgb(27, 36, 48)');
    expect(win.getComputedStyle(toolbar).borderTopStyle).toBe('none');
    await editor.flush();
  });

  it('passes axe-core in the list and the editor, in both themes', async () => {
    const doc = await openDemo();
    await createMapThroughUi(doc, 'Familjen Axe');
    const toggle = doc.querySelector<HTMLButtonElement>('#theme-switch')!;
    for (const theme of ['default', 'contrast']) {
      if ((toggle.getAttribute('aria-pressed') === 'true') !== (theme === 'contrast')) toggle.click();
      expect(await violations(doc), `list, ${theme}`).toEqual([]);
    }
    doc.querySelector<HTMLButtonElement>('.card button[data-action="open"]')!.click();
    await eventually(() => expect(doc.querySelector('natverkskarta-editor')).not.toBeNull());
    const editor = doc.querySelector('natverkskarta-editor') as NatverkskartaEditor;
    await editor.ready;
    await editor.updateComplete;
    for (const theme of ['contrast', 'default']) {
      if ((toggle.getAttribute('aria-pressed') === 'true') !== (theme === 'contrast')) toggle.click();
      expect(await violations(doc), `editor, ${theme}`).toEqual([]);
    }
    await editor.flush();
  });
});
