import { checkActorFields, TITLE_LIMIT, ValidationError, isTieKind, type IssueCode, type ValidationIssue } from './validation.js';
import { CENTRE_ID, SCHEMA_VERSION, type Actor, type MapDocument, type Sector, type Tie } from './types.js';
import { cleanText, quoted } from './clean-text.js';
import { LIMITS, megabytes } from './limits.js';
import { isTimestamp } from './timestamp.js';
import { migrate } from './migrate.js';
import { isCategoryId } from './catalogue.js';

const MAX_ISSUES = 50;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string => (typeof value === 'string' ? cleanText(value) : '');

/** Refuses at once a list longer than its limit, before a single item of it is read. */
function checkCounts(doc: Record<string, unknown>): void {
  const counts: [unknown, number, IssueCode, string][] = [
    [doc.actors, LIMITS.actors, 'tooManyActors', ''],
    [doc.ties, LIMITS.ties, 'tooManyTies', ''],
    [doc.sectors, LIMITS.sectors, 'tooManySectors', ''],
    [doc.skipped, LIMITS.skipped, 'tooMany', 'skipped'],
  ];
  const issues: ValidationIssue[] = counts
    .filter(([list, limit]) => Array.isArray(list) && list.length > limit)
    .map(([, limit, code, path]) => ({ path, code, detail: String(limit) }));
  if (issues.length > 0) throw new ValidationError(issues);
}

/** An id: text, not empty, within the limit. */
export function checkId(value: unknown, path: string, issues: ValidationIssue[]): value is string {
  if (typeof value !== 'string' || value === '') issues.push({ path, code: 'required' });
  else if (value.length > LIMITS.idLength) issues.push({ path, code: 'tooLong', detail: String(LIMITS.idLength) });
  else return true;
  return false;
}

/**
 * Every stored or imported document comes in through here: migrated to the current schema, checked field by
 * field, and rebuilt from known fields only (unknown fields are dropped, missing optional ones get defaults).
 * Throws a `ValidationError` listing what is wrong; never returns a half-read document.
 */
export function restoreMap(raw: unknown): MapDocument {
  if (isRecord(raw)) checkCounts(raw);
  const doc = migrate(raw);
  const issues: ValidationIssue[] = [];

  if (typeof doc.id !== 'string' || doc.id.trim() === '') issues.push({ path: 'id', code: 'required' });
  else checkId(doc.id, 'id', issues);
  if (doc.title !== undefined && typeof doc.title !== 'string') issues.push({ path: 'title', code: 'notText' });
  else if (text(doc.title).length > TITLE_LIMIT) issues.push({ path: 'title', code: 'tooLong', detail: String(TITLE_LIMIT) });

  const sectors: Sector[] = [];
  if (!Array.isArray(doc.sectors) || doc.sectors.length === 0) issues.push({ path: 'sectors', code: 'notList' });
  else
    doc.sectors.forEach((sector: unknown, i) => {
      if (!isRecord(sector) || !checkId(sector.id, `sectors[${i}].id`, issues)) return;
      const id = sector.id;
      if (sectors.some((s) => s.id === id)) issues.push({ path: `sectors[${i}].id`, code: 'duplicateId', detail: quoted(id) });
      if (sector.label !== undefined && typeof sector.label !== 'string')
        issues.push({ path: `sectors[${i}].label`, code: 'notText' });
      else if (typeof sector.label === 'string' && sector.label.length > LIMITS.sectorLabel)
        issues.push({ path: `sectors[${i}].label`, code: 'tooLong', detail: String(LIMITS.sectorLabel) });
      sectors.push(typeof sector.label === 'string' ? { id, label: text(sector.label) } : { id });
    });

  const actors: Actor[] = [];
  if (!Array.isArray(doc.actors)) issues.push({ path: 'actors', code: 'notList' });
  else
    doc.actors.forEach((actor: unknown, i) => {
      const prefix = `actors[${i}].`;
      if (!isRecord(actor)) {
        issues.push({ path: `actors[${i}]`, code: 'notObject' });
        return;
      }
      if (actor.id === CENTRE_ID) issues.push({ path: `${prefix}id`, code: 'required' });
      else if (checkId(actor.id, `${prefix}id`, issues) && actors.some((a) => a.id === actor.id))
        issues.push({ path: `${prefix}id`, code: 'duplicateId', detail: quoted(actor.id) });
      if (typeof actor.category !== 'string') issues.push({ path: `${prefix}category`, code: 'required' });
      if (actor.sector === undefined) issues.push({ path: `${prefix}sector`, code: 'required' });
      if (actor.ring === undefined) issues.push({ path: `${prefix}ring`, code: 'required' });
      issues.push(...checkActorFields(actor, sectors, prefix));
      const consent = isRecord(actor.consent) ? actor.consent : {};
      const position = isRecord(actor.position) ? actor.position : null;
      actors.push({
        id: String(actor.id),
        category: String(actor.category),
        sector: String(actor.sector),
        ring: actor.ring as Actor['ring'],
        organisation: text(actor.organisation),
        name: text(actor.name),
        role: text(actor.role),
        phone: text(actor.phone),
        email: text(actor.email),
        address: text(actor.address),
        helpsWith: text(actor.helpsWith),
        note: text(actor.note),
        status: (actor.status ?? 'active') as Actor['status'],
        functioning: (actor.functioning ?? null) as Actor['functioning'],
        consent: { given: consent.given === true, date: text(consent.date) },
        nextContact: text(actor.nextContact),
        position: position ? { x: Number(position.x), y: Number(position.y) } : null,
        pinned: actor.pinned === true,
      });
    });

  const ties: Tie[] = [];
  const ends = new Set([CENTRE_ID, ...actors.map((a) => a.id)]);
  if (!Array.isArray(doc.ties)) issues.push({ path: 'ties', code: 'notList' });
  else
    doc.ties.forEach((tie: unknown, i) => {
      const prefix = `ties[${i}].`;
      if (!isRecord(tie)) {
        issues.push({ path: `ties[${i}]`, code: 'notObject' });
        return;
      }
      if (checkId(tie.id, `${prefix}id`, issues) && ties.some((t) => t.id === tie.id))
        issues.push({ path: `${prefix}id`, code: 'duplicateId', detail: quoted(tie.id) });
      if (typeof tie.from !== 'string' || !ends.has(tie.from))
        issues.push({ path: `${prefix}from`, code: 'unknownActor', detail: quoted(tie.from) });
      if (typeof tie.to !== 'string' || !ends.has(tie.to))
        issues.push({ path: `${prefix}to`, code: 'unknownActor', detail: quoted(tie.to) });
      else if (tie.from === tie.to) issues.push({ path: `${prefix}to`, code: 'selfTie' });
      else if (ties.some((t) => (t.from === tie.from && t.to === tie.to) || (t.from === tie.to && t.to === tie.from)))
        issues.push({ path: `${prefix}to`, code: 'duplicateTie' });
      if (!isTieKind(tie.kind)) issues.push({ path: `${prefix}kind`, code: 'oneOf', detail: 'strong, normal, weak, strained' });
      ties.push({ id: String(tie.id), from: String(tie.from), to: String(tie.to), kind: tie.kind as Tie['kind'] });
    });

  const skipped: string[] = [];
  if (doc.skipped !== undefined && !Array.isArray(doc.skipped)) issues.push({ path: 'skipped', code: 'notList' });
  else
    (doc.skipped ?? []).forEach((category: unknown, i: number) => {
      if (typeof category !== 'string' || !isCategoryId(category))
        issues.push({ path: `skipped[${i}]`, code: 'unknownCategory', detail: quoted(category) });
      else if (!skipped.includes(category)) skipped.push(category);
    });
  for (const key of ['createdAt', 'updatedAt'] as const)
    if (!isTimestamp(doc[key])) issues.push({ path: key, code: 'invalidTimestamp', detail: quoted(doc[key] ?? '') });
  const createdAt = String(doc.createdAt);
  const updatedAt = String(doc.updatedAt);
  if (issues.length > 0) throw new ValidationError(issues.slice(0, MAX_ISSUES));
  return {
    schemaVersion: SCHEMA_VERSION,
    id: String(doc.id),
    title: text(doc.title),
    sectors,
    actors,
    ties,
    skipped,
    createdAt,
    updatedAt,
  };
}

/** The file limit's issue: refused before a byte of it is read. */
export function fileTooLarge(): ValidationError {
  return new ValidationError([{ path: '', code: 'fileTooLarge', detail: megabytes(LIMITS.fileSize) }]);
}

/**
 * A hand-over file's text as JSON; a file that is not JSON is refused as a bad document is. Too long a text is
 * refused before it is parsed; a byte-order mark, which some editors write, is let through.
 */
export function readJson(textContent: string): unknown {
  if (textContent.length > LIMITS.fileSize) throw fileTooLarge();
  try {
    return JSON.parse(textContent.startsWith('\uFEFF') ? textContent.slice(1) : textContent) as unknown;
  } catch {
    throw new ValidationError([{ path: '', code: 'notJson' }]);
  }
}

/** Parses a hand-over file's text and restores its map (`parseHandOver` gives its versions too). */
export function parseMapJson(textContent: string): MapDocument {
  return restoreMap(readJson(textContent));
}
