import { CATALOGUE, type CatalogueEntry } from './catalogue.js';
import type { MapDocument } from './types.js';

/**
 * The kartläggning's questions: every kind of contact in the catalogue ("Annan" aside), sector by sector in the
 * map's order of sectors, the most common first within each.
 */
export function walkEntries(map: MapDocument): CatalogueEntry[] {
  return map.sectors.flatMap((sector) => CATALOGUE.filter((entry) => entry.sector === sector.id && entry.id !== 'annan'));
}

/** Answered: the map has a contact of that kind (present, needed or ended), or it was marked "inte aktuellt". */
export function isAnswered(map: MapDocument, category: string): boolean {
  return map.skipped.includes(category) || map.actors.some((actor) => actor.category === category);
}

/** The first question not yet answered, from `from` on and then from the start; -1 when every one is. */
export function firstUnanswered(map: MapDocument, from = 0): number {
  const entries = walkEntries(map);
  for (let step = 0; step < entries.length; step++) {
    const index = (from + step) % entries.length;
    if (!isAnswered(map, entries[index]!.id)) return index;
  }
  return -1;
}

/** Where a question stands within its sector: the third of seven. */
export function placeInSector(map: MapDocument, index: number): { sector: string; position: number; of: number } {
  const entries = walkEntries(map);
  const entry = entries[index]!;
  const sectorEntries = entries.filter((other) => other.sector === entry.sector);
  return { sector: entry.sector, position: sectorEntries.indexOf(entry) + 1, of: sectorEntries.length };
}
