import type { Positions } from '../layout/placement.js';
import type { Command } from '../model/commands.js';
import type { MapDocument } from '../model/types.js';

/**
 * What finds actors their places: the map's picture (`scene/map-picture.ts`), which measures labels in the font
 * that draws them. `canPlace` is false until the layout engine has come; until then `needsPlacing` cannot tell and
 * says true.
 */
export interface Placer {
  readonly canPlace: boolean;
  placements(map: MapDocument, touched?: ReadonlySet<string>): Positions | null;
  needsPlacing(map: MapDocument, touched?: ReadonlySet<string>): boolean;
}

/** No actor touched: a whole map as it was stored or set keeps its picture (see `Placer.placements`). */
export const NOTHING_TOUCHED: ReadonlySet<string> = new Set();

/** An actor's fields that its label, its marks and its place on the map do not show. */
const UNSEEN_FIELDS = new Set(['phone', 'email', 'address', 'helpsWith', 'note', 'nextContact']);

/** An edit of fields the map does not draw: nothing on it can have to move. */
export function movesNothing(command: Command): boolean {
  if (command.type === 'setSkipped') return true;
  return command.type === 'updateActor' && Object.keys(command.patch).every((key) => UNSEEN_FIELDS.has(key));
}

/**
 * The actors an edit touched, which alone move for lying over another's label (the layout moves new actors and
 * any whose slice moved away in any case); undefined for an edit whose effect on labels and ties reaches further.
 */
export function touchedBy(command: Command): ReadonlySet<string> | undefined {
  if (command.type === 'addActor') return new Set([command.actor.id]);
  if (command.type === 'updateActor') return new Set([command.id]);
  if (command.type === 'removeActor' || command.type === 'setTitle') return new Set();
  return undefined;
}

/** Two waits for the layout as one: the actors either touched (undefined, as for `touchedBy`, reaches furthest). */
export function touchedByBoth(
  before: ReadonlySet<string> | undefined,
  after: ReadonlySet<string> | undefined,
): ReadonlySet<string> | undefined {
  return before && after ? new Set([...before, ...after]) : undefined;
}
