import { byId } from './dom.js';
import { deleteAllQuestion, deleteQuestion } from './text.js';

/**
 * Opens a modal dialog whose form has `method="dialog"`; resolves with the value of the button that closed it
 * ('' when closed with Escape). `validate` may veto a confirming submit. Focus goes back to `trigger` afterwards.
 */
function run(dialog: HTMLDialogElement, trigger: HTMLElement | null, validate?: () => boolean): Promise<string> {
  const form = dialog.querySelector('form')!;
  return new Promise((resolve) => {
    const onSubmit = (event: SubmitEvent) => {
      const value = (event.submitter as HTMLButtonElement | null)?.value ?? 'confirm';
      if (value === 'confirm' && validate && !validate()) event.preventDefault();
    };
    // "Avbryt" is not a submit button: pressing Enter in a field must confirm, never cancel.
    const onCancel = (event: MouseEvent) => {
      if ((event.target as Element).closest('[data-close]')) dialog.close('cancel');
    };
    const onClose = () => {
      form.removeEventListener('submit', onSubmit);
      form.removeEventListener('click', onCancel);
      if (trigger?.isConnected) trigger.focus();
      resolve(dialog.returnValue);
    };
    form.addEventListener('submit', onSubmit);
    form.addEventListener('click', onCancel);
    dialog.addEventListener('close', onClose, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
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
  const showError = (message: string) => {
    error.textContent = message;
    error.hidden = !message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
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

/** "Avsluta och radera": asks before every map and all other data in this browser are deleted. */
export async function confirmDeleteAll(count: number, trigger: HTMLElement | null): Promise<boolean> {
  byId('delete-all-text').textContent = deleteAllQuestion(count);
  return (await run(byId<HTMLDialogElement>('delete-all-dialog'), trigger)) === 'confirm';
}
