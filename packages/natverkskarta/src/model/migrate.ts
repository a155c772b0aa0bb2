import { ValidationError } from './validation.js';
import { SCHEMA_VERSION } from './types.js';

/**
 * One step per released schema version: `STEPS[n]` turns a version-n document into version n + 1.
 * Version 1 is the first released format, so there is nothing to step through yet; a new format adds its
 * step here and a fixture of the old format under `test/fixtures/`.
 */
const STEPS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

/** Brings a document of any released version to `SCHEMA_VERSION`. Refuses newer or unknown versions. */
export function migrate(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ValidationError([{ path: '', code: 'notObject' }]);
  let doc = raw as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new ValidationError([{ path: 'schemaVersion', code: 'unknownVersion', detail: String(version) }]);
  if (version > SCHEMA_VERSION)
    throw new ValidationError([{ path: 'schemaVersion', code: 'newerVersion', detail: String(version) }]);
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = STEPS[v];
    if (!step) throw new ValidationError([{ path: 'schemaVersion', code: 'unknownVersion', detail: String(v) }]);
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  return doc;
}
