/**
 * The bounds on every count and every length in a map document (docs/api.md, "Limits"). A hand-over file travels,
 * so anyone may have made the one being opened: these are checked before any heavy work — the file's size before
 * it is parsed, each list's length before any item in it is read — and a file over one is refused whole, with a
 * message that names the limit. They are far beyond any family's map (30 to 60 contacts), and the editor's own
 * edits stay within them, so that every map it stores can be opened again.
 */
export const LIMITS = {
  /**
   * The hand-over file's text, in characters (a file of more than three times as many bytes is refused unread).
   * Above what the other limits allow: the largest map the editor can hold exports to about 4.7 million.
   */
  fileSize: 6_000_000,
  actors: 500,
  ties: 2000,
  sectors: 12,
  /** Kinds of contact marked "inte aktuellt": at most the whole catalogue. */
  skipped: 64,
  /** Any id: the map's (a host's `map-id`), an actor's, a tie's, a sector's. */
  idLength: 256,
  /** A sector's custom name. */
  sectorLabel: 60,
  /** `createdAt`, `updatedAt`: an ISO date and time. */
  timestamp: 40,
  /** Versions of one map (a few a year: kartläggning, uppföljningar, avslut). */
  versions: 50,
  /** A version's name ("Uppföljning mars"). */
  versionLabel: 60,
} as const;

/** "4 MB": the file limit as a person reads it. */
export function megabytes(bytes: number): string {
  return String(Math.round(bytes / 100_000) / 10);
}
