import type { CategoryId } from '../model/catalogue.js';

/**
 * The kartläggning's questions in the words a coordinator uses at the kitchen table, for the languages that come
 * with the package. They come with the walk, in the forms' chunk; any other language asks with its table's
 * `walkQuestion(kind)`.
 */
const QUESTIONS: Readonly<Record<string, Readonly<Record<Exclude<CategoryId, 'annan'>, string>>>> = {
  sv: {
    foralder: 'Finns det en förälder eller vårdnadshavare att ta med på kartan?',
    syskon: 'Har barnet syskon?',
    farforalder: 'Har familjen kontakt med mor- eller farföräldrar?',
    slakting: 'Finns det andra släktingar som hjälper till?',
    van: 'Finns det vänner som familjen kan räkna med?',
    granne: 'Finns det en granne som ställer upp?',
    lss: 'Har familjen kontakt med en LSS-handläggare?',
    socialtjanst: 'Har familjen kontakt med socialtjänsten?',
    korttids: 'Har barnet korttidsvistelse (korttidshem eller stödfamilj)?',
    assistans: 'Har barnet personlig assistans?',
    kontaktperson: 'Har barnet en kontaktperson eller en stödfamilj?',
    anhorigstod: 'Får familjen anhörigstöd från kommunen?',
    'personligt-ombud': 'Har familjen ett personligt ombud?',
    forskola: 'Går barnet i förskola?',
    skola: 'Går barnet i skola eller anpassad skola?',
    mentor: 'Har barnet en mentor eller klasslärare som familjen har kontakt med?',
    elevhalsa: 'Har familjen kontakt med elevhälsan (kurator, skolsköterska, skolpsykolog)?',
    fritidshem: 'Går barnet på fritidshem?',
    bup: 'Har familjen kontakt med BUP?',
    habilitering: 'Har barnet kontakt med habiliteringen?',
    vardcentral: 'Har familjen en vårdcentral de vänder sig till?',
    bvc: 'Har familjen kontakt med barnhälsovården (BVC)?',
    barnklinik: 'Har barnet kontakt med en barnklinik eller barnläkare?',
    tandvard: 'Har barnet kontakt med tandvården?',
    hjalpmedel: 'Har barnet hjälpmedel genom hjälpmedelscentralen?',
    forsakringskassan: 'Har familjen kontakt med Försäkringskassan (till exempel omvårdnadsbidrag)?',
    arbetsformedlingen: 'Har någon i familjen kontakt med Arbetsförmedlingen?',
    fub: 'Är familjen med i FUB?',
    rbu: 'Är familjen med i RBU?',
    autism: 'Är familjen med i Autism- och Aspergerförbundet?',
    downforeningen: 'Är familjen med i Svenska Downföreningen?',
    fritid: 'Har barnet en fritidsaktivitet (idrott, kultur, förening)?',
  },
  en: {
    foralder: 'Is there a parent or guardian to put on the map?',
    syskon: 'Does the child have brothers or sisters?',
    farforalder: 'Is the family in touch with grandparents?',
    slakting: 'Are there other relatives who help?',
    van: 'Are there friends the family can count on?',
    granne: 'Is there a neighbour who helps out?',
    lss: 'Is the family in touch with an LSS officer?',
    socialtjanst: 'Is the family in touch with social services?',
    korttids: 'Does the child have short breaks (respite care)?',
    assistans: 'Does the child have personal assistance?',
    kontaktperson: 'Does the child have a contact person or a support family?',
    anhorigstod: 'Does the family get carer support from the municipality?',
    'personligt-ombud': 'Does the family have a personal ombudsman?',
    forskola: 'Does the child go to preschool?',
    skola: 'Does the child go to school or an adapted school?',
    mentor: 'Does the child have a mentor or class teacher the family is in touch with?',
    elevhalsa: 'Is the family in touch with the school health team (counsellor, nurse, psychologist)?',
    fritidshem: 'Does the child go to an after-school club?',
    bup: 'Is the family in touch with child and adolescent psychiatry (BUP)?',
    habilitering: 'Is the child in touch with habilitation services?',
    vardcentral: 'Does the family have a health centre they turn to?',
    bvc: 'Is the family in touch with child health care (BVC)?',
    barnklinik: 'Is the child in touch with a paediatric clinic or paediatrician?',
    tandvard: 'Is the child in touch with dental care?',
    hjalpmedel: 'Does the child have aids through the assistive devices centre?',
    forsakringskassan: 'Is the family in touch with the Social Insurance Agency (for instance, care allowance)?',
    arbetsformedlingen: 'Is anyone in the family in touch with the Employment Service?',
    fub: 'Is the family a member of FUB?',
    rbu: 'Is the family a member of RBU?',
    autism: 'Is the family a member of the Autism and Asperger Association?',
    downforeningen: 'Is the family a member of the Swedish Down Syndrome Association?',
    fritid: 'Does the child have a leisure activity (sport, culture, a club)?',
  },
};

/** The question for a kind of contact, in the language of `locale` if the package has words for it; else undefined. */
export function walkQuestion(locale: string, category: CategoryId): string | undefined {
  const table = Object.hasOwn(QUESTIONS, locale) ? QUESTIONS[locale] : undefined;
  return category === 'annan' ? undefined : table?.[category];
}
