import type { MapDocument } from '../model/types.js';

export interface NkChangeDetail {
  map: MapDocument;
}
export interface NkSelectDetail {
  /** The selected actor, or null when nothing is selected. */
  actorId: string | null;
}
export interface NkErrorDetail {
  /** A `StorageError`, a `ValidationError` (bad import) or another failure; its message is in the UI language. */
  error: Error;
}

export type NkChangeEvent = CustomEvent<NkChangeDetail>;
export type NkSelectEvent = CustomEvent<NkSelectDetail>;
export type NkErrorEvent = CustomEvent<NkErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'nk-change': NkChangeEvent;
    'nk-select': NkSelectEvent;
    'nk-error': NkErrorEvent;
  }
}

/** The editor's events all bubble and cross shadow boundaries, so a host can listen anywhere above. */
export function editorEvent<K extends 'nk-change' | 'nk-select' | 'nk-error'>(
  type: K,
  detail: GlobalEventHandlersEventMap[K]['detail'],
): CustomEvent<GlobalEventHandlersEventMap[K]['detail']> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}
