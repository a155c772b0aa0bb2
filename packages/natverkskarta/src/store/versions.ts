import { restoreVersion } from '../model/hand-over.js';
import { byOldest } from '../model/version-order.js';
import type { MapVersion } from '../model/types.js';
import { database } from './database.js';
import { run } from './errors.js';
import { encode, open } from './lock.js';
import type { StoredVersion } from './schema.js';
import { announce } from './sync.js';

async function record(mapId: string, version: MapVersion): Promise<StoredVersion> {
  return { mapId, id: version.id, savedAt: version.savedAt, ...(await encode({ label: version.label, map: version.map })) };
}

/**
 * Stores versions of a map (sealed by the passphrase like the map), and tells the other tabs. One already stored
 * under its id stays as it is: a version is read-only, and the same file imported twice adds nothing.
 */
export async function saveVersions(mapId: string, versions: readonly MapVersion[], by?: string): Promise<void> {
  if (versions.length === 0) return;
  await run(async () => {
    // Sealed before the transaction opens: it must not wait on anything but its own requests.
    const records = await Promise.all(versions.map((version) => record(mapId, version)));
    const tx = (await database()).transaction('versions', 'readwrite');
    const known = new Set((await tx.store.index('mapId').getAllKeys(mapId)).map(([, id]) => id));
    for (const stored of records) if (!known.has(stored.id)) void tx.store.put(stored);
    await tx.done;
  });
  announce({ type: 'versions', id: mapId, ...(by ? { by } : {}) });
}

/** A map's versions, oldest first, each checked as a map is; one that cannot be read is left out, never half-read. */
export async function loadVersions(mapId: string): Promise<MapVersion[]> {
  return run(async () => {
    const records = await (await database()).getAllFromIndex('versions', 'mapId', mapId);
    const versions: MapVersion[] = [];
    for (const stored of records) {
      const opened = (await open(stored)) as { label?: unknown; map?: unknown } | undefined;
      try {
        versions.push(restoreVersion({ id: stored.id, savedAt: stored.savedAt, ...opened }, mapId));
      } catch {
        // A damaged record hides that version only; the map and the other versions still open.
      }
    }
    return versions.sort(byOldest);
  });
}
