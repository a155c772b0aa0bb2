import type { Actor, MapDocument, Sector } from '../model/types.js';
import { isCategoryId } from '../model/catalogue.js';
import type { ValidationIssue } from '../model/validation.js';
import { en } from './en.js';
import { sv } from './sv.js';
import type { FieldKey, Translations } from './translations.js';

export type { FieldKey, Translations } from './translations.js';
export { sv, en };

/** The languages the editor speaks: Swedish first. A host may add more with `registerTranslations`. */
const tables = new Map<string, Translations>([
  ['sv', sv],
  ['en', en],
]);

export const DEFAULT_LANG = 'sv';

/** Adds or replaces the table for a language, e.g. `registerTranslations('nb', nb)`. */
export function registerTranslations(lang: string, table: Translations): void {
  tables.set(lang.toLowerCase(), table);
}

/** The table for a language tag (`sv`, `en`, `en-GB`); Swedish when the language is unknown. */
export function translations(lang: string | null | undefined): Translations {
  const tag = (lang ?? DEFAULT_LANG).toLowerCase();
  return tables.get(tag) ?? tables.get(tag.split('-')[0]!) ?? sv;
}

export function sectorLabel(t: Translations, sector: Sector): string {
  return sector.label || (t.sectors as Record<string, string>)[sector.id] || sector.id;
}

export function categoryLabel(t: Translations, category: string): string {
  return isCategoryId(category) ? t.categories[category] : category;
}

/** How an actor is named in short: its organisation, else its person, else its kind. */
export function actorLabel(t: Translations, actor: Actor): string {
  return actor.organisation || actor.name || categoryLabel(t, actor.category);
}

/** The full accessible name: kind, organisation, person and status, as a screen reader should hear it. */
export function actorDescription(t: Translations, actor: Actor): string {
  // The name shown on the map comes first, so that voice control finds what the eye sees (WCAG 2.5.3).
  const parts = [actorLabel(t, actor), actor.organisation, actor.name, categoryLabel(t, actor.category)].filter(Boolean);
  const unique = parts.filter((part, i) => parts.indexOf(part) === i);
  return [...unique, t.statuses[actor.status]].join(', ');
}

export function mapTitle(t: Translations, map: MapDocument): string {
  return map.title || t.ui.untitled;
}

const FIELD_KEYS = new Set<string>([
  'category',
  'sector',
  'ring',
  'organisation',
  'name',
  'role',
  'phone',
  'email',
  'address',
  'helpsWith',
  'note',
  'status',
  'functioning',
  'consent',
  'nextContact',
  'position',
  'pinned',
  'title',
  'kind',
]);

/** "E-post: ”x” är ingen giltig e-postadress." — the field's label, where it is, and what is wrong. */
export function formatIssue(t: Translations, issue: ValidationIssue): string {
  const segments = issue.path.split('.');
  const last = segments.at(-1) ?? '';
  const key: FieldKey | undefined = issue.path.endsWith('consent.date')
    ? 'consentDate'
    : FIELD_KEYS.has(last)
      ? (last as FieldKey)
      : undefined;
  const where = key ? t.fields[key] : issue.path;
  const message = t.issues[issue.code](issue.detail ?? '');
  if (!where) return message.charAt(0).toUpperCase() + message.slice(1);
  return issue.path === last ? `${where}: ${message}` : `${where} (${issue.path}): ${message}`;
}

export function formatIssues(t: Translations, issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => formatIssue(t, issue)).join(' ');
}
