import type { DefaultSectorId, Ring } from './types.js';

/** One kind of contact a family may have. Its labels live in the translation tables (`i18n/`). */
export interface CatalogueEntry {
  id: CategoryId;
  sector: DefaultSectorId;
  /** Where a new actor of this kind starts; the user moves it to where it belongs for this family. */
  ring: Ring;
}

/** Ordered as they are offered: by sector, the most common first. */
export const CATALOGUE = [
  { id: 'foralder', sector: 'family', ring: 1 },
  { id: 'syskon', sector: 'family', ring: 1 },
  { id: 'farforalder', sector: 'family', ring: 2 },
  { id: 'slakting', sector: 'family', ring: 2 },
  { id: 'van', sector: 'family', ring: 2 },
  { id: 'granne', sector: 'family', ring: 3 },
  { id: 'lss', sector: 'municipality', ring: 2 },
  { id: 'socialtjanst', sector: 'municipality', ring: 2 },
  { id: 'korttids', sector: 'municipality', ring: 2 },
  { id: 'assistans', sector: 'municipality', ring: 1 },
  { id: 'kontaktperson', sector: 'municipality', ring: 2 },
  { id: 'anhorigstod', sector: 'municipality', ring: 3 },
  { id: 'personligt-ombud', sector: 'municipality', ring: 3 },
  { id: 'forskola', sector: 'school', ring: 1 },
  { id: 'skola', sector: 'school', ring: 1 },
  { id: 'mentor', sector: 'school', ring: 1 },
  { id: 'elevhalsa', sector: 'school', ring: 2 },
  { id: 'fritidshem', sector: 'school', ring: 1 },
  { id: 'bup', sector: 'region', ring: 2 },
  { id: 'habilitering', sector: 'region', ring: 2 },
  { id: 'vardcentral', sector: 'region', ring: 3 },
  { id: 'bvc', sector: 'region', ring: 2 },
  { id: 'barnklinik', sector: 'region', ring: 3 },
  { id: 'tandvard', sector: 'region', ring: 3 },
  { id: 'hjalpmedel', sector: 'region', ring: 3 },
  { id: 'forsakringskassan', sector: 'state', ring: 3 },
  { id: 'arbetsformedlingen', sector: 'state', ring: 3 },
  { id: 'fub', sector: 'civil', ring: 3 },
  { id: 'rbu', sector: 'civil', ring: 3 },
  { id: 'autism', sector: 'civil', ring: 3 },
  { id: 'downforeningen', sector: 'civil', ring: 3 },
  { id: 'fritid', sector: 'civil', ring: 2 },
  { id: 'annan', sector: 'family', ring: 2 },
] as const satisfies readonly { id: string; sector: DefaultSectorId; ring: Ring }[];

export type CategoryId = (typeof CATALOGUE)[number]['id'];

/** The category of a contact that fits no catalogue entry; it takes its sector from the input. */
export const OTHER_CATEGORY: CategoryId = 'annan';

const byId: ReadonlyMap<string, CatalogueEntry> = new Map(CATALOGUE.map((entry) => [entry.id, entry]));

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return byId.get(id);
}

export function isCategoryId(id: string): id is CategoryId {
  return byId.has(id);
}
