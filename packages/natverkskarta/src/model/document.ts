import { newId } from './ids.js';
import { CENTRE_ID, DEFAULT_SECTOR_IDS, SCHEMA_VERSION, type Actor, type MapDocument, type Sector } from './types.js';

export function defaultSectors(): Sector[] {
  return DEFAULT_SECTOR_IDS.map((id) => ({ id }));
}

export interface NewMapOptions {
  id?: string;
  title?: string;
  /** The creation time; the current time when absent. */
  now?: Date;
}

/** An empty map with the default sectors. */
export function createMap(options: NewMapOptions = {}): MapDocument {
  const now = (options.now ?? new Date()).toISOString();
  return {
    schemaVersion: SCHEMA_VERSION,
    id: options.id ?? newId(),
    title: options.title ?? '',
    sectors: defaultSectors(),
    actors: [],
    ties: [],
    skipped: [],
    createdAt: now,
    updatedAt: now,
  };
}

export function findActor(map: MapDocument, id: string): Actor | undefined {
  return map.actors.find((actor) => actor.id === id);
}

/** True for an id a tie may end at: an actor of the map or the family at the centre. */
export function isTieEnd(map: MapDocument, id: string): boolean {
  return id === CENTRE_ID || map.actors.some((actor) => actor.id === id);
}
