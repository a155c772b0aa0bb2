import type { Point } from '../model/types.js';
import { polar, type RingBand, type SectorArc } from './geometry.js';

/** Spots farther than this from every placed actor are all equally free. */
const FREE_ENOUGH = 400;
/** Labels are wide: horizontal distance counts this much less than vertical. */
const LABEL_STRETCH = 1.6;
/**
 * Cells `FREE_ENOUGH` wide (in the stretched metric), so that every point nearer to a point than `FREE_ENOUGH` lies
 * in the 3 × 3 cells around it.
 */
const CELL = FREE_ENOUGH;
const CELL_KEY = 1 << 20;

const stretchedDistance = (a: Point, b: Point) => Math.hypot((a.x - b.x) / LABEL_STRETCH, a.y - b.y);

/** Points in a grid, so that what is near a point is found without looking at everything. */
class NearGrid<T extends Point> {
  private readonly cells = new Map<number, T[]>();

  add(item: T): void {
    const key = Math.floor(item.x / LABEL_STRETCH / CELL) * CELL_KEY + Math.floor(item.y / CELL);
    const cell = this.cells.get(key);
    if (cell) cell.push(item);
    else this.cells.set(key, [item]);
  }

  /** Visits every item nearer to `at` than `FREE_ENOUGH` (and some a little farther). */
  forEachNear(at: Point, visit: (item: T) => void): void {
    const cx = Math.floor(at.x / LABEL_STRETCH / CELL);
    const cy = Math.floor(at.y / CELL);
    for (let i = -1; i <= 1; i++)
      for (let j = -1; j <= 1; j++) {
        const cell = this.cells.get((cx + i) * CELL_KEY + cy + j);
        if (cell !== undefined) for (const item of cell) visit(item);
      }
  }
}

/** A candidate start spot: how far it is from the nearest placed actor, and how much less it is preferred. */
interface Spot extends Point {
  clearance: number;
  /** Spots away from the slice's middle are taken only when they are freer by this much. */
  penalty: number;
}

/**
 * Where new actors start: for each, of a set of candidate spots spread over its slice (sector and ring), the one
 * farthest from every actor already placed. A slice has at least 3 × 7 spots and about two for each of its actors,
 * so that no two actors start on one spot: the simulation would tear them apart in random directions, and a
 * crowded slice would settle with labels over each other.
 *
 * A slice's spots are made once, and each keeps its distance to the nearest placed actor, brought up to date
 * near each actor placed: placing all the actors of a slice costs in proportion to the square of their number,
 * not the cube. Deterministic; the actors already placed do not move.
 */
export class StartSpots {
  private readonly placed = new NearGrid<Point>();
  private readonly spots = new NearGrid<Spot>();
  private readonly bySlice = new Map<string, Spot[]>();

  constructor(placed: readonly Point[]) {
    for (const point of placed) this.placed.add(point);
  }

  /** Takes the freest spot of the slice (`key`, with its `arc` and `band`) for a new actor of its `crowd` actors. */
  take(key: string, arc: SectorArc, band: RingBand, crowd: number): Point {
    let spots = this.bySlice.get(key);
    if (spots === undefined) {
      spots = this.spread(arc, band, crowd);
      this.bySlice.set(key, spots);
    }
    let best = spots[0]!;
    for (const spot of spots) if (spot.clearance - spot.penalty > best.clearance - best.penalty) best = spot;
    const point = { x: best.x, y: best.y };
    this.placed.add(point);
    this.spots.forEachNear(point, (spot) => {
      spot.clearance = Math.min(spot.clearance, stretchedDistance(spot, point));
    });
    return point;
  }

  private spread(arc: SectorArc, band: RingBand, crowd: number): Spot[] {
    const radial = Math.max(3, Math.ceil(Math.sqrt(crowd / 2)));
    const angular = Math.max(7, Math.ceil((2 * crowd) / radial));
    // The band's middle first, so that it wins when several spots are equally free.
    const shares = Array.from({ length: radial }, (_, index) => (index + 1) / (radial + 1)).sort(
      (a, b) => Math.abs(a - 0.5) - Math.abs(b - 0.5),
    );
    const spots: Spot[] = [];
    for (const radiusShare of shares) {
      const radius = band.inner + (band.outer - band.inner) * radiusShare;
      for (let step = 1; step <= angular; step++) {
        const angleShare = step / (angular + 1);
        const at = polar(radius, arc.start + (arc.end - arc.start) * angleShare);
        const spot: Spot = {
          ...at,
          clearance: this.clearance(at),
          penalty: Math.abs(radiusShare - 0.5) * 10 + Math.abs(angleShare - 0.5) * 8,
        };
        spots.push(spot);
        this.spots.add(spot);
      }
    }
    return spots;
  }

  /** The stretched distance to the nearest placed actor, or `FREE_ENOUGH` when none is nearer than that. */
  private clearance(at: Point): number {
    let nearest = FREE_ENOUGH;
    this.placed.forEachNear(at, (other) => {
      nearest = Math.min(nearest, stretchedDistance(at, other));
    });
    return nearest;
  }
}
