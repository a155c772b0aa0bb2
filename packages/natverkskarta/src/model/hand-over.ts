import { quoted } from './clean-text.js';
import { LIMITS, megabytes } from './limits.js';
import { checkId, isRecord, readJson, restoreMap } from './restore.js';
import { isTimestamp } from './timestamp.js';
import type { MapDocument, MapVersion } from './types.js';
import { ValidationError, type ValidationIssue } from './validation.js';
import type { HandOver } from './versions.js';
import { versionLabel } from './version-label.js';
import { byOldest } from './version-order.js';

/** How long each version's part of a hand-over file is, measured once: a version never changes. */
const measured = new WeakMap<MapVersion, { length: number; lines: number }>();

function measure(version: MapVersion): { length: number; lines: number } {
  let found = measured.get(version);
  if (!found) {
    const { id, label, savedAt, map } = version;
    const text = JSON.stringify({ id, label, savedAt, map }, null, 2);
    found = { length: text.length, lines: text.split('\n').length };
    measured.set(version, found);
  }
  return found;
}

/**
 * The length of `handOverJson(map, versions)`, without writing it whole: the map's text, and each version's as it
 * sits in the file's `versions` list, four spaces further in on every line.
 */
export function handOverLength(map: MapDocument, versions: readonly MapVersion[]): number {
  const mapLength = JSON.stringify(map, null, 2).length;
  if (versions.length === 0) return mapLength;
  // The map's closing "\n}" gives way to ',\n  "versions": [\n' … '\n  ]\n}', the versions apart by ",\n".
  let length = mapLength - 2 + ',\n  "versions": [\n'.length + '\n  ]\n}'.length + 2 * (versions.length - 1);
  for (const version of versions) {
    const { length: text, lines } = measure(version);
    length += text + 4 * lines;
  }
  return length;
}

/** Refused when the map with these versions would make a hand-over file too large to be opened again. */
export function checkHandOverLength(map: MapDocument, versions: readonly MapVersion[]): void {
  if (handOverLength(map, versions) > LIMITS.fileSize)
    throw new ValidationError([{ path: '', code: 'versionsTooLarge', detail: megabytes(LIMITS.fileSize) }]);
}

/**
 * A version as stored or carried in a file, checked as the map is: its id, name and date, and its map through
 * `restoreMap` (migrated, every field checked). The version's map takes the map's id.
 */
export function restoreVersion(raw: unknown, mapId: string, path = 'version'): MapVersion {
  if (!isRecord(raw)) throw new ValidationError([{ path, code: 'notObject' }]);
  const issues: ValidationIssue[] = [];
  checkId(raw.id, `${path}.id`, issues);
  let label = '';
  try {
    label = versionLabel(raw.label, `${path}.label`);
  } catch (error) {
    if (error instanceof ValidationError) issues.push(...error.issues);
  }
  if (!isTimestamp(raw.savedAt))
    issues.push({ path: `${path}.savedAt`, code: 'invalidTimestamp', detail: quoted(raw.savedAt ?? '') });
  let map: MapDocument | undefined;
  try {
    map = restoreMap(raw.map);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues.map((issue) => ({ ...issue, path: `${path}.map${issue.path ? `.${issue.path}` : ''}` })));
  }
  if (issues.length > 0 || !map) throw new ValidationError(issues);
  return { id: String(raw.id), label, savedAt: String(raw.savedAt), map: { ...map, id: mapId } };
}

/**
 * A hand-over file of any released version, restored: the map through `restoreMap`, then each version. Too many
 * versions are refused before one is read; two with the same id are one.
 */
export function restoreHandOver(raw: unknown): HandOver {
  const map = restoreMap(raw);
  const listed = isRecord(raw) && raw.versions !== undefined ? raw.versions : [];
  if (!Array.isArray(listed)) throw new ValidationError([{ path: 'versions', code: 'notList' }]);
  if (listed.length > LIMITS.versions)
    throw new ValidationError([{ path: 'versions', code: 'tooMany', detail: String(LIMITS.versions) }]);
  const versions: MapVersion[] = [];
  for (const [index, item] of listed.entries()) {
    const version = restoreVersion(item, map.id, `versions[${index}]`);
    if (!versions.some((known) => known.id === version.id)) versions.push(version);
  }
  return { map, versions: versions.sort(byOldest) };
}

/** Parses a hand-over file's text and restores it, as `parseMapJson` does the map alone. */
export function parseHandOver(textContent: string): HandOver {
  return restoreHandOver(readJson(textContent));
}
