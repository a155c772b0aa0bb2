import { StorageError } from 'natverkskarta';

export const APP_NAME = 'Nätverkskarta';
export const UNTITLED = 'Namnlös karta';

/** The title to show for a map: its family's name, or a neutral placeholder. */
export function displayTitle(title: string): string {
  return title.trim() || UNTITLED;
}

export function contactCount(count: number): string {
  return count === 1 ? '1 kontakt' : `${count.toLocaleString('sv-SE')} kontakter`;
}

const dateFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short' });

export function formatChanged(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'okänt datum' : dateFormat.format(date);
}

/** The confirmation question before a map is deleted. */
export function deleteQuestion(title: string): string {
  const clean = title.trim();
  return clean ? `Radera kartan för ${clean}? Det går inte att ångra.` : 'Radera den namnlösa kartan? Det går inte att ångra.';
}

/** The confirmation question before all data is deleted; `count` is null while the maps are locked. */
export function deleteAllQuestion(count: number | null): string {
  if (count === null)
    return 'De låsta kartorna och allt annat som Nätverkskarta har sparat i den här webbläsaren raderas. Det går inte att ångra.';
  const maps =
    count === 0 ? 'Inga kartor finns sparade, men' : count === 1 ? 'Den sparade kartan' : `Alla ${count} sparade kartor`;
  return count === 0
    ? `${maps} allt som Nätverkskarta har sparat i den här webbläsaren raderas. Det går inte att ångra.`
    : `${maps} och allt annat som Nätverkskarta har sparat i den här webbläsaren raderas. Det går inte att ångra.`;
}

/** The shortest passphrase the package accepts. */
export const MIN_PASSPHRASE = 8;

export const WRONG_PASSPHRASE = 'Fel lösenfras. Inget har ändrats.';

/** A message in Swedish for a failure of the store functions the app calls itself. */
export function storageMessage(action: string, error: unknown): string {
  if (error instanceof StorageError) {
    switch (error.kind) {
      case 'full':
        return `${action}: lagringsutrymmet i webbläsaren är fullt.`;
      case 'unavailable':
        return `${action}: webbläsarens lagring går inte att använda här (till exempel i privat läge).`;
      default:
        return `${action}: något gick fel i webbläsarens lagring. Försök igen.`;
    }
  }
  return `${action}: ${error instanceof Error ? error.message : String(error)}`;
}

/** An id for a new map; `crypto.randomUUID` needs a secure context, so fall back to random bytes. */
export function newMapId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
