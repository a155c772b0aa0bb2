import { describe, it, expect } from 'vitest';
import {
  CATALOGUE,
  CENTRE_ID,
  DEFAULT_SECTOR_IDS,
  OTHER_CATEGORY,
  RINGS,
  SCHEMA_VERSION,
  catalogueEntry,
  createMap,
  defaultSectors,
  findActor,
  isCategoryId,
  isTieEnd,
} from '../../packages/natverkskarta/src/model/index.js';
import { actor, emptyMap, FIXED_NOW } from './model-helpers.js';

const REQUIRED_CATEGORIES = [
  'lss',
  'socialtjanst',
  'korttids',
  'assistans',
  'kontaktperson',
  'anhorigstod',
  'personligt-ombud',
  'bup',
  'habilitering',
  'vardcentral',
  'bvc',
  'barnklinik',
  'tandvard',
  'hjalpmedel',
  'forskola',
  'skola',
  'mentor',
  'elevhalsa',
  'fritidshem',
  'forsakringskassan',
  'arbetsformedlingen',
  'fub',
  'rbu',
  'autism',
  'downforeningen',
  'foralder',
  'syskon',
  'farforalder',
  'slakting',
  'van',
  'granne',
  'annan',
];

describe('catalogue', () => {
  it.each(REQUIRED_CATEGORIES)('offers the category %s with a default sector', (id) => {
    const entry = catalogueEntry(id);
    expect(entry, id).toBeDefined();
    expect(DEFAULT_SECTOR_IDS).toContain(entry!.sector);
    expect(isCategoryId(id)).toBe(true);
  });

  it('has unique ids', () => {
    const ids = CATALOGUE.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts every entry in a default sector and a valid ring', () => {
    for (const entry of CATALOGUE) {
      expect(DEFAULT_SECTOR_IDS, entry.id).toContain(entry.sector);
      expect(RINGS, entry.id).toContain(entry.ring);
    }
  });

  it('places categories in the sector responsible for them', () => {
    const sectorOf = (id: string) => catalogueEntry(id)?.sector;
    expect(sectorOf('bup')).toBe('region');
    expect(sectorOf('lss')).toBe('municipality');
    expect(sectorOf('skola')).toBe('school');
    expect(sectorOf('forsakringskassan')).toBe('state');
    expect(sectorOf('fub')).toBe('civil');
    expect(sectorOf('foralder')).toBe('family');
  });

  it('offers at least one category in every default sector', () => {
    for (const sector of DEFAULT_SECTOR_IDS)
      expect(
        CATALOGUE.some((entry) => entry.sector === sector),
        sector,
      ).toBe(true);
  });

  it('knows nothing of unknown or differently cased ids', () => {
    expect(catalogueEntry('nope')).toBeUndefined();
    expect(isCategoryId('BUP')).toBe(false);
    expect(isCategoryId('')).toBe(false);
  });

  it('names annan as the fallback category', () => {
    expect(OTHER_CATEGORY).toBe('annan');
    expect(isCategoryId(OTHER_CATEGORY)).toBe(true);
  });
});

describe('createMap', () => {
  it('makes an empty map with the six default sectors and the current schema version', () => {
    const map = createMap({ id: 'x', title: 'Familjen Lind', now: FIXED_NOW });
    expect(map).toEqual({
      schemaVersion: 4,
      id: 'x',
      title: 'Familjen Lind',
      sectors: [{ id: 'family' }, { id: 'municipality' }, { id: 'school' }, { id: 'region' }, { id: 'state' }, { id: 'civil' }],
      actors: [],
      ties: [],
      skipped: [],
      createdAt: '2024-05-01T10:00:00.000Z',
      updatedAt: '2024-05-01T10:00:00.000Z',
    });
    expect(SCHEMA_VERSION).toBe(4);
  });

  it('gives each new map a fresh id, an empty title and the current time by default', () => {
    const before = Date.now();
    const first = createMap();
    const second = createMap();
    expect(first.id).not.toBe(second.id);
    expect(first.id.length).toBeGreaterThan(0);
    expect(first.title).toBe('');
    expect(Date.parse(first.createdAt)).toBeGreaterThanOrEqual(before);
    expect(first.updatedAt).toBe(first.createdAt);
  });

  it('does not share its sector list between maps', () => {
    const first = createMap();
    first.sectors.push({ id: 'extra' });
    expect(createMap().sectors).toHaveLength(6);
    expect(defaultSectors()).toHaveLength(6);
  });
});

describe('findActor and isTieEnd', () => {
  it('finds actors by id and accepts the centre as a tie end', () => {
    const map = emptyMap();
    const withActor = {
      ...map,
      actors: [actor(map, 'a', { category: 'bup' })],
    };
    expect(findActor(withActor, 'a')?.category).toBe('bup');
    expect(findActor(withActor, 'b')).toBeUndefined();
    expect(isTieEnd(withActor, 'a')).toBe(true);
    expect(isTieEnd(withActor, CENTRE_ID)).toBe(true);
    expect(isTieEnd(withActor, 'b')).toBe(false);
  });
});
