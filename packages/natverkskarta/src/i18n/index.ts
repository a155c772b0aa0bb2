import type { Actor, MapDocument, Sector } from '../model/types.js';
import { isCategoryId } from '../model/catalogue.js';
import type { ValidationIssue } from '../model/validation.js';
import { sv } from './sv.js';
import type { FieldKey, Translations } from './translations.js';

export type { FieldKey, Translations } from './translations.js';
export { sv };

/** The languages the editor speaks: Swedish first. A host may add more with `registerTranslations`. */
const tables = new Map<string, Translations>([['sv', sv]]);

/**
 * Tables that come with the package but are fetched only when a page uses them: Swedish, the default, is in the
 * editor's first download; English costs nothing until `lang="en"`.
 */
const bundled = new Map<string, () => Promise<Translations>>([['en', () => import('./en.js').then((module) => module.en)]]);

export const DEFAULT_LANG = 'sv';

/** Adds or replaces the table for a language, e.g. `registerTranslations('nb', nb)`. */
export function registerTranslations(lang: string, table: Translations): void {
  tables.set(lang.toLowerCase(), table);
}

function candidates(lang: string | null | undefined): string[] {
  const tag = (lang ?? DEFAULT_LANG).toLowerCase();
  return [tag, tag.split('-')[0]!];
}

/**
 * The table for a language tag (`sv`, `en`, `en-GB`), if it is at hand; Swedish when the language is unknown or
 * still loading (see `loadTranslations`).
 */
export function translations(lang: string | null | undefined): Translations {
  for (const tag of candidates(lang)) {
    const table = tables.get(tag);
    if (table) return table;
  }
  return sv;
}

/** Whether `translations(lang)` can give that language's own table now, without loading. */
export function hasTranslations(lang: string | null | undefined): boolean {
  return candidates(lang).some((tag) => tables.has(tag) || !bundled.has(tag));
}

/** The table for a language, loading it first if it comes with the package (English does). */
export async function loadTranslations(lang: string | null | undefined): Promise<Translations> {
  for (const tag of candidates(lang)) {
    if (tables.has(tag)) return tables.get(tag)!;
    const load = bundled.get(tag);
    if (load) {
      const table = await load();
      if (!tables.has(tag)) tables.set(tag, table);
      return tables.get(tag)!;
    }
  }
  return sv;
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

/**
 * User text put into a sentence, isolated (FSI … PDI, the plain-text `<bdi>`): an Arabic name cannot pull the words
 * or digits around it into its direction.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

export function mapTitle(t: Translations, map: MapDocument): string {
  return map.title || t.ui.untitled;
}

/**
 * "E-post: ”x” är ingen giltig e-postadress." — the field's label (with where it is in a file: "E-post
 * (actors[2].email)"), or the place in a file that has no label ("ties[0].to"), and what is wrong. An issue of the
 * whole input, or of a tie that cannot be (its ends are no field the user sees), is its message alone.
 */
export function formatIssue(t: Translations, { path, code, detail }: ValidationIssue): string {
  // `split` gives one segment at least, the empty path too.
  const last = path.split('.').at(-1)!;
  // A path ends in a field's key where it has a label (an actor's fields, the map's title, a tie's kind).
  const key: FieldKey | undefined = path.endsWith('consent.date')
    ? 'consentDate'
    : Object.hasOwn(t.fields, last)
      ? (last as FieldKey)
      : undefined;
  const where = key
    ? path === last
      ? t.fields[key]
      : `${t.fields[key]} (${path})`
    : code === 'selfTie' || code === 'duplicateTie'
      ? ''
      : path;
  const message = t.issues[code](detail ?? '');
  return where ? `${where}: ${message}` : message.charAt(0).toUpperCase() + message.slice(1);
}

export function formatIssues(t: Translations, issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => formatIssue(t, issue)).join(' ');
}
