import { byId } from './dom.js';
import { deleteAllQuestion, deleteQuestion, MIN_PASSPHRASE, WRONG_PASSPHRASE } from './text.js';

/**
 * Opens a modal dialog whose form has `method="dialog"`; resolves with the value of the button that closed it
 * ('' when closed with Escape). `validate` may veto a confirming submit, at once or after some work (while it works,
 * the dialog cannot be cancelled and a second submit is ignored). Focus goes back to `trigger` afterwards.
 */
function run(
  dialog: HTMLDialogElement,
  trigger: HTMLElement | null,
  validate?: () => boolean | Promise<boolean>,
): Promise<string> {
  const form = dialog.querySelector('form')!;
  let busy = false;
  return new Promise((resolve) => {
    const onSubmit = (event: SubmitEvent) => {
      const value = (event.submitter as HTMLButtonElement | null)?.value ?? 'confirm';
      if (value !== 'confirm' || !validate) return;
      if (busy) {
        event.preventDefault();
        return;
      }
      const verdict = validate();
      if (verdict === true) return;
      event.preventDefault();
      if (verdict === false) return;
      busy = true;
      form.setAttribute('aria-busy', 'true');
      void verdict
        .catch(() => false)
        .then((ok) => {
          busy = false;
          form.removeAttribute('aria-busy');
          if (ok && dialog.open) dialog.close('confirm');
        });
    };
    // "Avbryt" is not a submit button: pressing Enter in a field must confirm, never cancel.
    const onCancel = (event: MouseEvent) => {
      if (!busy && (event.target as Element).closest('[data-close]')) dialog.close('cancel');
    };
    // Escape while the work is under way would hide a change that is still being made.
    const onEscape = (event: Event) => {
      if (busy) event.preventDefault();
    };
    const onClose = () => {
      form.removeEventListener('submit', onSubmit);
      form.removeEventListener('click', onCancel);
      dialog.removeEventListener('cancel', onEscape);
      if (trigger?.isConnected) trigger.focus();
      resolve(dialog.returnValue);
    };
    form.addEventListener('submit', onSubmit);
    form.addEventListener('click', onCancel);
    dialog.addEventListener('cancel', onEscape);
    dialog.addEventListener('close', onClose, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}

/** A field's error message, tied to its input by `aria-describedby` in the page; '' hides it. */
function fieldError(input: HTMLInputElement, error: HTMLElement): (message: string) => void {
  return (message: string) => {
    error.textContent = message;
    error.hidden = !message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
}

/** Asks for a family's name in the dialog with this id; resolves with the trimmed name, or null when cancelled. */
async function askName(
  dialogId: string,
  inputId: string,
  errorId: string,
  initial: string,
  trigger: HTMLElement | null,
): Promise<string | null> {
  const dialog = byId<HTMLDialogElement>(dialogId);
  const input = byId<HTMLInputElement>(inputId);
  const error = byId<HTMLParagraphElement>(errorId);
  const showError = fieldError(input, error);
  const onInput = () => {
    if (input.value.trim()) showError('');
  };
  input.value = initial;
  showError('');
  input.addEventListener('input', onInput);
  const result = await run(dialog, trigger, () => {
    if (input.value.trim()) return true;
    showError('Skriv familjens namn.');
    input.focus();
    return false;
  });
  input.removeEventListener('input', onInput);
  return result === 'confirm' ? input.value.trim() : null;
}

export function askNewMapName(trigger: HTMLElement | null): Promise<string | null> {
  return askName('new-map-dialog', 'new-map-name', 'new-map-error', '', trigger);
}

export function askRename(current: string, trigger: HTMLElement | null): Promise<string | null> {
  const input = byId<HTMLInputElement>('rename-name');
  const promise = askName('rename-dialog', 'rename-name', 'rename-error', current, trigger);
  input.select();
  return promise;
}

export async function confirmDelete(title: string, trigger: HTMLElement | null): Promise<boolean> {
  byId('delete-text').textContent = deleteQuestion(title);
  return (await run(byId<HTMLDialogElement>('delete-dialog'), trigger)) === 'confirm';
}

/**
 * "Avsluta och radera": asks before every map and all other data in this browser are deleted.
 * `count` is null while the maps are locked and cannot be counted.
 */
export async function confirmDeleteAll(count: number | null, trigger: HTMLElement | null): Promise<boolean> {
  byId('delete-all-text').textContent = deleteAllQuestion(count);
  return (await run(byId<HTMLDialogElement>('delete-all-dialog'), trigger)) === 'confirm';
}

/**
 * "Skydda med lösenfras": the passphrase twice. `protect` does the work while the dialog stays open, and resolves
 * with a message for the user when it failed ('' when it worked). Resolves with true once the maps are protected.
 */
export async function askNewPassphrase(
  protect: (passphrase: string) => Promise<string>,
  trigger: HTMLElement | null,
): Promise<boolean> {
  const dialog = byId<HTMLDialogElement>('protect-dialog');
  const first = byId<HTMLInputElement>('protect-passphrase');
  const second = byId<HTMLInputElement>('protect-repeat');
  const firstError = fieldError(first, byId('protect-passphrase-error'));
  const secondError = fieldError(second, byId('protect-repeat-error'));
  const failure = byId('protect-failure');
  const progress = byId('protect-progress');
  const showFailure = (message: string) => {
    failure.textContent = message;
    failure.hidden = !message;
  };
  const reset = () => {
    first.value = '';
    second.value = '';
    firstError('');
    secondError('');
    showFailure('');
    progress.textContent = '';
  };
  const onInput = (event: Event) => {
    if (event.target === first && first.value.length >= MIN_PASSPHRASE) firstError('');
    if (second.value === first.value) secondError('');
  };
  reset();
  dialog.addEventListener('input', onInput);
  const result = await run(dialog, trigger, async () => {
    showFailure('');
    const passphrase = first.value;
    const short =
      passphrase.length === 0
        ? 'Skriv en lösenfras.'
        : passphrase.length < MIN_PASSPHRASE
          ? `Lösenfrasen är för kort: den behöver minst ${MIN_PASSPHRASE} tecken, och har ${passphrase.length}.`
          : '';
    const mismatch =
      !short && second.value !== passphrase
        ? second.value
          ? 'Lösenfraserna är inte likadana. Skriv samma lösenfras i båda fälten.'
          : 'Skriv lösenfrasen en gång till här.'
        : '';
    firstError(short);
    secondError(mismatch);
    if (short || mismatch) {
      (short ? first : second).focus();
      return false;
    }
    progress.textContent = 'Krypterar kartorna …';
    const problem = await protect(passphrase);
    progress.textContent = '';
    if (!problem) return true;
    showFailure(problem);
    first.focus();
    return false;
  });
  dialog.removeEventListener('input', onInput);
  // The passphrase does not stay in the page.
  reset();
  return result === 'confirm';
}

/**
 * "Ta bort lösenfras": asks for the passphrase; `remove` resolves with false when it is wrong (nothing changed),
 * which the dialog says, or throws with a message for the user. Resolves with true once the passphrase is removed.
 */
export async function askRemovePassphrase(
  remove: (passphrase: string) => Promise<boolean>,
  trigger: HTMLElement | null,
): Promise<boolean> {
  const dialog = byId<HTMLDialogElement>('remove-passphrase-dialog');
  const input = byId<HTMLInputElement>('remove-passphrase');
  const showError = fieldError(input, byId('remove-passphrase-error'));
  const progress = byId('remove-passphrase-progress');
  const reset = () => {
    input.value = '';
    showError('');
    progress.textContent = '';
  };
  const onInput = () => showError('');
  reset();
  input.addEventListener('input', onInput);
  const result = await run(dialog, trigger, async () => {
    if (!input.value) {
      showError('Skriv lösenfrasen.');
      input.focus();
      return false;
    }
    progress.textContent = 'Kontrollerar lösenfrasen …';
    let message = '';
    try {
      if (!(await remove(input.value))) message = WRONG_PASSPHRASE;
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    progress.textContent = '';
    if (!message) return true;
    showError(message);
    input.select();
    return false;
  });
  input.removeEventListener('input', onInput);
  reset();
  return result === 'confirm';
}
