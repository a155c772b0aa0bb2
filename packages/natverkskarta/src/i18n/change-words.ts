import { diffMaps, type ActorChange, type MapDiff, type TieChange } from '../model/diff.js';
import { CENTRE_ID, type Actor, type Functioning, type MapDocument, type MapVersion } from '../model/types.js';
import { actorLabel, mapTitle } from './index.js';
import type { Translations } from './translations.js';

/**
 * What changed between two versions, in the words a parent reads: one group per kind of change, each with the
 * contacts it names in full. The screen's list and the PDF's page are made from these groups.
 */
export interface ChangeGroup {
  /** "2 behov har fått en kontakt", "Avslutad", "Fungerar nu bra". */
  heading: string;
  /** The sign that marks its contacts on the map and in the list (none for removed contacts and ties). */
  glyph: string;
  /** The contacts' ids, for the map's marks. */
  ids: string[];
  /** The contacts (or ties) it is about, by name, in full. */
  names: string[];
}

/** How one language says each change; `n` is how many. */
export interface ChangeWords {
  since: (label: string) => string;
  between: (from: string, to: string) => string;
  now: string;
  none: string;
  added: (n: number) => string;
  newNeeds: (n: number) => string;
  met: (n: number) => string;
  ended: (n: number) => string;
  resumed: (n: number) => string;
  removed: (n: number) => string;
  closer: string;
  further: string;
  /** Works better now: by how it works now ("Fungerar nu bra"). */
  betterNow: Record<Functioning, string>;
  worse: string;
  tiesAdded: (n: number) => string;
  tiesRemoved: (n: number) => string;
  /** The versions' part of the side panel. */
  versions: string;
  saveAs: string;
  save: string;
  /** Offered as names: the intake, a follow-up, the end of the support. */
  suggested: readonly string[];
  noVersions: string;
  contacts: (n: number) => string;
  view: string;
  compareNow: string;
  compareWith: (label: string) => string;
  saved: (label: string) => string;
  viewing: (label: string, date: string) => string;
  backToNow: string;
  closeCompare: string;
}

const SV: ChangeWords = {
  since: (label) => `Förändringar sedan ${label}`,
  between: (from, to) => `Förändringar från ${from} till ${to}`,
  now: 'nu',
  none: 'Inga förändringar.',
  added: (n) => (n === 1 ? '1 ny kontakt' : `${n} nya kontakter`),
  newNeeds: (n) => (n === 1 ? '1 nytt behov' : `${n} nya behov`),
  met: (n) => `${n} behov har fått en kontakt`,
  ended: (n) => (n === 1 ? 'Avslutad' : 'Avslutade'),
  resumed: () => 'Finns igen',
  removed: (n) => (n === 1 ? 'Borttagen från kartan' : 'Borttagna från kartan'),
  closer: 'Närmare familjen',
  further: 'Längre från familjen',
  betterNow: { good: 'Fungerar nu bra', mixed: 'Fungerar nu delvis', poor: 'Fungerar nu dåligt' },
  worse: 'Fungerar sämre',
  tiesAdded: (n) => (n === 1 ? '1 nytt band' : `${n} nya band`),
  tiesRemoved: (n) => (n === 1 ? '1 band borttaget' : `${n} band borttagna`),
  versions: 'Versioner',
  saveAs: 'Spara kartan som en version',
  save: 'Spara version',
  suggested: ['Kartläggning', 'Uppföljning', 'Avslut'],
  noVersions: 'Inga sparade versioner ännu. Spara en vid kartläggningen, vid varje uppföljning och vid avslutet.',
  contacts: (n) => (n === 1 ? '1 kontakt' : `${n} kontakter`),
  view: 'Visa',
  compareNow: 'Jämför med nu',
  compareWith: (label) => `Jämför med ${label}`,
  saved: (label) => `Versionen ”${label}” är sparad.`,
  viewing: (label, date) => `Du ser versionen ”${label}” från ${date}. Den går inte att ändra.`,
  backToNow: 'Tillbaka till kartan nu',
  closeCompare: 'Stäng jämförelsen',
};

const EN: ChangeWords = {
  since: (label) => `Changes since ${label}`,
  between: (from, to) => `Changes from ${from} to ${to}`,
  now: 'now',
  none: 'No changes.',
  added: (n) => (n === 1 ? '1 new contact' : `${n} new contacts`),
  newNeeds: (n) => (n === 1 ? '1 new need' : `${n} new needs`),
  met: (n) => (n === 1 ? '1 need has got a contact' : `${n} needs have got a contact`),
  ended: () => 'Ended',
  resumed: () => 'In place again',
  removed: () => 'Removed from the map',
  closer: 'Closer to the family',
  further: 'Further from the family',
  betterNow: { good: 'Now works well', mixed: 'Now works partly', poor: 'Now works poorly' },
  worse: 'Works worse',
  tiesAdded: (n) => (n === 1 ? '1 new tie' : `${n} new ties`),
  tiesRemoved: (n) => (n === 1 ? '1 tie removed' : `${n} ties removed`),
  versions: 'Versions',
  saveAs: 'Save the map as a version',
  save: 'Save version',
  suggested: ['Intake', 'Follow-up', 'Closing'],
  noVersions: 'No saved versions yet. Save one at the intake, at each follow-up and at the end of the support.',
  contacts: (n) => (n === 1 ? '1 contact' : `${n} contacts`),
  view: 'Show',
  compareNow: 'Compare with now',
  compareWith: (label) => `Compare with ${label}`,
  saved: (label) => `The version “${label}” is saved.`,
  viewing: (label, date) => `You are looking at the version “${label}” of ${date}. It cannot be changed.`,
  backToNow: 'Back to the map now',
  closeCompare: 'Close the comparison',
};

/** The words for the UI's language: Swedish or English (a host's language reads the English). */
export function changeWords(t: Translations): ChangeWords {
  return t.locale.startsWith('sv') ? SV : EN;
}

/** The groups of what changed from `before` to `after`, in the order a parent reads them: gains first. */
export function changeGroups(t: Translations, diff: MapDiff, after: MapDocument): ChangeGroup[] {
  const words = changeWords(t);
  const named = (changes: readonly ActorChange[]) =>
    changes.map((change) => actorLabel(t, (change.after ?? change.before) as Actor));
  const end = (id: string) => {
    if (id === CENTRE_ID) return mapTitle(t, after);
    const actor =
      after.actors.find((candidate) => candidate.id === id) ?? diff.removed.find((change) => change.before?.id === id)?.before;
    return actor ? actorLabel(t, actor) : '?';
  };
  const tieNames = (ties: readonly TieChange[]) => ties.map((tie) => `${end(tie.from)} – ${end(tie.to)}`);
  const group = (heading: string, glyph: string, changes: readonly ActorChange[]): ChangeGroup => ({
    heading,
    glyph,
    names: named(changes),
    ids: changes.map((change) => (change.after ?? change.before)!.id),
  });
  const ties = (heading: string, list: readonly TieChange[]): ChangeGroup => ({
    heading,
    glyph: '',
    names: tieNames(list),
    ids: [],
  });
  const groups: ChangeGroup[] = [
    group(words.added(diff.added.length), '+', diff.added),
    group(words.met(diff.met.length), '★', diff.met),
    group(words.resumed(diff.resumed.length), '↺', diff.resumed),
    ...(['good', 'mixed', 'poor'] as const).map((now) =>
      group(
        words.betterNow[now],
        '▲',
        diff.better.filter((change) => change.after?.functioning === now),
      ),
    ),
    group(words.closer, '◀', diff.closer),
    group(words.newNeeds(diff.newNeeds.length), '!', diff.newNeeds),
    group(words.worse, '▼', diff.worse),
    group(words.further, '▶', diff.further),
    group(words.ended(diff.ended.length), '×', diff.ended),
    { ...group(words.removed(diff.removed.length), '', diff.removed), ids: [] },
    ties(words.tiesAdded(diff.tiesAdded.length), diff.tiesAdded),
    ties(words.tiesRemoved(diff.tiesRemoved.length), diff.tiesRemoved),
  ];
  return groups.filter((group) => group.names.length > 0);
}

/** What changed from a version to another (`to`), or to `now`, with its heading: the one way it is worked out. */
export interface Comparison {
  heading: string;
  groups: ChangeGroup[];
}

export function describeChanges(t: Translations, from: MapVersion, to: MapVersion | null, now: MapDocument): Comparison {
  const words = changeWords(t);
  const after = to ? to.map : now;
  return {
    heading: to ? words.between(from.label, to.label) : words.since(from.label),
    groups: changeGroups(t, diffMaps(from.map, after), after),
  };
}

/** Each changed contact on the map: the sign of its first change, and every change it had, for its name. */
export function changeMarks(groups: readonly ChangeGroup[]): Map<string, { glyph: string; text: string }> {
  const marks = new Map<string, { glyph: string; text: string }>();
  for (const group of groups)
    for (const id of group.ids) {
      const known = marks.get(id);
      marks.set(
        id,
        known ? { glyph: known.glyph, text: `${known.text}; ${group.heading}` } : { glyph: group.glyph, text: group.heading },
      );
    }
  return marks;
}

/** The groups as one paragraph: "1 ny kontakt: Personligt ombud. 1 behov har fått en kontakt: Korttidsvistelse." */
export function changeSummary(t: Translations, groups: readonly ChangeGroup[]): string {
  if (groups.length === 0) return changeWords(t).none;
  return groups.map((group) => `${group.heading}: ${group.names.join(', ')}.`).join(' ');
}
