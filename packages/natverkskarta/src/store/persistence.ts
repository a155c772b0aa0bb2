/**
 * Asks the browser to keep this site's storage when space runs low (and, in Safari, beyond seven days without
 * a visit). Browsers grant it from a user's action, so the editor asks at the first real edit.
 */
export async function requestPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

/** Whether the browser has promised to keep the stored maps. */
export async function isStoragePersistent(): Promise<boolean> {
  try {
    return (await navigator.storage?.persisted?.()) ?? false;
  } catch {
    return false;
  }
}
