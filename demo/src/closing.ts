import { deleteAllData, deleteMap, listMaps, storedRecords, type NatverkskartaEditor, type StoredRecords } from 'natverkskarta';
import { confirmDelete, confirmDeleteAll } from './dialogs.js';
import { h } from './dom.js';
import { displayTitle, storageMessage } from './text.js';

export interface Closing {
  element: HTMLElement;
  /** Shows the steps, with the focus on their heading. */
  open(): void;
}

/** Hands a file to the browser's download: the bytes never leave the machine. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const fileName = (title: string, extension: string) =>
  `Nätverkskarta – ${displayTitle(title)
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .trim()}.${extension}`;

/** The receipt's lines: what IndexedDB itself says is left. */
function receiptLines(records: StoredRecords, scope: 'map' | 'all'): string[] {
  if (!records.database) return ['Webbläsarens databas för Nätverkskarta finns inte längre.'];
  return [
    `Sparade kartor${scope === 'map' ? ' med den här kartans id' : ''}: ${records.maps}.`,
    `Versioner: ${records.versions}.`,
    `Utkast: ${records.drafts}.`,
  ];
}

const nothingLeft = (records: StoredRecords) => records.maps + records.versions + records.drafts === 0;

/**
 * "Avsluta stödet": the end of the support, step by step, with the package's public API only. Save the version
 * "Avslut"; show what changed since the first version; hand over the file and the PDF; delete the map (or all
 * data) after a confirmation; and a receipt, read from IndexedDB, that nothing of it is left in this browser.
 */
export function createClosing(
  editor: NatverkskartaEditor,
  mapId: string,
  done: { alert: (message: string) => void; deleted: (receipt: HTMLElement) => void },
): Closing {
  const heading = h('h2', { class: 'closing-steps__heading', id: 'closing-steps-heading', tabindex: '-1' }, 'Avsluta stödet');
  const saveState = h('p', { class: 'closing-steps__state', role: 'status' });
  const changes = h('div', { class: 'closing-steps__changes', 'aria-live': 'polite' });
  const handState = h('p', { class: 'closing-steps__state', role: 'status' });
  const saveButton = h('button', { type: 'button', class: 'button button--primary' }, 'Spara versionen Avslut');
  const changesButton = h('button', { type: 'button', class: 'button' }, 'Visa förändringarna sedan början');
  const fileButton = h('button', { type: 'button', class: 'button' }, 'Ladda ner filen');
  const pdfButton = h('button', { type: 'button', class: 'button' }, 'Ladda ner PDF');
  const deleteButton = h('button', { type: 'button', class: 'button button--danger' }, 'Radera kartan …');
  const deleteAllButton = h('button', { type: 'button', class: 'button button--danger-quiet' }, 'Radera all data …');
  const closeButton = h('button', { type: 'button', class: 'button button--quiet' }, 'Stäng');
  const step = (title: string, text: string, ...children: HTMLElement[]) =>
    h('li', { class: 'closing-steps__step' }, h('h3', {}, title), h('p', { class: 'muted' }, text), ...children);
  const element = h(
    'section',
    { class: 'closing-steps', 'aria-labelledby': 'closing-steps-heading', hidden: true },
    heading,
    h(
      'ol',
      { class: 'closing-steps__list' },
      step('Spara avslutet', 'Kartan som den ser ut i dag sparas som versionen ”Avslut”.', saveButton, saveState),
      step('Se vad som har förändrats', 'Jämför avslutet med den första versionen av kartan.', changesButton, changes),
      step(
        'Lämna över till familjen',
        'Ladda ner filen (kartan med alla versioner) och PDF:en, och ge dem till familjen.',
        h('div', { class: 'closing-steps__row' }, fileButton, pdfButton),
        handState,
      ),
      step(
        'Radera',
        'Sedan raderas kartan, eller allt som Nätverkskarta har sparat i den här webbläsaren.',
        h('div', { class: 'closing-steps__row' }, deleteButton, deleteAllButton),
      ),
    ),
    closeButton,
  );

  const firstVersion = async () => (await editor.listVersions())[0];

  saveButton.addEventListener('click', async () => {
    try {
      const saved = await editor.saveVersion('Avslut');
      saveState.textContent = `Versionen ”${saved.label}” är sparad.`;
    } catch (error) {
      done.alert(error instanceof Error ? error.message : String(error));
    }
  });

  changesButton.addEventListener('click', async () => {
    const [first, ...rest] = await editor.listVersions();
    const last = rest.at(-1);
    if (!first) {
      changes.replaceChildren(h('p', {}, 'Det finns ingen sparad version att jämföra med. Spara avslutet först.'));
      return;
    }
    const told = await editor.changesSince(first.id, last?.id);
    changes.replaceChildren(
      h('h4', {}, told.heading),
      told.groups.length === 0
        ? h('p', {}, told.text)
        : h(
            'ul',
            {},
            ...told.groups.map((group) => h('li', {}, h('strong', {}, `${group.heading}: `), `${group.names.join(', ')}.`)),
          ),
    );
  });

  fileButton.addEventListener('click', async () => {
    await editor.ready;
    download(new Blob([editor.exportJson()], { type: 'application/json' }), fileName(editor.map.title, 'json'));
    handState.textContent = 'Filen är nedladdad.';
  });

  pdfButton.addEventListener('click', async () => {
    pdfButton.setAttribute('aria-busy', 'true');
    try {
      const first = await firstVersion();
      const pdf = await editor.exportPdf(first ? { compareWith: first.id } : {});
      download(pdf, fileName(editor.map.title, 'pdf'));
      handState.textContent = 'PDF:en är nedladdad.';
    } catch (error) {
      done.alert(error instanceof Error ? error.message : String(error));
    } finally {
      pdfButton.removeAttribute('aria-busy');
    }
  });

  const deleted = async (scope: 'map' | 'all') => {
    const records = await storedRecords(scope === 'map' ? mapId : undefined);
    const clean = nothingLeft(records);
    const receipt = h(
      'section',
      { class: 'receipt', 'aria-labelledby': 'receipt-heading' },
      h(
        'h2',
        { id: 'receipt-heading', tabindex: '-1' },
        clean ? 'Kvitto: inget finns kvar i den här webbläsaren' : 'Något finns kvar i den här webbläsaren',
      ),
      h(
        'p',
        {},
        scope === 'map'
          ? 'Kartan, alla dess versioner och utkast är raderade. Så här ser webbläsarens databas ut nu:'
          : 'All data från Nätverkskarta är raderad. Så här ser webbläsarens databas ut nu:',
      ),
      h('ul', { class: 'receipt__lines' }, ...receiptLines(records, scope).map((line) => h('li', {}, line))),
    );
    receipt.dataset['clean'] = String(clean);
    done.deleted(receipt);
  };

  deleteButton.addEventListener('click', async () => {
    if (!(await confirmDelete(editor.map.title, deleteButton))) return;
    try {
      // Stored first, then let go: nothing of it may be written again once it is deleted.
      await editor.flush().catch(() => undefined);
      editor.remove();
      await deleteMap(mapId);
    } catch (error) {
      done.alert(storageMessage('Kartan kunde inte raderas', error));
      return;
    }
    await deleted('map');
  });

  deleteAllButton.addEventListener('click', async () => {
    const count = await listMaps().then(
      (maps) => maps.length,
      () => null,
    );
    if (!(await confirmDeleteAll(count, deleteAllButton))) return;
    try {
      editor.remove();
      await deleteAllData();
    } catch (error) {
      done.alert(storageMessage('All data kunde inte raderas', error));
      return;
    }
    await deleted('all');
  });

  closeButton.addEventListener('click', () => {
    element.hidden = true;
  });

  return {
    element,
    open() {
      element.hidden = false;
      heading.focus();
    },
  };
}
