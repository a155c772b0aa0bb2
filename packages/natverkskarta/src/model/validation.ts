import { catalogueEntry, isCategoryId, OTHER_CATEGORY } from './catalogue.js';
import { cleanText, quoted } from './clean-text.js';
import { LIMITS } from './limits.js';
import { isTieEnd } from './document.js';
import {
  ACTOR_STATUSES,
  FUNCTIONINGS,
  RINGS,
  TIE_KINDS,
  type Actor,
  type ActorFields,
  type ActorInput,
  type ActorPatch,
  type MapDocument,
  type Sector,
  type TieKind,
} from './types.js';

/** What is wrong, as data: the i18n layer turns it into a sentence in the user's language. */
export type IssueCode =
  | 'required'
  | 'notText'
  | 'notNumber'
  | 'notBoolean'
  | 'notObject'
  | 'notList'
  | 'tooLong'
  | 'oneOf'
  | 'unknownCategory'
  | 'unknownSector'
  | 'unknownActor'
  | 'unknownTie'
  | 'invalidEmail'
  | 'invalidPhone'
  | 'invalidDate'
  | 'duplicateId'
  | 'selfTie'
  | 'duplicateTie'
  | 'newerVersion'
  | 'unknownVersion'
  | 'noSuchVersion'
  | 'notJson'
  | 'fileTooLarge'
  /** The map with its versions would make a hand-over file over the limit, which could not be opened again. */
  | 'versionsTooLarge'
  | 'tooManyActors'
  | 'tooManyTies'
  | 'tooManySectors'
  | 'tooMany'
  | 'invalidTimestamp';

export interface ValidationIssue {
  /** Where, as a path into the input: `email`, `actors[3].ring`, `schemaVersion`. */
  path: string;
  code: IssueCode;
  /** The allowed values (`oneOf`), the limit (`tooLong`) or the offending value, as text. */
  detail?: string;
}

/** A rejected input. `issues` says which field is wrong and why; the message is for developers' logs. */
export class ValidationError extends Error {
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], message?: string) {
    super(message ?? issues.map((issue) => `${issue.path}: ${issue.code}${issue.detail ? ` (${issue.detail})` : ''}`).join('; '));
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** Text fields of an actor and the longest text each accepts. */
export const TEXT_LIMITS = {
  organisation: 200,
  name: 200,
  role: 200,
  phone: 40,
  email: 254,
  address: 500,
  helpsWith: 2000,
  note: 4000,
} as const satisfies Partial<Record<keyof ActorFields, number>>;

export const TITLE_LIMIT = 200;

type TextField = keyof typeof TEXT_LIMITS;
const TEXT_FIELDS = Object.keys(TEXT_LIMITS) as TextField[];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()/.-]{3,}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string | number>(allowed: readonly T[], value: unknown): value is T {
  return (allowed as readonly unknown[]).includes(value);
}

/**
 * Checks the given fields of an actor (all of them, or a patch's). `prefix` is put before each path,
 * e.g. `actors[2].`.
 */
export function checkActorFields(fields: Record<string, unknown>, sectors: readonly Sector[], prefix = ''): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const at = (key: string) => prefix + key;
  for (const key of TEXT_FIELDS) {
    if (!(key in fields) || fields[key] === undefined) continue;
    const value = fields[key];
    if (typeof value !== 'string') {
      issues.push({ path: at(key), code: 'notText' });
      continue;
    }
    if (value.length > TEXT_LIMITS[key]) issues.push({ path: at(key), code: 'tooLong', detail: String(TEXT_LIMITS[key]) });
    else if (key === 'email' && value.trim() !== '' && !EMAIL.test(value.trim()))
      issues.push({ path: at(key), code: 'invalidEmail', detail: quoted(value) });
    else if (key === 'phone' && value.trim() !== '' && !PHONE.test(value.trim()))
      issues.push({ path: at(key), code: 'invalidPhone', detail: quoted(value) });
  }
  if ('category' in fields && fields.category !== undefined) {
    if (typeof fields.category !== 'string') issues.push({ path: at('category'), code: 'notText' });
    else if (!isCategoryId(fields.category))
      issues.push({ path: at('category'), code: 'unknownCategory', detail: quoted(fields.category) });
  }
  if ('sector' in fields && fields.sector !== undefined) {
    if (!sectors.some((sector) => sector.id === fields.sector))
      issues.push({ path: at('sector'), code: 'unknownSector', detail: quoted(fields.sector) });
  }
  if ('ring' in fields && fields.ring !== undefined && !oneOf(RINGS, fields.ring))
    issues.push({ path: at('ring'), code: 'oneOf', detail: RINGS.join(', ') });
  if ('status' in fields && fields.status !== undefined && !oneOf(ACTOR_STATUSES, fields.status))
    issues.push({ path: at('status'), code: 'oneOf', detail: ACTOR_STATUSES.join(', ') });
  if (
    'functioning' in fields &&
    fields.functioning !== undefined &&
    fields.functioning !== null &&
    !oneOf(FUNCTIONINGS, fields.functioning)
  )
    issues.push({ path: at('functioning'), code: 'oneOf', detail: FUNCTIONINGS.join(', ') });
  if ('nextContact' in fields && fields.nextContact !== undefined) {
    if (typeof fields.nextContact !== 'string') issues.push({ path: at('nextContact'), code: 'notText' });
    else if (fields.nextContact !== '' && !isIsoDate(fields.nextContact))
      issues.push({ path: at('nextContact'), code: 'invalidDate', detail: quoted(fields.nextContact) });
  }
  if ('consent' in fields && fields.consent !== undefined) {
    const consent = fields.consent;
    if (!isRecord(consent)) issues.push({ path: at('consent'), code: 'notObject' });
    else {
      if (typeof consent.given !== 'boolean') issues.push({ path: at('consent.given'), code: 'notBoolean' });
      if (consent.date !== undefined && (typeof consent.date !== 'string' || (consent.date !== '' && !isIsoDate(consent.date))))
        issues.push({ path: at('consent.date'), code: 'invalidDate', detail: quoted(consent.date) });
    }
  }
  if ('position' in fields && fields.position !== undefined && fields.position !== null) {
    const position = fields.position;
    if (!isRecord(position) || !Number.isFinite(position.x) || !Number.isFinite(position.y))
      issues.push({ path: at('position'), code: 'notNumber' });
  }
  if ('pinned' in fields && fields.pinned !== undefined && typeof fields.pinned !== 'boolean')
    issues.push({ path: at('pinned'), code: 'notBoolean' });
  return issues;
}

/** The fields of an actor a caller may give: `addActor`'s input, `updateActor`'s patch. */
export const ACTOR_INPUT_KEYS: ReadonlySet<string> = new Set<string>([
  'category',
  'sector',
  'ring',
  ...TEXT_FIELDS,
  'status',
  'functioning',
  'consent',
  'nextContact',
  'position',
  'pinned',
]);

/**
 * Turns what a caller of `addActor` gave into a complete actor, or throws a `ValidationError` that names
 * every wrong field. The catalogue fills in sector and ring; text is trimmed.
 */
export function actorFromInput(input: unknown, map: MapDocument, id: string): Actor {
  if (!isRecord(input)) throw new ValidationError([{ path: '', code: 'notObject' }]);
  // A map over the limit could not be opened again.
  if (map.actors.length >= LIMITS.actors)
    throw new ValidationError([{ path: '', code: 'tooManyActors', detail: String(LIMITS.actors) }]);
  const issues = checkActorFields(input, map.sectors);
  for (const key of Object.keys(input)) {
    if (!ACTOR_INPUT_KEYS.has(key)) issues.push({ path: quoted(key), code: 'oneOf', detail: [...ACTOR_INPUT_KEYS].join(', ') });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const given = input as ActorInput;
  const category = given.category ?? OTHER_CATEGORY;
  const entry = catalogueEntry(category);
  const sector = given.sector ?? (category === OTHER_CATEGORY ? map.sectors[0]?.id : entry?.sector);
  if (sector === undefined || !map.sectors.some((s) => s.id === sector))
    throw new ValidationError([{ path: 'sector', code: 'unknownSector', detail: String(sector) }]);
  const text = (key: TextField) => cleanText(given[key] ?? '').trim();
  return {
    id,
    category,
    sector,
    ring: given.ring ?? entry?.ring ?? 2,
    organisation: text('organisation'),
    name: text('name'),
    role: text('role'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    helpsWith: text('helpsWith'),
    note: text('note'),
    status: given.status ?? 'active',
    functioning: given.functioning ?? null,
    consent: { given: given.consent?.given ?? false, date: given.consent?.date ?? '' },
    nextContact: given.nextContact ?? '',
    position: given.position ?? null,
    pinned: given.pinned ?? false,
  };
}

/** Checks a patch for `updateActor`; text is trimmed. Throws a `ValidationError` naming every wrong field. */
export function checkActorPatch(patch: unknown, map: MapDocument): ActorPatch {
  if (!isRecord(patch)) throw new ValidationError([{ path: '', code: 'notObject' }]);
  const issues = checkActorFields(patch, map.sectors);
  for (const key of Object.keys(patch)) {
    if (!ACTOR_INPUT_KEYS.has(key)) issues.push({ path: quoted(key), code: 'oneOf', detail: [...ACTOR_INPUT_KEYS].join(', ') });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    clean[key] = typeof value === 'string' ? cleanText(value).trim() : value;
  }
  if (isRecord(clean.consent)) clean.consent = { given: clean.consent.given, date: clean.consent.date ?? '' };
  return clean as ActorPatch;
}

/** Checks a new tie's ends and kind against the map. */
export function checkTie(map: MapDocument, from: string, to: string, kind: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (map.ties.length >= LIMITS.ties) issues.push({ path: '', code: 'tooManyTies', detail: String(LIMITS.ties) });
  if (!isTieEnd(map, from)) issues.push({ path: 'from', code: 'unknownActor', detail: quoted(from) });
  if (!isTieEnd(map, to)) issues.push({ path: 'to', code: 'unknownActor', detail: quoted(to) });
  if (from === to) issues.push({ path: 'to', code: 'selfTie' });
  if (!oneOf(TIE_KINDS, kind)) issues.push({ path: 'kind', code: 'oneOf', detail: TIE_KINDS.join(', ') });
  if (map.ties.some((tie) => (tie.from === from && tie.to === to) || (tie.from === to && tie.to === from)))
    issues.push({ path: 'to', code: 'duplicateTie' });
  return issues;
}

export function isTieKind(value: unknown): value is TieKind {
  return oneOf(TIE_KINDS, value);
}
