import type { MapDocument, MapVersion, VersionInfo } from './types.js';

/**
 * The hand-over file: the map as it is now and, from schema version 4 on, its versions (`versions`, oldest first),
 * each the whole map as it was. A map without versions writes no `versions` at all, so that its file is the map
 * document as before.
 */
export interface HandOver {
  map: MapDocument;
  versions: MapVersion[];
}

/** The file's text, as `exportJson` gives it. */
export function handOverJson(map: MapDocument, versions: readonly MapVersion[]): string {
  const file =
    versions.length === 0
      ? map
      : { ...map, versions: versions.map(({ id, label, savedAt, map }) => ({ id, label, savedAt, map })) };
  return JSON.stringify(file, null, 2);
}

export function versionInfo(version: MapVersion): VersionInfo {
  return { id: version.id, label: version.label, savedAt: version.savedAt, actorCount: version.map.actors.length };
}
