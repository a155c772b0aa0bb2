/**
 * The package's public API, free of side effects: importing it registers nothing.
 * Import `natverkskarta/define` to register `<natverkskarta-editor>`.
 */
export * from './model/index.js';
export { NatverkskartaEditor, type Changes, type StorageMode } from './elements/natverkskarta-editor.js';
export type { ChangeGroup } from './i18n/change-words.js';
export type {
  NkChangeDetail,
  NkSelectDetail,
  NkErrorDetail,
  NkChangeEvent,
  NkSelectEvent,
  NkErrorEvent,
} from './elements/events.js';
export {
  requestPersistence,
  isProtected,
  isUnlocked,
  unlock,
  lock,
  setPassphrase,
  removePassphrase,
  isStoragePersistent,
  listMaps,
  deleteMap,
  deleteAllData,
  storedRecords,
  loadMap,
  saveMap,
  renameMap,
  StorageError,
  type MapSummary,
  type StoredRecords,
  type StorageErrorKind,
} from './store/index.js';
export {
  translations,
  loadTranslations,
  registerTranslations,
  actorLabel,
  actorDescription,
  categoryLabel,
  sectorLabel,
  formatIssue,
  formatIssues,
  sv,
  type Translations,
  type FieldKey,
} from './i18n/index.js';
export { locate, frameFor, type MapFrame } from './layout/geometry.js';
export type { Positions } from './layout/placement.js';
