import type { MapVersion } from './types.js';

/**
 * Versions in the order they were saved, oldest first: the order they are listed, stored and carried in. A module of
 * its own, so that the session (on the first screen) has it without the hand-over file's checks.
 */
export function byOldest(a: MapVersion, b: MapVersion): number {
  return a.savedAt.localeCompare(b.savedAt);
}
