/**
 * The map document: plain, serialisable data. Everything the editor shows, stores and exports is derived
 * from one `MapDocument`; nothing here refers to the DOM.
 */

/**
 * The document format this build writes. Older documents pass through `migrate()` on every load.
 * 1: the first released format. 2: `createdAt` and `updatedAt` are ISO timestamps (`toISOString`), nothing else.
 * 3: `skipped`, the kinds of contact the kartläggning marked "inte aktuellt".
 */
export const SCHEMA_VERSION = 4;

/** The ids of the default sectors (who is responsible: huvudman). A map may rename or reorder them. */
export const DEFAULT_SECTOR_IDS = ['family', 'municipality', 'school', 'region', 'state', 'civil'] as const;
export type DefaultSectorId = (typeof DEFAULT_SECTOR_IDS)[number];
export type SectorId = string;

/** Closeness to the family: 1 = often (nära), 2 = sometimes (emellanåt), 3 = rarely (sällan). */
export const RINGS = [1, 2, 3] as const;
export type Ring = (typeof RINGS)[number];

export const ACTOR_STATUSES = ['active', 'needed', 'ended'] as const;
/** `needed`: the family needs this contact and lacks it. */
export type ActorStatus = (typeof ACTOR_STATUSES)[number];

export const FUNCTIONINGS = ['good', 'mixed', 'poor'] as const;
/** How the contact works for the family. */
export type Functioning = (typeof FUNCTIONINGS)[number];

export const TIE_KINDS = ['strong', 'normal', 'weak', 'strained'] as const;
/** `strained` is a conflict. Each kind is drawn with its own line style, never by colour alone. */
export type TieKind = (typeof TIE_KINDS)[number];

/** The id ties use for the family at the centre of the map. */
export const CENTRE_ID = 'centre';

export interface Sector {
  id: SectorId;
  /** A custom name; absent for a default sector that keeps its translated name. */
  label?: string;
}

export interface Consent {
  given: boolean;
  /** ISO date (YYYY-MM-DD) the consent was given or withdrawn; empty when unknown. */
  date: string;
}

/** A position in map coordinates: the family at (0, 0), the outer ring at `OUTER_RADIUS`. */
export interface Point {
  x: number;
  y: number;
}

export interface Actor {
  id: string;
  /** A catalogue entry id such as `bup`, or `annan`. */
  category: string;
  sector: SectorId;
  ring: Ring;
  organisation: string;
  /** A person, optional. */
  name: string;
  role: string;
  phone: string;
  email: string;
  address: string;
  helpsWith: string;
  note: string;
  status: ActorStatus;
  functioning: Functioning | null;
  consent: Consent;
  /** ISO date of the next planned contact, or empty. */
  nextContact: string;
  /** Where the actor is drawn; null until the layout has placed it. */
  position: Point | null;
  /** A pinned actor stays where the user put it. */
  pinned: boolean;
}

export interface Tie {
  id: string;
  /** An actor id or `CENTRE_ID`. */
  from: string;
  /** An actor id or `CENTRE_ID`. */
  to: string;
  kind: TieKind;
}

export interface MapDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  /** The family at the centre, e.g. "Familjen Lind". */
  title: string;
  sectors: Sector[];
  actors: Actor[];
  ties: Tie[];
  /**
   * Catalogue entries (category ids) the kartläggning marked "inte aktuellt" for this family: not asked again.
   * A contact of that kind may still be added.
   */
  skipped: string[];
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
}

/** The editable fields of an actor, as accepted by `addActor` and `updateActor`. */
export type ActorFields = Omit<Actor, 'id'>;

/** What `addActor(input)` accepts: everything optional; the catalogue fills sector and ring. */
export interface ActorInput {
  category?: string;
  sector?: SectorId;
  ring?: Ring;
  organisation?: string;
  name?: string;
  role?: string;
  phone?: string;
  email?: string;
  address?: string;
  helpsWith?: string;
  note?: string;
  status?: ActorStatus;
  functioning?: Functioning | null;
  consent?: Consent;
  nextContact?: string;
  position?: Point | null;
  pinned?: boolean;
}

export type ActorPatch = Partial<ActorFields>;

/**
 * A named, dated, read-only snapshot of a whole map: "Kartläggning" at the intake, "Uppföljning", "Avslut" at the
 * end. Versions live with their map, travel in its hand-over file and are destroyed with it.
 */
export interface MapVersion {
  id: string;
  label: string;
  /** ISO timestamp. */
  savedAt: string;
  map: MapDocument;
}

/** What a list of versions shows: `saveVersion` and `listVersions` answer with it. */
export interface VersionInfo {
  id: string;
  label: string;
  savedAt: string;
  actorCount: number;
}
