import { quoted } from './clean-text.js';
import { isTimestamp } from './timestamp.js';
import { ValidationError } from './validation.js';
import { SCHEMA_VERSION } from './types.js';

type Step = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Version 1 took any string as a timestamp (a 20 MB `createdAt` was stored and exported again). Version 2 holds
 * ISO timestamps only, and refuses anything else. A version 1 timestamp in another form that still reads as a date
 * is rewritten; one that is no date at all becomes the epoch (created) or the creation time (updated), so that
 * every version 1 map still opens.
 */
const toVersion2: Step = (doc) => {
  const timestamp = (value: unknown): string | undefined => {
    if (typeof value !== 'string' || value.length > 40) return undefined;
    const time = Date.parse(value);
    if (Number.isNaN(time)) return undefined;
    // A year past 9999 is written "+010000-…", which version 2 refuses: no date, then.
    const iso = new Date(time).toISOString();
    return isTimestamp(iso) ? iso : undefined;
  };
  const createdAt = timestamp(doc.createdAt) ?? new Date(0).toISOString();
  return {
    ...doc,
    createdAt,
    updatedAt: timestamp(doc.updatedAt) ?? createdAt,
  };
};

/** Version 3 remembers the kinds of contact the kartläggning marked "inte aktuellt": none, before it. */
const toVersion3: Step = (doc) => ({ ...doc, skipped: [] });

/**
 * Version 4 hand-over files may carry the map's versions (`versions`, see `hand-over.ts`): none, before it. The map
 * document itself is as in version 3.
 */
const toVersion4: Step = (doc) => ({ ...doc, versions: [] });

/**
 * One step per released schema version: `STEPS[n]` turns a version-n document into version n + 1. A new format
 * adds its step here and a fixture of the old format under `test/fixtures/documents/`.
 */
const STEPS: Record<number, Step> = { 1: toVersion2, 2: toVersion3, 3: toVersion4 };

/** Brings a document of any released version to `SCHEMA_VERSION`. Refuses newer or unknown versions. */
export function migrate(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ValidationError([{ path: '', code: 'notObject' }]);
  let doc = raw as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new ValidationError([{ path: 'schemaVersion', code: 'unknownVersion', detail: quoted(version) }]);
  if (version > SCHEMA_VERSION)
    throw new ValidationError([{ path: 'schemaVersion', code: 'newerVersion', detail: String(version) }]);
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = STEPS[v];
    if (!step) throw new ValidationError([{ path: 'schemaVersion', code: 'unknownVersion', detail: String(v) }]);
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  return doc;
}
