/**
 * The demo app, driven as a user would, in a frame served by the test server: "Avsluta och radera" (one map, or
 * all data, after a confirmation), the storage note, the theme switch, and the passphrase that locks the maps.
 */
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteAllData, type NatverkskartaEditor } from 'natverkskarta';
import { eventually, rawStores } from './helpers.js';

const frames: HTMLIFrameElement[] = [];
beforeEach(async () => {
  await deleteAllData();
});
afterEach(async () => {
  // The frames first: their connections to the database close with them, so that it can be deleted.
  for (const frame of frames.splice(0)) frame.remove();
  await deleteAllData();
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

async function openDemo(width = 1200): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.src = '/demo/index.html#/';
  frame.style.width = `${width}px`;
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

/** "Ny karta" with the family's name: the editor, once it shows the new map. */
async function newMap(doc: Document, name: string): Promise<NatverkskartaEditor> {
  buttonByText(doc, '+Ny karta').click();
  const dialog = doc.querySelector<HTMLDialogElement>('#new-map-dialog')!;
  await eventually(() => expect(dialog.open).toBe(true));
  doc.querySelector<HTMLInputElement>('#new-map-name')!.value = name;
  buttonByText(dialog, 'Skapa karta').click();
  await eventually(() => expect(doc.querySelector('natverkskarta-editor')).not.toBeNull());
  const editor = doc.querySelector('natverkskarta-editor') as NatverkskartaEditor;
  await editor.ready;
  await eventually(() => expect(editor.map.title).toBe(name));
  await editor.updateComplete;
  return editor;
}

/** "Ny karta" → the family's name → the editor, with one contact; then back to the list. */
async function createMapThroughUi(doc: Document, name: string): Promise<void> {
  const editor = await newMap(doc, name);
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
  it('a map made with a name starts with nothing to undo', async () => {
    const doc = await openDemo();
    const editor = await newMap(doc, 'Familjen Haddad');
    expect(editor.canUndo).toBe(false);
    expect(buttonByText(editor.shadowRoot!, 'Ångra').getAttribute('aria-disabled')).toBe('true');
    expect(doc.querySelector('#editor-heading')!.textContent).toBe('Familjen Haddad');
  });

  it('at 1024 px shows every command of the toolbar on one row, in words, in its three groups', async () => {
    const doc = await openDemo(1024);
    const editor = await newMap(doc, 'Familjen Haddad');
    const toolbar = editor.shadowRoot!.querySelector('.toolbar')!;
    const win = doc.defaultView!;
    const shown = [...toolbar.querySelectorAll('button')].filter(
      (button) => win.getComputedStyle(button).visibility !== 'hidden',
    );
    expect(shown.map((button) => button.textContent!.trim())).toEqual([
      'Lägg till kontakt',
      'Ångra',
      'Gör om',
      'Skriv ut / spara PDF',
      'Exportera fil',
      'Importera fil',
      'Karta',
      'Lista',
      'Hjälp',
    ]);
    // Named by the words it shows, never by a symbol with a hidden name.
    for (const button of shown) expect(button.hasAttribute('aria-label')).toBe(false);
    expect(new Set(shown.map((button) => Math.round(button.getBoundingClientRect().top))).size).toBe(1);
    expect([...toolbar.querySelectorAll(':scope > [role="group"]')].map((group) => group.getAttribute('aria-label'))).toEqual([
      'Redigera',
      'Fil',
      'Visa',
    ]);
  });

  it('takes a refused file’s alert away once a good file is imported', async () => {
    const doc = await openDemo();
    await createMapThroughUi(doc, 'Familjen Lind');
    doc.querySelector<HTMLButtonElement>('.card button')!.click();
    await eventually(() => expect(doc.querySelector('natverkskarta-editor')).not.toBeNull());
    const editor = doc.querySelector('natverkskarta-editor') as NatverkskartaEditor;
    await editor.ready;
    const good = editor.exportJson();
    const picker = () => editor.shadowRoot!.querySelector<HTMLInputElement>('.file-button input[type="file"]')!;
    const choose = async (text: string) => {
      const transfer = new (doc.defaultView as Window & typeof globalThis).DataTransfer();
      transfer.items.add(new File([text], 'karta.json', { type: 'application/json' }));
      picker().files = transfer.files;
      picker().dispatchEvent(new Event('change', { bubbles: true }));
    };
    const alert = () => doc.querySelector('.alert-region')!.textContent ?? '';
    await choose('{"schemaVersion": 2, "id": "x", "actors": "nej"}');
    await eventually(() => expect(alert()).toContain('Filen kunde inte läsas in'));
    await choose(good);
    await eventually(() => expect(alert()).toBe(''));
  });

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

  for (const scope of ['map', 'all'] as const) {
    it(`"Avsluta stödet": saves Avslut, shows what changed, hands over file and PDF, deletes (${scope}) and gives a receipt`, async () => {
      const doc = await openDemo();
      const editor = await newMap(doc, 'Familjen Lind');
      const id = editor.mapId!;
      const korttids = editor.addActor({ category: 'korttids', status: 'needed' });
      editor.addActor({ category: 'forsakringskassan' });
      await editor.saveVersion('Kartläggning');
      editor.updateActor(korttids, { status: 'active', organisation: 'Solgläntan' });
      await editor.flush();

      buttonByText(doc, 'Avsluta stödet …').click();
      const steps = doc.querySelector<HTMLElement>('.closing-steps')!;
      await eventually(() => expect(steps.hidden).toBe(false));
      expect(doc.activeElement).toBe(doc.querySelector('#closing-steps-heading'));

      buttonByText(steps, 'Spara versionen Avslut').click();
      await eventually(async () =>
        expect((await editor.listVersions()).map((version) => version.label)).toEqual(['Kartläggning', 'Avslut']),
      );
      buttonByText(steps, 'Visa förändringarna sedan början').click();
      await eventually(() =>
        expect(steps.querySelector('.closing-steps__changes h4')?.textContent).toBe('Förändringar från Kartläggning till Avslut'),
      );
      expect(steps.querySelector('.closing-steps__changes')!.textContent).toContain('1 behov har fått en kontakt: Solgläntan.');

      // The hand-over: both files to the browser's downloads, the file with both versions in it.
      const win = doc.defaultView as Window & typeof globalThis;
      const downloads: { name: string; href: string }[] = [];
      const click = win.HTMLAnchorElement.prototype.click;
      win.HTMLAnchorElement.prototype.click = function () {
        downloads.push({ name: this.download, href: this.href });
      };
      try {
        buttonByText(steps, 'Ladda ner filen').click();
        buttonByText(steps, 'Ladda ner PDF').click();
        await eventually(
          () =>
            expect(downloads.map((file) => file.name)).toEqual([
              'Nätverkskarta – Familjen Lind.json',
              'Nätverkskarta – Familjen Lind.pdf',
            ]),
          15_000,
        );
      } finally {
        win.HTMLAnchorElement.prototype.click = click;
      }
      const file = JSON.parse(await (await win.fetch(downloads[0]!.href)).text()) as { versions: { label: string }[] };
      expect(file.versions.map((version) => version.label)).toEqual(['Kartläggning', 'Avslut']);
      const pdf = new Uint8Array(await (await win.fetch(downloads[1]!.href)).arrayBuffer());
      expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');

      buttonByText(steps, scope === 'map' ? 'Radera kartan …' : 'Radera all data …').click();
      await confirm(doc, scope === 'map' ? '#delete-dialog' : '#delete-all-dialog', scope === 'map' ? 'Radera' : 'Radera allt');
      await eventually(() => expect(doc.querySelector('.receipt')).not.toBeNull(), 10_000);
      const receipt = doc.querySelector<HTMLElement>('.receipt')!;
      expect(receipt.dataset['clean']).toBe('true');
      expect(receipt.querySelector('h2')!.textContent).toBe('Kvitto: inget finns kvar i den här webbläsaren');
      expect(doc.activeElement).toBe(receipt.querySelector('h2'));
      expect(doc.querySelector('natverkskarta-editor')).toBeNull();
      // What the receipt says, checked here against IndexedDB itself.
      if (scope === 'map') {
        expect([...receipt.querySelectorAll('li')].map((line) => line.textContent)).toEqual([
          'Sparade kartor med den här kartans id: 0.',
          'Versioner: 0.',
          'Utkast: 0.',
        ]);
        const raw = await rawStores('maps', 'drafts', 'versions');
        expect(raw.records.filter((record) => record['id'] === id || record['mapId'] === id)).toEqual([]);
        expect(raw.text).not.toContain('Solgläntan');
      } else {
        expect(receipt.querySelector('li')!.textContent).toBe('Webbläsarens databas för Nätverkskarta finns inte längre.');
        expect((await indexedDB.databases()).some((info) => info.name === 'natverkskarta')).toBe(false);
      }
      expect(await violations(doc)).toEqual([]);
    });
  }

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

  it('protects the maps with a passphrase: nothing readable in IndexedDB, locked on load, a wrong passphrase changes nothing', async () => {
    const doc = await openDemo();
    await createMapThroughUi(doc, 'Familjen Kowalski');
    const section = doc.querySelector<HTMLElement>('.passphrase')!;
    await eventually(() => expect(section.dataset['state']).toBe('none'));
    expect(section.querySelector('h2')!.textContent).toBe('Lösenfras');
    expect(section.textContent).toContain('inget av innehållet att läsa i den här webbläsaren utan lösenfrasen');
    expect(section.textContent).toContain('går inte att få tillbaka');
    expect(section.textContent).toContain('exporterade filen den enda kopian');
    expect((await rawRecords()).text).toContain('Familjen Kowalski');

    // The dialog: the passphrase twice; each problem is named at its field, and nothing is stored until both agree.
    const trigger = buttonByText(section, 'Skydda med lösenfras …');
    trigger.click();
    const dialog = doc.querySelector<HTMLDialogElement>('#protect-dialog')!;
    await eventually(() => expect(dialog.open).toBe(true));
    const first = doc.querySelector<HTMLInputElement>('#protect-passphrase')!;
    const second = doc.querySelector<HTMLInputElement>('#protect-repeat')!;
    expect(first.labels![0]!.textContent).toBe('Lösenfras');
    expect(second.labels![0]!.textContent).toBe('Skriv lösenfrasen igen');
    expect(first.type).toBe('password');

    first.value = PASSPHRASE;
    second.value = PASSPHRASE + 'x';
    buttonByText(dialog, 'Skydda kartorna').click();
    await expectFieldError(doc, second, 'protect-repeat-error', 'Lösenfraserna är inte likadana');
    expect(dialog.open).toBe(true);
    expect(doc.activeElement).toBe(second);

    first.value = 'kort';
    second.value = 'kort';
    buttonByText(dialog, 'Skydda kartorna').click();
    await expectFieldError(doc, first, 'protect-passphrase-error', 'för kort: den behöver minst 8 tecken');
    expect(dialog.open).toBe(true);
    expect(await violations(doc), 'the passphrase dialog').toEqual([]);
    expect((await rawRecords()).records.every((record) => record['doc'] !== undefined)).toBe(true);

    first.value = PASSPHRASE;
    second.value = PASSPHRASE;
    buttonByText(dialog, 'Skydda kartorna').click();
    await eventually(() => expect(dialog.open).toBe(false), 10_000);
    expect(first.value).toBe('');
    await eventually(() => expect(section.dataset['state']).toBe('unlocked'));
    expect(doc.activeElement).toBe(section.querySelector('h2'));
    expect(section.textContent).toContain('Kartorna är skyddade med en lösenfras.');

    // Nothing of the map is readable in the stored bytes: every record is sealed and has no document.
    let raw = await rawRecords();
    expect(raw.records.length).toBeGreaterThan(0);
    for (const record of raw.records) {
      expect(record['sealed']).toBeDefined();
      expect(record['doc']).toBeUndefined();
    }
    for (const secret of ['Kowalski', 'Familjen', 'Handläggare', 'Berg', 'lss']) expect(raw.text).not.toContain(secret);
    expect(cardTitles(doc)).toEqual(['Familjen Kowalski']);
    expect(await violations(doc), 'list, protected').toEqual([]);

    // "Lås nu": the unlock form takes the place of the list.
    buttonByText(section, 'Lås nu').click();
    await eventually(() => expect(doc.querySelector('#list-unlock-heading')).not.toBeNull());
    expect(section.dataset['state']).toBe('locked');
    expect(doc.activeElement).toBe(doc.querySelector('#list-unlock-heading'));
    expect(cardTitles(doc)).toEqual([]);
    expect(doc.body.textContent).not.toContain('Kowalski');
    expect(await violations(doc), 'list, locked').toEqual([]);

    // Another visit (a fresh page): the key lived only in the first page's memory, so the maps are locked.
    const again = await openDemo();
    await eventually(() => expect(again.querySelector('#list-unlock-heading')).not.toBeNull());
    expect(again.querySelector<HTMLElement>('.passphrase')!.dataset['state']).toBe('locked');
    expect(cardTitles(again)).toEqual([]);
    expect(buttonByText(again, '+Ny karta').hidden).toBe(true);

    // A wrong passphrase says so, and changes nothing.
    const before = await rawRecords();
    const input = again.querySelector<HTMLInputElement>('#list-unlock-passphrase')!;
    expect(input.labels![0]!.textContent).toBe('Lösenfras');
    input.value = 'fel lösenfras helt och hållet';
    buttonByText(again, 'Lås upp').click();
    await expectFieldError(again, input, 'list-unlock-error', 'Fel lösenfras. Inget har ändrats.');
    expect(cardTitles(again)).toEqual([]);
    expect((await rawRecords()).snapshot).toBe(before.snapshot);
    expect(await violations(again), 'unlock form with an error').toEqual([]);

    // The right one shows the list with the map.
    input.value = PASSPHRASE;
    buttonByText(again, 'Lås upp').click();
    await eventually(() => expect(cardTitles(again)).toEqual(['Familjen Kowalski']), 10_000);
    expect(again.querySelector('#list-unlock-heading')).toBeNull();
    const againSection = again.querySelector<HTMLElement>('.passphrase')!;
    expect(againSection.dataset['state']).toBe('unlocked');
    expect(buttonByText(again, '+Ny karta').hidden).toBe(false);

    // "Ta bort lösenfras": a wrong passphrase says so and leaves the maps sealed; the right one stores them readable.
    const removeButton = buttonByText(againSection, 'Ta bort lösenfras …');
    removeButton.click();
    const removeDialog = again.querySelector<HTMLDialogElement>('#remove-passphrase-dialog')!;
    await eventually(() => expect(removeDialog.open).toBe(true));
    const removeInput = again.querySelector<HTMLInputElement>('#remove-passphrase')!;
    removeInput.value = 'inte den rätta frasen';
    const sealed = await rawRecords();
    buttonByText(removeDialog, 'Ta bort lösenfrasen').click();
    await expectFieldError(again, removeInput, 'remove-passphrase-error', 'Fel lösenfras. Inget har ändrats.');
    expect(removeDialog.open).toBe(true);
    expect((await rawRecords()).snapshot).toBe(sealed.snapshot);
    expect(await violations(again), 'the remove dialog').toEqual([]);

    removeInput.value = PASSPHRASE;
    buttonByText(removeDialog, 'Ta bort lösenfrasen').click();
    await eventually(() => expect(removeDialog.open).toBe(false), 10_000);
    await eventually(() => expect(againSection.dataset['state']).toBe('none'));
    raw = await rawRecords();
    expect(raw.records.every((record) => record['sealed'] === undefined && record['doc'] !== undefined)).toBe(true);
    expect(raw.text).toContain('Familjen Kowalski');
    expect(cardTitles(again)).toEqual(['Familjen Kowalski']);
  });

  it('"Radera all data" while locked asks about the locked maps, and leaves the start view unprotected', async () => {
    const doc = await openDemo();
    await createMapThroughUi(doc, 'Familjen Glömsk');
    const section = doc.querySelector<HTMLElement>('.passphrase')!;
    buttonByText(section, 'Skydda med lösenfras …').click();
    const dialog = doc.querySelector<HTMLDialogElement>('#protect-dialog')!;
    await eventually(() => expect(dialog.open).toBe(true));
    doc.querySelector<HTMLInputElement>('#protect-passphrase')!.value = PASSPHRASE;
    doc.querySelector<HTMLInputElement>('#protect-repeat')!.value = PASSPHRASE;
    buttonByText(dialog, 'Skydda kartorna').click();
    await eventually(() => expect(section.dataset['state']).toBe('unlocked'), 10_000);
    buttonByText(section, 'Lås nu').click();
    await eventually(() => expect(section.dataset['state']).toBe('locked'));
    expect(doc.querySelector('.unlock__forgotten')!.textContent).toContain('går inte att få tillbaka');

    // Opening the map while locked shows the editor's own unlock form, never an empty map.
    const [record] = (await rawRecords()).records;
    doc.defaultView!.location.hash = `#/karta/${encodeURIComponent(String(record!['id']))}`;
    await eventually(() => expect(doc.querySelector('natverkskarta-editor')).not.toBeNull());
    const editor = doc.querySelector('natverkskarta-editor') as NatverkskartaEditor;
    await eventually(() => expect(editor.shadowRoot?.querySelector('#unlock-passphrase')).toBeTruthy(), 5000);
    expect(editor.shadowRoot!.querySelector('[part~="map"]')).toBeNull();
    doc.defaultView!.location.hash = '#/';
    await eventually(() => expect(doc.querySelector('#list-unlock-heading')).not.toBeNull());

    buttonByText(doc.querySelector('.closing')!, 'Radera all data …').click();
    const confirmDialog = doc.querySelector<HTMLDialogElement>('#delete-all-dialog')!;
    await eventually(() => expect(confirmDialog.open).toBe(true));
    expect(doc.querySelector('#delete-all-text')!.textContent).toContain('De låsta kartorna');
    await confirm(doc, '#delete-all-dialog', 'Radera allt');
    await eventually(() => expect(doc.querySelector('.empty__title')?.textContent).toContain('Inga sparade kartor'), 5000);
    // The list view was built anew on the way back from the editor.
    expect(doc.querySelector<HTMLElement>('.passphrase')!.dataset['state']).toBe('none');
    expect(doc.querySelector('#list-unlock-heading')).toBeNull();
  });
});

const PASSPHRASE = 'korrekt häst batteri zon';

function cardTitles(doc: Document): string[] {
  return [...doc.querySelectorAll('.card__title')].map((title) => title.textContent ?? '');
}

/** The field is marked invalid and its visible error, which names the problem, is tied to it. */
async function expectFieldError(doc: Document, input: HTMLInputElement, errorId: string, text: string): Promise<void> {
  const error = doc.getElementById(errorId)!;
  await eventually(() => expect(error.hidden).toBe(false), 10_000);
  expect(error.textContent).toContain(text);
  expect(input.getAttribute('aria-invalid')).toBe('true');
  expect(input.getAttribute('aria-describedby')!.split(' ')).toContain(errorId);
}

/**
 * The stored map records, read straight from IndexedDB as someone with the disk could: `text` with every byte
 * decoded as UTF-8 (to look for readable names), `snapshot` with every byte in hex (to compare before and after).
 */
async function rawRecords(): Promise<{ records: Record<string, unknown>[]; text: string; snapshot: string }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('natverkskarta');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const records = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = db.transaction('maps').objectStore('maps').getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      request.onerror = () => reject(request.error);
    });
    const bytes = (value: unknown): Uint8Array | null =>
      value instanceof ArrayBuffer
        ? new Uint8Array(value)
        : ArrayBuffer.isView(value)
          ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
          : null;
    const serialise = (decode: (data: Uint8Array) => string) =>
      records
        .map((record) =>
          JSON.stringify(record, (_, value: unknown) => {
            const data = bytes(value);
            return data ? decode(data) : value;
          }),
        )
        .join('\n');
    return {
      records,
      text: serialise((data) => new TextDecoder('utf-8', { fatal: false }).decode(data)),
      snapshot: serialise((data) => Array.from(data, (byte) => byte.toString(16).padStart(2, '0')).join('')),
    };
  } finally {
    db.close();
  }
}
