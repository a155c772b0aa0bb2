import { formatIssues, type Translations } from '../i18n/index.js';
import { ValidationError, type ValidationIssue } from '../model/validation.js';
import { StorageError } from '../store/errors.js';

/** Refused input, with the reasons in the UI language ("Ogiltig uppgift: …"). */
export function invalidInput(t: Translations, issues: readonly ValidationIssue[]): ValidationError {
  return new ValidationError(issues, t.errors.invalidInput(formatIssues(t, issues)));
}

/** A hand-over file refused, with the reasons in the UI language; a storage failure as `localized` tells it. */
export function refusedFile(t: Translations, error: unknown): Error {
  if (error instanceof ValidationError)
    return new ValidationError(error.issues, t.errors.importFailed(formatIssues(t, error.issues)));
  return localized(t, error);
}

/** A storage failure with a message in the UI language that says what the user can do; other errors as they are. */
export function localized(t: Translations, error: unknown): Error {
  if (!(error instanceof StorageError)) return error instanceof Error ? error : new Error(String(error));
  const { errors } = t;
  const shown = new StorageError(error.kind, error.cause ?? error);
  const messages: Partial<Record<StorageError['kind'], string>> = {
    full: errors.storageFull,
    unavailable: errors.storageUnavailable,
    locked: errors.locked,
    deleted: errors.deletedElsewhere,
  };
  shown.message = messages[error.kind] ?? errors.saveFailed;
  return shown;
}

/** An edit refused because the maps are locked: there is no map to edit until they are unlocked. */
export function lockedEdit(t: Translations): StorageError {
  const error = new StorageError('locked', 'the maps are locked');
  error.message = t.errors.lockedEdit;
  return error;
}
