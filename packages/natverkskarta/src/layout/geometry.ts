import type { Point, Ring, Sector, SectorId } from '../model/types.js';

/** The family's circle at the centre, in map units. */
export const CENTRE_RADIUS = 56;
/**
 * The least width of each ring, innermost first. The inner ring is widest because its slices are the shortest
 * arcs, yet often the most crowded (parents, siblings, school). A ring grows when one of its slices holds
 * more actors than fit (see `ringsFor`).
 */
export const MIN_RING_WIDTHS = [130, 110, 100] as const;
/** An actor's circle. */
export const NODE_RADIUS = 18;
/** The space an actor's circle and its two-line label take, used to keep labels apart. */
export const LABEL_WIDTH = 126;
export const NODE_BOX_HEIGHT = 68;
/** The box's centre sits this far below the circle's centre, because the label hangs below it. */
export const NODE_BOX_OFFSET = 16;

/** Sectors are equal slices clockwise from twelve o'clock (y grows downwards, as on screen). */
const START_ANGLE = -Math.PI / 2;

export interface SectorArc {
  start: number;
  end: number;
  mid: number;
}

export function sectorArc(index: number, count: number): SectorArc {
  const width = (2 * Math.PI) / Math.max(1, count);
  const start = START_ANGLE + index * width;
  return { start, end: start + width, mid: start + width / 2 };
}

export interface RingBand {
  inner: number;
  outer: number;
  mid: number;
}

/** The three rings' bands, innermost first. */
export type Rings = readonly [RingBand, RingBand, RingBand];

/** Of a slice's area, the share that boxes of circle and label can fill before they must overlap. */
const PACKING = 0.5;
/** Rings grow in steps, so that one more actor seldom changes the picture. */
const RING_STEP = 40;

/** What places an actor in a slice of the map: its sector and its ring. */
type InSlice = { sector: SectorId; ring: Ring };

/** A key for the slice (sector and ring) an actor is in. */
export const sliceOf = (actor: InSlice): string => `${actor.sector} ${actor.ring}`;

/** How many actors each slice holds, by `sliceOf`. */
export function sliceCounts(actors: readonly InSlice[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const actor of actors) counts.set(sliceOf(actor), (counts.get(sliceOf(actor)) ?? 0) + 1);
  return counts;
}

/**
 * The rings for a map: each as wide as its most crowded slice (sector and ring) needs, and never narrower
 * than `MIN_RING_WIDTHS`.
 */
export function ringsFor(actors: readonly InSlice[], sectorCount: number): Rings {
  const crowd = [0, 0, 0];
  const counts = sliceCounts(actors);
  for (const actor of actors) crowd[actor.ring - 1] = Math.max(crowd[actor.ring - 1]!, counts.get(sliceOf(actor))!);
  const angle = (2 * Math.PI) / Math.max(1, sectorCount);
  const boxArea = (LABEL_WIDTH + 6) * (NODE_BOX_HEIGHT + 4);
  const bands: RingBand[] = [];
  let inner = CENTRE_RADIUS;
  for (let i = 0; i < 3; i++) {
    const area = (crowd[i]! * boxArea) / PACKING;
    const needed = Math.sqrt(inner * inner + (2 * area) / angle) - inner;
    const width = Math.max(MIN_RING_WIDTHS[i]!, Math.ceil(needed / RING_STEP) * RING_STEP);
    bands.push({ inner, outer: inner + width, mid: inner + width / 2 });
    inner += width;
  }
  return bands as unknown as Rings;
}

export function ringBand(ring: Ring, rings: Rings): RingBand {
  return rings[ring - 1]!;
}

export function outerRadius(rings: Rings): number {
  return rings[2].outer;
}

export function polar(radius: number, angle: number): Point {
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/** The angle of a point, normalised to [START_ANGLE, START_ANGLE + 2π). */
export function angleOf(point: Point): number {
  let angle = Math.atan2(point.y, point.x);
  while (angle < START_ANGLE) angle += 2 * Math.PI;
  while (angle >= START_ANGLE + 2 * Math.PI) angle -= 2 * Math.PI;
  return angle;
}

/** The ring a distance from the centre falls in; the centre counts as ring 1, beyond the edge as ring 3. */
export function ringAt(radius: number, rings: Rings): Ring {
  if (radius < rings[0].outer) return 1;
  if (radius < rings[1].outer) return 2;
  return 3;
}

/** The sector and ring a point of the map lies in: where a dropped actor belongs. */
export function locate(point: Point, sectors: readonly Sector[], rings: Rings): { sector: SectorId; ring: Ring } {
  const count = sectors.length;
  const width = (2 * Math.PI) / Math.max(1, count);
  const index = Math.min(count - 1, Math.floor((angleOf(point) - START_ANGLE) / width));
  return { sector: sectors[index]!.id, ring: ringAt(Math.hypot(point.x, point.y), rings) };
}
