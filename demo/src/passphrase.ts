import { lock, removePassphrase, setPassphrase, unlock } from 'natverkskarta';
import { askNewPassphrase, askRemovePassphrase } from './dialogs.js';
import { h } from './dom.js';
import { storageMessage, WRONG_PASSPHRASE } from './text.js';

/**
 * Where the passphrase stands in this tab: `none` (the maps are stored readable), `unlocked` (protected, and this
 * tab holds the key), `locked` (protected, and the key is not here), or `unknown` (the store could not be read).
 */
export type LockState = 'none' | 'unlocked' | 'locked' | 'unknown';

export interface PassphraseSectionHooks {
  /** The maps were just protected, locked, or stored readable again: show the list in its new state. */
  changed(state: LockState, message: string): void;
  /** A failure the section cannot show itself. */
  failed(message: string): void;
}

/** "Lösenfras" on the start view: protect the stored maps with a passphrase, lock them now, or remove it. */
export function createPassphraseSection(hooks: PassphraseSectionHooks): {
  element: HTMLElement;
  heading: HTMLElement;
  show(state: LockState): void;
} {
  const heading = h('h2', { class: 'passphrase__heading', id: 'passphrase-heading', tabindex: '-1' }, 'Lösenfras');
  const body = h('div', { class: 'passphrase__body' });
  const element = h('section', { class: 'passphrase', 'aria-labelledby': 'passphrase-heading' }, heading, body);

  const protectButton = h('button', { type: 'button', class: 'button' }, 'Skydda med lösenfras …');
  const lockButton = h('button', { type: 'button', class: 'button button--primary' }, 'Lås nu');
  const removeButton = h('button', { type: 'button', class: 'button' }, 'Ta bort lösenfras …');

  const show = (state: LockState) => {
    element.dataset['state'] = state;
    element.hidden = state === 'unknown';
    switch (state) {
      case 'none':
        body.replaceChildren(
          h(
            'p',
            {},
            'Du kan skydda kartorna med en lösenfras. Då går inget av innehållet att läsa i den här webbläsaren utan lösenfrasen.',
          ),
          h('p', {}, 'En glömd lösenfras går inte att få tillbaka. Då är den exporterade filen den enda kopian av kartan.'),
          h('div', { class: 'button-row' }, protectButton),
        );
        break;
      case 'unlocked':
        body.replaceChildren(
          h(
            'p',
            {},
            h('strong', {}, 'Kartorna är skyddade med en lösenfras. '),
            'De är upplåsta i den här fliken tills du väljer ”Lås nu”, laddar om sidan eller stänger den.',
          ),
          h('div', { class: 'button-row' }, lockButton, removeButton),
        );
        break;
      case 'locked':
        body.replaceChildren(
          h('p', {}, h('strong', {}, 'Kartorna är låsta. '), 'Skriv lösenfrasen i rutan ovan för att öppna dem.'),
        );
        break;
      case 'unknown':
        body.replaceChildren();
        break;
    }
  };

  protectButton.addEventListener('click', async () => {
    const done = await askNewPassphrase(async (passphrase) => {
      try {
        await setPassphrase(passphrase);
        return '';
      } catch (error) {
        return storageMessage('Kartorna kunde inte skyddas, och ingenting har ändrats', error);
      }
    }, protectButton);
    if (!done) return;
    show('unlocked');
    heading.focus();
    hooks.changed('unlocked', 'Kartorna är nu skyddade med lösenfrasen.');
  });

  lockButton.addEventListener('click', () => {
    lock();
    show('locked');
    hooks.changed('locked', 'Kartorna är låsta. Lösenfrasen behövs för att öppna dem igen.');
  });

  removeButton.addEventListener('click', async () => {
    let done: boolean;
    try {
      done = await askRemovePassphrase(async (passphrase) => {
        try {
          return await removePassphrase(passphrase);
        } catch (error) {
          throw new Error(storageMessage('Lösenfrasen kunde inte tas bort', error), { cause: error });
        }
      }, removeButton);
    } catch (error) {
      hooks.failed(error instanceof Error ? error.message : String(error));
      return;
    }
    if (!done) return;
    show('none');
    heading.focus();
    hooks.changed('none', 'Lösenfrasen är borttagen. Kartorna sparas okrypterade i den här webbläsaren.');
  });

  show('unknown');
  return { element, heading, show };
}

/**
 * Shown instead of the list while the maps are protected and locked in this tab. A wrong passphrase says so and
 * changes nothing; the right one calls `unlocked`.
 */
export function createUnlockForm(
  unlocked: () => void,
  failed: (message: string) => void,
): {
  element: HTMLFormElement;
  heading: HTMLElement;
} {
  const heading = h('h2', { class: 'unlock__heading', id: 'list-unlock-heading', tabindex: '-1' }, 'Kartorna är låsta');
  const input = h('input', {
    id: 'list-unlock-passphrase',
    name: 'passphrase',
    type: 'password',
    class: 'field__input',
    required: true,
    autocomplete: 'current-password',
    'aria-describedby': 'list-unlock-error',
  });
  const error = h('p', { id: 'list-unlock-error', class: 'field__error', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button button--primary' }, 'Lås upp');
  const element = h(
    'form',
    { class: 'unlock', 'aria-labelledby': 'list-unlock-heading', novalidate: true },
    heading,
    h(
      'p',
      {},
      'Kartorna är skyddade med en lösenfras. Inget av innehållet kan läsas i den här webbläsaren utan den. Skriv lösenfrasen för att se och öppna kartorna.',
    ),
    h(
      'div',
      { class: 'field unlock__field' },
      h('label', { for: 'list-unlock-passphrase', class: 'field__label' }, 'Lösenfras'),
      input,
      error,
    ),
    h('div', { class: 'button-row' }, submit),
    h(
      'p',
      { class: 'muted unlock__forgotten' },
      'Har lösenfrasen glömts bort? Den går inte att få tillbaka. Kartorna finns då bara kvar i de exporterade filerna, och ”Radera all data” nedan tar bort de låsta kartorna.',
    ),
  );

  const showError = (message: string) => {
    error.textContent = message;
    error.hidden = !message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  input.addEventListener('input', () => showError(''));

  let busy = false;
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    if (!input.value) {
      showError('Skriv lösenfrasen.');
      input.focus();
      return;
    }
    busy = true;
    submit.setAttribute('aria-busy', 'true');
    let ok: boolean;
    try {
      ok = await unlock(input.value);
    } catch (caught) {
      failed(storageMessage('Kartorna kunde inte låsas upp', caught));
      return;
    } finally {
      busy = false;
      submit.removeAttribute('aria-busy');
    }
    if (!ok) {
      showError(WRONG_PASSPHRASE);
      input.select();
      input.focus();
      return;
    }
    input.value = '';
    showError('');
    unlocked();
  });

  return { element, heading };
}
