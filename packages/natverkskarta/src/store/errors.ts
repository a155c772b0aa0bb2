import type { MapDocument } from '../model/types.js';

/** Why the store could not do what was asked; the editor turns the kind into a message in the user's language. */
export type StorageErrorKind = 'unavailable' | 'full' | 'failed' | 'conflict' | 'locked' | 'deleted';

export class StorageError extends Error {
  readonly kind: StorageErrorKind;

  constructor(kind: StorageErrorKind, cause: unknown) {
    super(`Storage ${kind}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StorageError';
    this.kind = kind;
  }
}

/** Another tab stored a newer version of the map since this one was loaded or saved. */
export class RevisionConflict extends StorageError {
  /** What is stored now. */
  readonly current: { doc: MapDocument; revision: number };

  constructor(current: { doc: MapDocument; revision: number }) {
    super('conflict', `map ${current.doc.id} is at revision ${current.revision}`);
    this.name = 'RevisionConflict';
    this.current = current;
  }
}

/** Sorts a failure from IndexedDB into the kinds a user can act on. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return new StorageError('full', error);
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError' || name === 'NotFoundError')
    return new StorageError('unavailable', error);
  return new StorageError('failed', error);
}

/** Runs work on the store, its failure sorted into the kinds a user can act on (`toStorageError`). */
export async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error);
  }
}
