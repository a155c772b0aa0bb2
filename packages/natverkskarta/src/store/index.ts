export { loadMapRevision, saveMapRevision, deleteDraft, type MapRevision } from './maps.js';
export { writeDraftNow } from './drafts.js';
export { isProtected, isUnlocked, unlock, lock, setPassphrase, removePassphrase } from './lock.js';
export { listen, type StoreMessage } from './sync.js';
export {
  loadMap,
  saveMap,
  listMaps,
  renameMap,
  deleteMap,
  deleteAllData,
  storedRecords,
  type MapSummary,
  type StoredRecords,
} from './maps.js';
export { requestPersistence, isStoragePersistent } from './persistence.js';
export { RevisionConflict, StorageError, type StorageErrorKind } from './errors.js';
export { DB_NAME, DB_VERSION, type NatverkskartaDB, type StoredMap } from './schema.js';
