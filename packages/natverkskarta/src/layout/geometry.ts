import type { Point, Ring, Sector, SectorId } from '../model/types.js';

/** The family's circle at the centre, in map units, at the least (a long family name makes it larger). */
export const MIN_CENTRE_RADIUS = 50;
/**
 * The least width of each ring, innermost first. A ring grows when its slices together hold more than fit (see
 * `frameFor`).
 */
export const MIN_RING_WIDTHS = [90, 90, 80] as const;
/** An actor's circle. */
export const NODE_RADIUS = 14;

/**
 * The space an actor takes on the map — its circle with its marks, and its label beside it — relative to the
 * circle's centre (`left` and `top` negative). Labels are measured (see `scene/labels.ts`), so every actor has a
 * box of its own.
 */
export interface ActorBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The box of an actor whose label is not known: a circle and two lines of an average label beside it. */
export const NOMINAL_BOX: ActorBox = { left: -24, right: 130, top: -24, bottom: 24 };

/**
 * The map is an ellipse this many times as wide as it is high: screens are wider than high, and labels are
 * wider than high, so that an ellipse holds more labels at a legible size in the same window than a circle.
 * Sectors, rings and the layout are worked out on the circle, in *layout units* (x divided by `STRETCH`), and
 * drawn stretched: a ring of radius r is an ellipse of radii `STRETCH × r` and r.
 */
export const STRETCH = 1.4;

/** Sectors go clockwise (y grows downwards, as on screen), the first centred on twelve o'clock. */
const TWELVE = -Math.PI / 2;
const FULL = 2 * Math.PI;

/** A point of the map in layout units, and back. */
export const toLayout = (point: Point): Point => ({ x: point.x / STRETCH, y: point.y });
export const fromLayout = (point: Point): Point => ({ x: point.x * STRETCH, y: point.y });

export interface SectorArc {
  start: number;
  end: number;
  mid: number;
}

export interface RingBand {
  inner: number;
  outer: number;
  mid: number;
}

/** The three rings' bands, innermost first. */
export type Rings = readonly [RingBand, RingBand, RingBand];

/**
 * Where the sectors and rings of one map lie: the family's circle, the three rings, and each sector's arc. Sectors
 * share the circle equally until one holds more than its share fits; that one then takes room from sectors with
 * room to spare, and only when no sector has any do the rings grow.
 */
export interface MapFrame {
  centreRadius: number;
  rings: Rings;
  /** The sectors' ids, clockwise from twelve o'clock, with the arc of each. */
  sectorIds: readonly SectorId[];
  arcs: readonly SectorArc[];
}

/** What places an actor in a slice of the map: its sector and its ring. */
export interface InSlice {
  id: string;
  sector: SectorId;
  ring: Ring;
}

/** A key for the slice (sector and ring) an actor is in. */
export const sliceOf = (actor: Omit<InSlice, 'id'>): string => `${actor.sector} ${actor.ring}`;

/** How many actors each slice holds, by `sliceOf`. */
export function sliceCounts(actors: readonly Omit<InSlice, 'id'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const actor of actors) counts.set(sliceOf(actor), (counts.get(sliceOf(actor)) ?? 0) + 1);
  return counts;
}

/** Of a slice's area, the share that actors' boxes can fill before they must overlap. */
const PACKING = 0.62;
/** How much room a crowded slice may take from the slices beside it in its sector, as a share of its own. */
const BORROW = 1.5;
/** Of a whole ring, the share its boxes may fill: a slice is never filled evenly. */
const RING_FILL = 0.9;
/** The most of an equal share of the circle a crowded sector takes from the others. */
const MAX_SHARE = 1.7;
/** Room kept between two boxes, and between a box and the lines of its slice. */
export const BOX_GAP = 4;
/** How far a node's circle is held from its ring's lines and its sector's edges, in layout units. */
export const CIRCLE_HOLD = NODE_RADIUS + 3;
/** Rings grow, and sectors widen, in steps, so that one more actor seldom changes the picture. */
const RING_STEP = 30;
const ARC_STEP = Math.PI / 18;
/** The least arc of a sector with actors, and of an empty one, whose name still needs room outside the circle. */
const MIN_FILLED_ARC = 0.62;
const MIN_EMPTY_ARC = 0.42;

export interface FrameOptions {
  /** Each actor's box; the nominal box where none is given. */
  boxOf?: (id: string) => ActorBox | undefined;
  /** The family's circle, large enough for its name. */
  centreRadius?: number;
}

interface SliceDemand {
  /** The area its boxes need. */
  area: number;
}

/** The frame of a map: see `MapFrame`. Deterministic: the same actors and boxes give the same frame. */
export function frameFor(
  actors: readonly InSlice[],
  sectors: readonly Pick<Sector, 'id'>[],
  options: FrameOptions = {},
): MapFrame {
  const centreRadius = Math.max(MIN_CENTRE_RADIUS, options.centreRadius ?? 0);
  const sectorIds = sectors.map((sector) => sector.id);
  const index = new Map(sectorIds.map((id, i) => [id, i]));
  const count = Math.max(1, sectorIds.length);
  // What each slice needs, by sector index and ring.
  const demand: SliceDemand[][] = sectorIds.map(() => [0, 1, 2].map(() => ({ area: 0 })));
  const widths: number[] = [...MIN_RING_WIDTHS];
  for (const actor of actors) {
    const slice = demand[index.get(actor.sector) ?? 0]?.[actor.ring - 1];
    if (!slice) continue;
    const box = options.boxOf?.(actor.id) ?? NOMINAL_BOX;
    const width = (box.right - box.left) / STRETCH + BOX_GAP;
    const height = box.bottom - box.top + BOX_GAP;
    slice.area += (width * height) / PACKING;
    // Labels may reach over the inner ring lines, but not over the outer one: the outer ring is as wide as its
    // circles and labels reach out from the ring inside it.
    if (actor.ring === 3) {
      const reach = Math.max(-box.top, box.bottom, box.right / STRETCH, -box.left / STRETCH);
      widths[2] = Math.max(widths[2]!, CIRCLE_HOLD + reach + 2 * BOX_GAP);
    }
  }

  // Each ring first as wide as the boxes of all its slices need, round the whole circle.
  const ringArea = [0, 1, 2].map((ring) => demand.reduce((sum, slices) => sum + slices[ring]!.area, 0));
  let inner = centreRadius;
  for (let ring = 0; ring < 3; ring++) {
    const outer = Math.sqrt(inner * inner + ringArea[ring]! / Math.PI / RING_FILL);
    widths[ring] = Math.max(widths[ring]!, Math.ceil((outer - inner) / RING_STEP) * RING_STEP);
    inner += widths[ring]!;
  }
  const share = FULL / count;
  for (let round = 0; ; round++) {
    const rings = bands(centreRadius, widths);
    const radianArea = rings.map((band) => (band.outer ** 2 - band.inner ** 2) / 2);
    const wholeRadianArea = radianArea.reduce((sum, area) => sum + area, 0);
    // The arc each sector needs. A label may reach over the ring lines (see `nearestInside`), so a crowded slice
    // borrows room from the slices beside it in its sector: a sector needs room for all of its boxes, and each
    // slice room for its boxes in its own ring and a share more in the others.
    let crowded = -1;
    let crowding = 0;
    const needs = demand.map((slices) => {
      const area = slices.reduce((sum, slice) => sum + slice.area, 0);
      if (area === 0) return MIN_EMPTY_ARC;
      let need = Math.max(MIN_FILLED_ARC, area / wholeRadianArea);
      slices.forEach((slice, ring) => {
        const arc = slice.area / (BORROW * radianArea[ring]!);
        need = Math.max(need, arc);
        if (arc / share > crowding) {
          crowding = arc / share;
          crowded = ring;
        }
      });
      // In steps, so that one more actor seldom moves a sector's edges (and every actor near them).
      return Math.ceil(need / ARC_STEP - 1e-9) * ARC_STEP;
    });
    const total = needs.reduce((sum, need) => sum + need, 0);
    // A sector takes at most a little more than its share from the others; past that, or when the circle is
    // full, the ring its most crowded slice is in grows.
    const fits = total <= FULL && needs.every((need) => need <= MAX_SHARE * share);
    if (fits || round === 60 || needs.length === 0 || crowded < 0) {
      return { centreRadius, rings, sectorIds, arcs: arcsFor(needs, count) };
    }
    widths[crowded]! += RING_STEP;
  }
}

function bands(centreRadius: number, widths: readonly number[]): Rings {
  const result: RingBand[] = [];
  let inner = centreRadius;
  for (const width of widths) {
    result.push({ inner, outer: inner + width, mid: inner + width / 2 });
    inner += width;
  }
  return result as unknown as Rings;
}

/** Equal arcs, except that a sector needing more than its share takes it from those with room to spare. */
function arcsFor(needs: readonly number[], count: number): SectorArc[] {
  const share = FULL / count;
  const sizes = needs.map((need) => Math.max(need, share));
  const excess = sizes.reduce((sum, size) => sum + size, 0) - FULL;
  const slack = sizes.map((size, i) => size - needs[i]!);
  const spare = slack.reduce((sum, s) => sum + s, 0);
  if (excess > spare) {
    // More than the circle even so (the rings stopped growing): each in proportion to its need.
    const total = needs.reduce((sum, need) => sum + need, 0);
    sizes.forEach((_, i) => (sizes[i] = (needs[i]! * FULL) / total));
  } else if (excess > 1e-9) {
    sizes.forEach((_, i) => (sizes[i]! -= (slack[i]! * excess) / spare));
  }
  if (sizes.length === 0) sizes.push(FULL);
  const arcs: SectorArc[] = [];
  let start = TWELVE - sizes[0]! / 2;
  for (const size of sizes) {
    arcs.push({ start, end: start + size, mid: start + size / 2 });
    start += size;
  }
  return arcs;
}

export function ringBand(ring: Ring, rings: Rings): RingBand {
  return rings[ring - 1]!;
}

export function outerRadius(frame: Pick<MapFrame, 'rings'>): number {
  return frame.rings[2].outer;
}

/** A sector's arc in the frame; the first sector's for an id the frame does not know. */
export function arcOf(frame: MapFrame, sector: SectorId): SectorArc {
  return frame.arcs[Math.max(0, frame.sectorIds.indexOf(sector))]!;
}

export function polar(radius: number, angle: number): Point {
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/** The angle of a point in layout units, normalised to [from, from + 2π). */
export function angleOf(point: Point, from = TWELVE): number {
  let angle = Math.atan2(point.y, point.x);
  while (angle < from) angle += FULL;
  while (angle >= from + FULL) angle -= FULL;
  return angle;
}

/** The ring a distance from the centre falls in; the centre counts as ring 1, beyond the edge as ring 3. */
export function ringAt(radius: number, rings: Rings): Ring {
  if (radius < rings[0].outer) return 1;
  if (radius < rings[1].outer) return 2;
  return 3;
}

/** The sector and ring a point of the map (in map units) lies in: where a dropped actor belongs. */
export function locate(point: Point, frame: MapFrame): { sector: SectorId; ring: Ring } {
  const at = toLayout(point);
  const angle = angleOf(at, frame.arcs[0]?.start);
  let index = frame.arcs.findIndex((arc) => angle < arc.end);
  if (index < 0) index = frame.arcs.length - 1;
  return { sector: frame.sectorIds[index]!, ring: ringAt(Math.hypot(at.x, at.y), frame.rings) };
}

/** Whether a line segment runs through a rectangle (Liang–Barsky clipping). */
export function segmentCrossesRect(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  box: { left: number; top: number; right: number; bottom: number },
): boolean {
  let low = 0;
  let high = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  for (const [p, q] of [
    [-dx, x1 - box.left],
    [dx, box.right - x1],
    [-dy, y1 - box.top],
    [dy, box.bottom - y1],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) low = Math.max(low, r);
    else high = Math.min(high, r);
    if (low > high) return false;
  }
  return true;
}
