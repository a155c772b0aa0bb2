import { CATALOGUE, type CategoryId } from '../model/catalogue.js';
import type { Translations } from './translations.js';

/**
 * The words coordinators use for each kind of contact besides its name in the catalogue: abbreviations and
 * everyday names, in Swedish and English, so that "FK", "habben", "kurator" or "respite" find what they mean in
 * either language of the editor.
 */
export const CATEGORY_WORDS: Readonly<Record<CategoryId, readonly string[]>> = {
  foralder: ['mamma', 'pappa', 'mor', 'far', 'vårdnadshavare', 'parent', 'mother', 'father', 'mum', 'dad'],
  syskon: ['bror', 'syster', 'sibling', 'brother', 'sister'],
  farforalder: ['mormor', 'morfar', 'farmor', 'farfar', 'grandparent', 'grandmother', 'grandfather', 'grandma', 'grandpa'],
  slakting: ['moster', 'faster', 'morbror', 'farbror', 'kusin', 'relative', 'aunt', 'uncle', 'cousin'],
  van: ['kompis', 'friend'],
  granne: ['neighbour', 'neighbor'],
  lss: ['lss', 'handläggare', 'biståndshandläggare', 'needs assessor'],
  socialtjanst: ['soc', 'socialsekreterare', 'social services', 'social worker'],
  korttids: ['korttids', 'korttidsboende', 'korttidshem', 'avlastning', 'avlösning', 'respite', 'short break'],
  assistans: ['assistans', 'assistent', 'personal assistance', 'assistant'],
  kontaktperson: ['stödfamilj', 'contact person', 'support family'],
  anhorigstod: ['anhörig', 'carer support'],
  'personligt-ombud': ['po', 'ombud', 'personal ombudsman'],
  forskola: ['dagis', 'preschool', 'nursery'],
  skola: ['särskola', 'anpassad skola', 'grundskola', 'lärare', 'school', 'teacher'],
  mentor: ['klasslärare', 'class teacher'],
  elevhalsa: ['kurator', 'skolsköterska', 'skolpsykolog', 'school nurse', 'counsellor', 'school health'],
  fritidshem: ['fritids', 'after-school club'],
  bup: ['barnpsykiatri', 'child psychiatry', 'camhs'],
  habilitering: ['habben', 'hab', 'habilitation'],
  vardcentral: ['vc', 'husläkare', 'gp', 'health centre', 'doctor'],
  bvc: ['barnavårdscentral', 'child health centre'],
  barnklinik: ['barnläkare', 'paediatrics', 'pediatrician'],
  tandvard: ['tandläkare', 'dentist'],
  hjalpmedel: ['arbetsterapeut', 'assistive devices', 'occupational therapist'],
  forsakringskassan: ['fk', 'omvårdnadsbidrag', 'vårdbidrag', 'social insurance agency'],
  arbetsformedlingen: ['af', 'employment service'],
  fub: ['fub'],
  rbu: ['rbu'],
  autism: ['asperger', 'autism association'],
  downforeningen: ['down', 'down syndrome association'],
  fritid: ['idrott', 'scouter', 'sport', 'leisure', 'club'],
  annan: [],
};

/** Text as it is compared: lower case, accents and case folded away, so that "forsakring" finds "Försäkring". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** How well `name` answers `query`: 0 is the name itself, then its start, a word's start, anywhere; -1 is not at all. */
function rank(name: string, query: string): number {
  if (name === query) return 0;
  if (name.startsWith(query)) return 1;
  if (name.split(/[\s/()-]+/).some((word) => word.startsWith(query))) return 2;
  return name.includes(query) ? 3 : -1;
}

/**
 * The kinds of contact that answer what was typed, best first (then in the catalogue's order): by their names in
 * the editor's language and by every word of `CATEGORY_WORDS`. "Annan" is never among them; the caller offers it
 * for any text.
 */
export function findCategories(t: Translations, query: string, limit = 6): CategoryId[] {
  const folded = fold(query);
  if (folded === '') return [];
  const found: { id: CategoryId; score: number; order: number }[] = [];
  CATALOGUE.forEach((entry, order) => {
    if (entry.id === 'annan') return;
    const scores = [t.categories[entry.id], ...CATEGORY_WORDS[entry.id]]
      .map((name) => rank(fold(name), folded))
      .filter((score) => score >= 0);
    if (scores.length > 0) found.push({ id: entry.id, score: Math.min(...scores), order });
  });
  return found
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, limit)
    .map((match) => match.id);
}
