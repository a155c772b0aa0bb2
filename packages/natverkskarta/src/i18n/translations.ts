import type { CategoryId } from '../model/catalogue.js';
import type { ActorStatus, DefaultSectorId, Functioning, Ring, TieKind } from '../model/types.js';
import type { IssueCode } from '../model/validation.js';

/** Labels of the fields a user edits; also used to name the field in a validation message. */
export type FieldKey =
  | 'category'
  | 'sector'
  | 'ring'
  | 'organisation'
  | 'name'
  | 'role'
  | 'phone'
  | 'email'
  | 'address'
  | 'helpsWith'
  | 'note'
  | 'status'
  | 'functioning'
  | 'consent'
  | 'consentDate'
  | 'nextContact'
  | 'position'
  | 'pinned'
  | 'title'
  | 'kind'
  | 'versionLabel';

/** The keyboard shortcuts the help panel explains. */
export type ShortcutKey =
  | 'keyTab'
  | 'keyArrows'
  | 'keyHomeEnd'
  | 'keyEnter'
  | 'keyRing'
  | 'keySector'
  | 'keyTie'
  | 'keyDelete'
  | 'keyNew'
  | 'keyUndo'
  | 'keyRedo'
  | 'keyEscape'
  | 'keyHelp'
  | 'keyZoomIn'
  | 'keyZoomOut'
  | 'keyFit';

/** Every text the editor shows, in one language. A host may register more languages with the same shape. */
export interface Translations {
  /** The BCP 47 tag, for `lang` attributes and the PDF's metadata. */
  locale: string;
  sectors: Record<DefaultSectorId, string>;
  categories: Record<CategoryId, string>;
  rings: Record<Ring, string>;
  statuses: Record<ActorStatus, string>;
  functionings: Record<Functioning | 'unknown', string>;
  tieKinds: Record<TieKind, string>;
  fields: Record<FieldKey, string>;
  issues: Record<IssueCode, (detail: string) => string>;
  ui: {
    untitled: string;
    family: string;
    mapLabel: (title: string) => string;
    toolbar: string;
    addActor: string;
    addActorTitle: string;
    add: string;
    cancel: string;
    close: string;
    save: string;
    remove: string;
    undo: string;
    redo: string;
    zoomIn: string;
    zoomOut: string;
    fitView: string;
    startTie: string;
    tieHint: (from: string) => string;
    cancelTie: string;
    tiesHeading: string;
    tieTo: string;
    addTie: string;
    removeTie: (to: string) => string;
    noTies: string;
    contactList: string;
    emptyMap: string;
    emptySector: string;
    neededApart: string;
    details: string;
    consentGiven: string;
    none: string;
    loading: string;
    readonlyNotice: string;
    actorRemoved: (label: string) => string;
    actorAdded: (label: string) => string;
    undone: string;
    redone: string;
    nothingToUndo: string;
    mapDescription: string;
    actorMoved: (label: string, ring: string, sector: string) => string;
    tieAdded: (from: string, to: string) => string;
    legend: string;
    legendSectors: string;
    legendRings: string;
    legendStatus: string;
    legendFunctioning: string;
    legendTies: string;
    helpTitle: string;
    /** The button that opens the shortcuts. */
    help: string;
    /** The toolbar's groups, and its menu of what does not fit on a narrow screen. */
    editGroup: string;
    fileGroup: string;
    more: string;
    /** The zoom buttons below the map. */
    mapControls: string;
    /** Under the map: whether this browser holds every edit. */
    saveState: { saved: string; saving: string; failed: string; blocked: string };
    helpKeys: string;
    helpAction: string;
    helpMouse: string;
    viewLabel: string;
    viewMap: string;
    viewList: string;
    otherTabTitle: (title: string) => string;
    mergedFromOtherTab: string;
    updatedFromOtherTab: string;
    copiedFromOtherTab: (title: string) => string;
    /** "Telefon för Anna Lind": a field both tabs changed. */
    fieldOf: (field: string, owner: string) => string;
    /** Both tabs changed `what`: this tab saved last, so the map has its value; the other version is the map `copy`. */
    bothChangedHere: (what: string, copy: string) => string;
    /** Another tab saved last, over a change of `what` made here or in a third tab: that version is the map `copy`. */
    bothChangedThere: (what: string, copy: string) => string;
    /** Removed in another tab while edited here: back, with the edit. */
    restoredHere: (names: string) => string;
    restoredThere: (names: string) => string;
    /** Removed here while edited in another tab: kept, with that edit. */
    keptHere: (names: string) => string;
    keptThere: (names: string) => string;
    /** Another tab replaced the whole map (an import): the version before is the map `copy`. */
    replacedThere: (copy: string) => string;
    /** Said on the family at the centre when the map has no contacts yet. */
    centreHint: string;
    /** The add form's ring left to the catalogue. */
    ringOfCategory: string;
    /** The field that adds a contact by typing its kind. */
    quickAdd: string;
    quickAddPlaceholder: string;
    /** The toggle that adds the next contacts as needed but missing. */
    quickAddNeeded: string;
    quickAddHint: string;
    /** The list's last option: a contact of no kind in the catalogue, named by what was typed. */
    quickAddOther: (text: string) => string;
    /** The kartläggning: its button and heading, where it is, the question and its answers. */
    walkTitle: string;
    walkProgress: (sector: string, position: number, of: number) => string;
    walkQuestion: (kind: string) => string;
    walkHint: string;
    walkPresent: string;
    walkNeeded: string;
    walkSkip: string;
    /** One key per answer (lower case), as the hint says. */
    walkKeys: { present: string; needed: string; skip: string };
    walkDone: string;
    walkSummary: (contacts: number, needed: number) => string;
    dismiss: string;
    imported: string;
    exportPdf: string;
    makingPdf: string;
    pdfReady: string;
    exportFile: string;
    importFile: string;
    importingFile: string;
    dropHint: string;
    fileName: (title: string) => string;
    draftRestored: string;
    draftTitle: (title: string) => string;
    lockedTitle: string;
    lockedHelp: string;
    passphrase: string;
    unlock: string;
  };
  shortcuts: Record<ShortcutKey, string>;
  /** The printed map and contact list (`exportPdf`): words a parent reads on paper. */
  pdf: {
    /** "Nätverkskarta — Familjen Lind": the first line of page 1 and the document's title in its metadata. */
    documentTitle: (title: string) => string;
    /** "Utskriven 1 maj 2024". */
    printed: (date: string) => string;
    legendHeading: string;
    contactList: string;
    /** After a sector's heading repeated at the top of a new page. */
    continued: string;
    neededHeading: string;
    neededIntro: string;
    noContacts: string;
    /** Marks an ended contact in the list. */
    ended: string;
    page: (page: number, pages: number) => string;
  };
  errors: {
    invalidInput: (details: string) => string;
    storageUnavailable: string;
    storageFull: string;
    saveFailed: string;
    loadFailed: string;
    importFailed: (details: string) => string;
    readonly: string;
    deletedElsewhere: string;
    exportFailed: (details: string) => string;
    /** An edit refused because the maps are locked. */
    lockedEdit: string;
    locked: string;
    wrongPassphrase: string;
  };
}
