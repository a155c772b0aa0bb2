/**
 * The demo app: a list of saved maps and the editor, using only the package's public API,
 * exactly as a municipality's own site would.
 */
import 'natverkskarta/define';
import {
  cleanText,
  createMap,
  deleteAllData,
  deleteMap,
  isProtected,
  listMaps,
  renameMap,
  saveMap,
  StorageError,
  type MapSummary,
  type NatverkskartaEditor,
} from 'natverkskarta';
import { createAlertRegion, createStatus } from './alerts.js';
import { createClosing } from './closing.js';
import { askNewMapName, askRename, confirmDelete, confirmDeleteAll } from './dialogs.js';
import { createPassphraseSection, createUnlockForm, type LockState } from './passphrase.js';
import { createStorageNote } from './storage-note.js';
import { setupThemeSwitch } from './theme.js';
import { byId, h } from './dom.js';
import { APP_NAME, contactCount, displayTitle, formatChanged, newMapId, storageMessage } from './text.js';
import './styles.css';

// ——— routing ———

type Route = { view: 'list' } | { view: 'editor'; id: string };

const LIST_HASH = '#/';
const EDITOR_PREFIX = '#/karta/';

function editorHash(id: string): string {
  return EDITOR_PREFIX + encodeURIComponent(id);
}

function parseRoute(hash: string): Route {
  if (hash.startsWith(EDITOR_PREFIX) && hash.length > EDITOR_PREFIX.length) {
    try {
      return { view: 'editor', id: decodeURIComponent(hash.slice(EDITOR_PREFIX.length)) };
    } catch {
      // A malformed address: show the list.
    }
  }
  return { view: 'list' };
}

/** Entries the app pushed itself carry this state, so "← Alla kartor" can step back instead of piling up history. */
interface AppState {
  fromList: true;
}

function go(hash: string): void {
  history.pushState({ fromList: true } satisfies AppState, '', hash);
  void navigate(true);
}

const main = byId<HTMLElement>('main');
let navigation = 0;
let openEditor: NatverkskartaEditor | null = null;
/** The map whose editor was just closed: its "Öppna" button gets the focus back in the list. */
let returnToMapId: string | null = null;
/** A failure while leaving the editor, shown in the list. */
let leaveError: string | null = null;

async function navigate(moveFocus: boolean): Promise<void> {
  const token = ++navigation;
  const route = parseRoute(location.hash);
  if (route.view === 'list' && location.hash !== LIST_HASH) history.replaceState(history.state, '', LIST_HASH);

  if (openEditor) {
    if (route.view === 'editor' && route.id === openEditor.mapId) return;
    const leaving = openEditor;
    openEditor = null;
    returnToMapId = leaving.mapId;
    try {
      await leaving.flush();
    } catch (error) {
      leaveError = storageMessage('De senaste ändringarna kunde inte sparas', error);
    }
    if (token !== navigation) return;
  }

  if (route.view === 'editor') showEditor(route.id, token, moveFocus);
  else await showList(token, moveFocus);
}

window.addEventListener('hashchange', () => void navigate(true));

// ——— the list of saved maps ———

async function showList(token: number, moveFocus: boolean): Promise<void> {
  document.body.dataset['view'] = 'list';
  document.title = `Sparade kartor – ${APP_NAME}`;
  const heading = h('h1', { class: 'page-title', id: 'list-heading', tabindex: '-1' }, 'Sparade kartor');
  const newButton = h(
    'button',
    { type: 'button', class: 'button button--primary' },
    h('span', { 'aria-hidden': 'true', class: 'button__icon' }, '+'),
    'Ny karta',
  );
  const alerts = createAlertRegion(() => heading);
  const status = createStatus();
  const list = h('div', { class: 'map-list', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Hämtar sparade kartor …'));
  const storageNote = createStorageNote();
  const passphrase = createPassphraseSection({
    changed: (state, message) => {
      alerts.clear();
      if (state === 'locked') showLocked(true);
      status.say(message);
    },
    failed: (message) => alerts.show(message),
  });
  const deleteAllButton = h('button', { type: 'button', class: 'button button--danger' }, 'Radera all data …');
  const closing = h(
    'section',
    { class: 'closing', 'aria-labelledby': 'closing-heading' },
    h('h2', { class: 'closing__heading', id: 'closing-heading' }, 'Avsluta och radera'),
    h(
      'p',
      {},
      'När stödet avslutas: exportera varje karta till en fil och lämna filerna till familjen. ',
      'Radera sedan en karta i taget med ”Radera”, eller allt på en gång här.',
    ),
    deleteAllButton,
  );

  main.replaceChildren(
    h(
      'section',
      { class: 'view list-view', 'aria-labelledby': 'list-heading' },
      h(
        'div',
        { class: 'page-head' },
        h(
          'div',
          { class: 'page-head__text' },
          heading,
          h('p', { class: 'lead' }, 'Varje karta visar kontakterna runt en familj. Kartorna sparas bara i den här webbläsaren.'),
        ),
        newButton,
      ),
      alerts.element,
      storageNote.element,
      list,
      passphrase.element,
      closing,
      status.element,
    ),
  );

  let maps: MapSummary[] = [];
  /** Whether the maps are protected and locked in this tab: the unlock form stands in for the list. */
  let locked = false;

  const showLocked = (moveFocus: boolean) => {
    locked = true;
    maps = [];
    newButton.hidden = true;
    passphrase.show('locked');
    const form = createUnlockForm(
      () => void onUnlocked(),
      (message) => alerts.show(message),
    );
    list.removeAttribute('aria-busy');
    list.replaceChildren(form.element);
    if (moveFocus) form.heading.focus();
  };

  const onUnlocked = async () => {
    alerts.clear();
    if (!(await load())) return;
    heading.focus();
    status.say('Kartorna är upplåsta.');
  };

  const render = () => {
    locked = false;
    newButton.hidden = false;
    list.removeAttribute('aria-busy');
    if (maps.length === 0) {
      list.replaceChildren(
        h(
          'div',
          { class: 'empty' },
          h('p', { class: 'empty__title' }, 'Inga sparade kartor ännu. Skapa en ny karta för att börja.'),
          h('p', { class: 'muted' }, 'Välj ”Ny karta” och skriv familjens namn.'),
        ),
      );
      return;
    }
    list.replaceChildren(
      h('p', { class: 'muted list-count' }, maps.length === 1 ? '1 sparad karta' : `${maps.length} sparade kartor`),
      h('ul', { class: 'cards', role: 'list' }, ...maps.map((map, index) => card(map, index))),
    );
  };

  const card = (map: MapSummary, index: number): HTMLLIElement => {
    const titleId = `map-title-${index}`;
    const action = (name: string, label: string, variant: string) =>
      h(
        'button',
        { type: 'button', class: `button ${variant}`, 'data-action': name, 'data-index': index, 'aria-describedby': titleId },
        label,
      );
    return h(
      'li',
      { class: 'card' },
      h(
        'div',
        { class: 'card__text' },
        h(
          'h2',
          { class: map.title.trim() ? 'card__title' : 'card__title card__title--untitled', id: titleId },
          displayTitle(map.title),
        ),
        h(
          'p',
          { class: 'card__meta' },
          h('span', { class: 'card__count' }, contactCount(map.actorCount)),
          h('span', { class: 'card__sep', 'aria-hidden': 'true' }, ' · '),
          h('span', {}, 'Ändrad ', h('time', { datetime: map.updatedAt }, formatChanged(map.updatedAt))),
        ),
      ),
      h(
        'div',
        { class: 'card__actions' },
        action('open', 'Öppna', 'button--primary'),
        action('rename', 'Byt namn', ''),
        action('delete', 'Radera', 'button--danger-quiet'),
      ),
    );
  };

  const buttonFor = (id: string, name: string): HTMLButtonElement | null => {
    const index = maps.findIndex((map) => map.id === id);
    return index < 0 ? null : list.querySelector<HTMLButtonElement>(`button[data-action="${name}"][data-index="${index}"]`);
  };

  const load = async (): Promise<boolean> => {
    let state: LockState;
    try {
      maps = await listMaps();
      state = (await isProtected()) ? 'unlocked' : 'none';
    } catch (error) {
      if (token !== navigation) return false;
      if (error instanceof StorageError && error.kind === 'locked') {
        showLocked(false);
        return false;
      }
      list.removeAttribute('aria-busy');
      list.replaceChildren();
      passphrase.show('unknown');
      alerts.show(storageMessage('De sparade kartorna kunde inte hämtas', error));
      return false;
    }
    if (token !== navigation) return false;
    render();
    passphrase.show(state);
    return true;
  };

  newButton.addEventListener('click', async () => {
    const name = await askNewMapName(newButton);
    if (name === null) return;
    const id = newMapId();
    // Stored with its name before the editor opens it: a new map starts with nothing to undo.
    try {
      await saveMap(createMap({ id, title: cleanText(name).trim() }));
    } catch (error) {
      alerts.show(storageMessage('Kartan kunde inte skapas', error));
      return;
    }
    go(editorHash(id));
  });

  deleteAllButton.addEventListener('click', async () => {
    alerts.clear();
    if (!(await confirmDeleteAll(locked ? null : maps.length, deleteAllButton))) return;
    deleteAllButton.setAttribute('aria-busy', 'true');
    try {
      await deleteAllData();
    } catch (error) {
      alerts.show(storageMessage('All data kunde inte raderas', error));
      return;
    } finally {
      deleteAllButton.removeAttribute('aria-busy');
    }
    if (token !== navigation) return;
    // Not listMaps(): opening the store would create an empty database again.
    maps = [];
    render();
    passphrase.show('none');
    heading.focus();
    status.say('All data är raderad. Ingenting från Nätverkskarta finns kvar i den här webbläsaren.');
  });

  list.addEventListener('click', async (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const map = button ? maps[Number(button.dataset['index'])] : undefined;
    if (!button || !map) return;
    alerts.clear();
    switch (button.dataset['action']) {
      case 'open':
        go(editorHash(map.id));
        break;
      case 'rename': {
        const title = await askRename(map.title, button);
        if (title === null || title === map.title) return;
        try {
          await renameMap(map.id, title);
        } catch (error) {
          alerts.show(storageMessage('Kartan kunde inte byta namn', error));
          return;
        }
        if (token !== navigation || !(await load())) return;
        buttonFor(map.id, 'rename')?.focus();
        status.say(`Kartan heter nu ${title}.`);
        break;
      }
      case 'delete': {
        if (!(await confirmDelete(map.title, button))) return;
        const position = maps.indexOf(map);
        try {
          await deleteMap(map.id);
        } catch (error) {
          alerts.show(storageMessage('Kartan kunde inte raderas', error));
          return;
        }
        if (token !== navigation || !(await load())) return;
        const neighbour = maps[Math.min(position, maps.length - 1)];
        (neighbour ? buttonFor(neighbour.id, 'open') : newButton)?.focus();
        status.say(map.title.trim() ? `Kartan för ${map.title.trim()} är raderad.` : 'Den namnlösa kartan är raderad.');
        break;
      }
    }
  });

  if (leaveError) {
    alerts.show(leaveError);
    leaveError = null;
  }
  const loaded = await load();
  const previous = returnToMapId;
  returnToMapId = null;
  if (!moveFocus) return;
  ((loaded && previous ? buttonFor(previous, 'open') : null) ?? heading).focus();
}

// ——— the editor ———

function showEditor(id: string, token: number, moveFocus: boolean): void {
  document.body.dataset['view'] = 'editor';
  const heading = h('h1', { class: 'editor-title', id: 'editor-heading', tabindex: '-1' }, 'Laddar kartan …');
  const back = h(
    'button',
    { type: 'button', class: 'button button--quiet back' },
    h('span', { 'aria-hidden': 'true' }, '← '),
    'Alla kartor',
  );
  const alerts = createAlertRegion(() => heading);
  const closingButton = h('button', { type: 'button', class: 'button closing-open' }, 'Avsluta stödet …');
  const editor = document.createElement('natverkskarta-editor');
  editor.setAttribute('map-id', id);
  editor.setAttribute('lang', 'sv');
  editor.classList.add('editor');

  const showTitle = (title: string) => {
    heading.textContent = displayTitle(title);
    heading.classList.toggle('editor-title--untitled', !title.trim());
    document.title = `${displayTitle(title)} – ${APP_NAME}`;
  };

  const storageNote = createStorageNote();
  let persistenceChecked = false;
  // A refused file or edit is told until the map changes; a storage failure until the user closes it.
  let alertLastsUntilChange = false;
  editor.addEventListener('nk-change', (event) => {
    showTitle(event.detail.map.title);
    if (alertLastsUntilChange) {
      alertLastsUntilChange = false;
      alerts.clear();
    }
    // The editor asks for persistent storage at the first edit: show the answer once it has come.
    if (!persistenceChecked && editor.canUndo) {
      persistenceChecked = true;
      setTimeout(() => void storageNote.refresh(), 500);
    }
  });
  editor.addEventListener('nk-error', (event) => {
    const { error } = event.detail;
    alerts.show(error.message);
    alertLastsUntilChange = !(error instanceof StorageError);
  });

  back.addEventListener('click', async () => {
    back.setAttribute('aria-busy', 'true');
    try {
      await editor.flush();
    } catch (error) {
      alerts.show(storageMessage('Kartan kunde inte sparas, och dina senaste ändringar finns bara kvar på skärmen', error));
      return;
    } finally {
      back.removeAttribute('aria-busy');
    }
    if ((history.state as AppState | null)?.fromList) history.back();
    else go(LIST_HASH);
  });

  const closing = createClosing(editor, id, {
    alert: (message) => alerts.show(message),
    deleted: (receipt) => {
      openEditor = null;
      const toList = h('button', { type: 'button', class: 'button button--primary' }, 'Till alla kartor');
      toList.addEventListener('click', () => go(LIST_HASH));
      main.replaceChildren(h('section', { class: 'view receipt-view' }, receipt, toList));
      document.title = `Kvitto – ${APP_NAME}`;
      receipt.querySelector<HTMLElement>('h2')?.focus();
    },
  });
  closingButton.addEventListener('click', () => closing.open());

  main.replaceChildren(
    h(
      'section',
      { class: 'view editor-view', 'aria-labelledby': 'editor-heading' },
      h('div', { class: 'editor-bar' }, back, heading, closingButton),
      alerts.element,
      closing.element,
      editor,
      storageNote.element,
    ),
  );
  openEditor = editor;
  document.title = `Karta – ${APP_NAME}`;
  if (moveFocus) heading.focus();

  void (async () => {
    await editor.updateComplete;
    await editor.ready;
    if (token !== navigation) return;
    if (token === navigation) showTitle(editor.map.title);
  })();
}

setupThemeSwitch();
void navigate(false);
