/**
 * The map's own forces, for d3-force's simulation: each a closure called every tick with alpha, and given the
 * nodes (and the simulation's seeded random source) once by `initialize`, as d3's own forces are. d3 has no
 * force for what these do: keep a box inside a slice of an annulus, pull an actor back to where it was, keep
 * rectangular labels apart, and keep labels off the ties. Then the relaxation and the settling of leftovers.
 */
import type { Point } from '../model/types.js';
import { BOX_GAP, CIRCLE_HOLD } from './geometry.js';
import {
  boxCentreX,
  boxCentreY,
  boxGrid,
  boxOverlap,
  fixed,
  halfHeight,
  halfWidth,
  nearestInside,
  tieThrough,
  type LayoutNode,
  type LayoutTie,
} from './fit.js';
import { NodeGrid } from './node-grid.js';

/** A force as d3-force shapes one. */
export interface Force {
  (alpha: number): void;
  initialize?: (nodes: LayoutNode[], random: () => number) => void;
}

/** Keeps each node's box inside its sector and ring: a node outside is pushed back towards the nearest inside point. */
export function forceSlice(strength = 0.6): Force {
  let nodes: LayoutNode[] = [];
  const force: Force = (alpha) => {
    for (const node of nodes) {
      if (fixed(node)) continue;
      const target = nearestInside(node, node);
      node.vx = (node.vx ?? 0) + (target.x - node.x) * strength * alpha;
      node.vy = (node.vy ?? 0) + (target.y - node.y) * strength * alpha;
    }
  };
  force.initialize = (all) => {
    nodes = all;
  };
  return force;
}

/** Pulls nodes that were already placed back to where they were, so that an edit moves the others little. */
export function forceAnchor(strength = 0.25): Force {
  let nodes: LayoutNode[] = [];
  const force: Force = (alpha) => {
    for (const node of nodes) {
      if (!node.anchor || fixed(node)) continue;
      node.vx = (node.vx ?? 0) + (node.anchor.x - node.x) * strength * alpha;
      node.vy = (node.vy ?? 0) + (node.anchor.y - node.y) * strength * alpha;
    }
  };
  force.initialize = (all) => {
    nodes = all;
  };
  return force;
}

/** Moves a node by (dx, dy): its velocity for this tick, or at once. */
function push(node: LayoutNode, dx: number, dy: number, velocity: boolean): void {
  if (velocity) {
    node.vx = (node.vx ?? 0) + dx;
    node.vy = (node.vy ?? 0) + dy;
  } else {
    node.x += dx;
    node.y += dy;
  }
}

/**
 * Pushes apart every two nodes whose boxes overlap, by `strength` of the overlap, along the axis that needs the
 * smaller move. `velocity` nudges (a force); `position` moves at once (a final relaxation). Returns how many
 * pairs overlapped.
 */
function separateBoxes(nodes: readonly LayoutNode[], grid: NodeGrid, strength: number, mode: 'velocity' | 'position'): number {
  const velocity = mode === 'velocity';
  let overlaps = 0;
  grid.forEachNearPair(nodes, (aIndex, bIndex) => {
    const a = nodes[aIndex]!;
    const b = nodes[bIndex]!;
    const aFixed = fixed(a);
    const bFixed = fixed(b);
    if (aFixed && bFixed) return;
    const overlap = boxOverlap(a, b, velocity);
    if (!overlap) return;
    overlaps++;
    const share = aFixed ? 0 : bFixed ? 1 : 0.5;
    const alongX = overlap.x / (halfWidth(a) + halfWidth(b)) < overlap.y / (halfHeight(a) + halfHeight(b));
    const amount = alongX ? overlap.x : overlap.y;
    const sign = (alongX ? boxCentreX(b) >= boxCentreX(a) : boxCentreY(b) >= boxCentreY(a)) ? 1 : -1;
    const pushA = -sign * amount * strength * share;
    const pushB = sign * amount * strength * (1 - share);
    push(a, alongX ? pushA : 0, alongX ? 0 : pushA, velocity);
    push(b, alongX ? pushB : 0, alongX ? 0 : pushB, velocity);
  });
  return overlaps;
}

/** Keeps the actors' boxes (circle and label) apart while the simulation runs. */
export function forceBoxCollide(strength = 0.7): Force {
  let nodes: LayoutNode[] = [];
  let grid = boxGrid([]);
  const force: Force = () => {
    separateBoxes(nodes, grid, strength, 'velocity');
  };
  force.initialize = (all) => {
    nodes = all;
    grid = boxGrid(all);
  };
  return force;
}

/**
 * Keeps labels off the ties: a node whose box a tie between two other actors runs through is pushed across,
 * away from the line, to the side it is already on. Returns how many boxes a tie ran through.
 */
function clearTies(
  nodes: readonly LayoutNode[],
  ties: readonly LayoutTie[],
  strength: number,
  random: () => number,
  velocity: boolean,
  index: NodeGrid,
): number {
  let crossings = 0;
  // Each tie against each box, but past a few dozen actors and ties only the boxes near the line.
  const indexed = nodes.length * ties.length > INDEXED_PAIRS;
  if (indexed) index.fill(nodes);
  // The tie being tried, and its line: one visitor for all of them, so that a tick allocates nothing per tie.
  let tie: LayoutTie = { from: null, to: null };
  let x1 = 0;
  let y1 = 0;
  let length = 0;
  let dx = 0;
  let dy = 0;
  let minX = 0;
  let maxX = 0;
  let minY = 0;
  let maxY = 0;
  const visit = (node: LayoutNode) => {
    // A box nowhere near the line's bounding box: nothing to do.
    if (
      node.x + node.box.right < minX ||
      node.x + node.box.left > maxX ||
      node.y + node.box.bottom < minY ||
      node.y + node.box.top > maxY
    )
      return;
    if (node === tie.from || node === tie.to || fixed(node)) return;
    const cx = boxCentreX(node);
    const cy = boxCentreY(node);
    const halfW = halfWidth(node) + 2;
    const halfH = halfHeight(node) + 2;
    // How far the box reaches along the line and across it (the line's normal is (-dy, dx)).
    const along = (cx - x1) * dx + (cy - y1) * dy;
    const reachAlong = halfW * Math.abs(dx) + halfH * Math.abs(dy);
    if (along + reachAlong < 0 || along - reachAlong > length) return;
    const across = (cx - x1) * -dy + (cy - y1) * dx;
    const reachAcross = halfW * Math.abs(dy) + halfH * Math.abs(dx);
    const depth = reachAcross - Math.abs(across);
    if (!(depth > 0)) return;
    crossings++;
    // The label moves off the line, and the line's ends (those not held) the other way, a share each.
    const side = across === 0 ? (random() < 0.5 ? -1 : 1) : Math.sign(across);
    const ends = [tie.from, tie.to].filter((end): end is LayoutNode => end !== null && !fixed(end));
    const share = 1 / (1 + ends.length / 2);
    push(node, side * -dy * depth * strength * share, side * dx * depth * strength * share, velocity);
    for (const end of ends) {
      push(end, side * dy * depth * strength * share * 0.5, -side * dx * depth * strength * share * 0.5, velocity);
    }
  };
  const visitIndex = (index: number) => visit(nodes[index]!);
  for (const each of ties) {
    tie = each;
    x1 = tie.from?.x ?? 0;
    y1 = tie.from?.y ?? 0;
    const x2 = tie.to?.x ?? 0;
    const y2 = tie.to?.y ?? 0;
    length = Math.hypot(x2 - x1, y2 - y1);
    if (!(length > 1)) continue;
    dx = (x2 - x1) / length;
    dy = (y2 - y1) / length;
    minX = Math.min(x1, x2);
    maxX = Math.max(x1, x2);
    minY = Math.min(y1, y2);
    maxY = Math.max(y1, y2);
    if (indexed) index.forEachNearSegment(x1, y1, x2, y2, visitIndex);
    else for (const node of nodes) visit(node);
  }
  return crossings;
}

/**
 * Up to this many tie–box pairs, each is tried; past it, only the boxes near each line. Filling the index costs
 * about as much as trying every pair of a map of 50 actors and ties; at 200 (40,000 pairs) trying them all was
 * two fifths of a layout.
 */
const INDEXED_PAIRS = 2_500;
/** Past this many tie–box pairs (hundreds of actors and ties), the leftovers settled are only labels over labels. */
const TIE_CHECKED_PAIRS = 40_000;
/** Cells of the index of boxes near a line: as large as a box may be wide, in layout units. */
const TIE_CELL = 100;

/** The nodes by their boxes' middles, in square cells, to find those near a line (see `clearTies`). */
const tieIndex = (nodes: readonly LayoutNode[]) =>
  new NodeGrid(
    TIE_CELL,
    TIE_CELL,
    (i) => (nodes[i]!.box.left + nodes[i]!.box.right) / 2,
    (i) => (nodes[i]!.box.top + nodes[i]!.box.bottom) / 2,
  );

/** While the simulation runs: labels move off the ties of others. */
export function forceTieClearance(ties: readonly LayoutTie[], strength = 0.25): Force {
  let nodes: LayoutNode[] = [];
  let random = Math.random;
  let index = tieIndex(nodes);
  const force: Force = (alpha) => {
    clearTies(nodes, ties, strength * Math.min(1, alpha * 4), random, true, index);
  };
  force.initialize = (all, seeded) => {
    nodes = all;
    random = seeded;
    index = tieIndex(all);
  };
  return force;
}

/**
 * After the simulation: moves overlapping boxes apart, off the ties and back into their slices, in turns, until
 * nothing overlaps or the rounds run out (a slice can be too full for all of its labels).
 */
export function relaxInSlices(nodes: readonly LayoutNode[], ties: readonly LayoutTie[], random: () => number, rounds = 40): void {
  const grid = boxGrid(nodes);
  const index = tieIndex(nodes);
  for (let round = 0; round < rounds; round++) {
    const overlaps = separateBoxes(nodes, grid, 0.5, 'position');
    const crossings = clearTies(nodes, ties, 0.5, random, false, index);
    for (const node of nodes) {
      if (fixed(node)) continue;
      const inside = nearestInside(node, node);
      node.x = inside.x;
      node.y = inside.y;
    }
    if (overlaps === 0 && crossings === 0) break;
  }
}

/**
 * The last step of a layout: an actor whose box still lies over another's, or that a tie still runs through,
 * after the forces and the relaxation (a crowded corner where pushing one way is blocked by the slice's lines),
 * moves to the nearest spot of its slice where it is clear of both, if there is one. Spots are tried in a polar
 * grid over the slice, nearest first.
 */
export function settleLeftovers(nodes: readonly LayoutNode[], ties: readonly LayoutTie[]): void {
  const boxes = new BoxHash(nodes);
  // On a large map ties cross labels wherever they go: the leftovers settled there are the labels over labels.
  const large = nodes.length * ties.length > TIE_CHECKED_PAIRS;
  const crossed = (node: LayoutNode, x: number, y: number): boolean => !large && ties.some((tie) => tieThrough(tie, node, x, y));
  // Twice over: a node that moved may have left room for one that found none the first time.
  for (const node of [...nodes, ...nodes]) {
    if (fixed(node)) continue;
    const overlapping = boxes.clashes(node, node.x, node.y);
    if (!overlapping && !crossed(node, node.x, node.y)) continue;
    // The first spot clear of boxes and ties wins, else the first clear of boxes (a label over a label is worse
    // than a tie through one).
    let apart: Point | null = null;
    let clear: Point | null = null;
    const spots = spotsOf(node);
    for (let tried = 0; tried < SPOTS_TRIED; tried++) {
      // Asked for one by one: a band of spots is made only when the search reaches it.
      const next = spots.next();
      if (next.done) break;
      const spot = nearestInside(node, next.value);
      if (boxes.clashes(node, spot.x, spot.y)) continue;
      apart ??= spot;
      if (!crossed(node, spot.x, spot.y)) {
        clear = spot;
        break;
      }
      if (!overlapping) break;
    }
    const best = clear ?? (overlapping ? apart : null);
    if (best) boxes.move(node, best.x, best.y);
  }
}

/** The nearest spots tried for one node: enough to reach across a crowded slice, not round a whole ring. */
const SPOTS_TRIED = 400;

/**
 * The nodes' boxes hashed into cells as large as the largest box, so that what a box may overlap is found in the
 * nine cells around it; kept up to date as nodes move.
 */
class BoxHash {
  private readonly cells = new Map<number, LayoutNode[]>();
  private readonly size: number;

  constructor(nodes: readonly LayoutNode[]) {
    let size = 1;
    for (const node of nodes)
      size = Math.max(size, node.box.right - node.box.left + BOX_GAP, node.box.bottom - node.box.top + BOX_GAP);
    this.size = size;
    for (const node of nodes) this.cell(this.keyOf(node, node.x, node.y), true).push(node);
  }

  /** Whether the node's box, were it at (x, y), would lie over another's by more than half the gap. */
  clashes(node: LayoutNode, x: number, y: number): boolean {
    const cx = x + (node.box.left + node.box.right) / 2;
    const cy = y + (node.box.top + node.box.bottom) / 2;
    const halfW = (node.box.right - node.box.left) / 2;
    const halfH = (node.box.bottom - node.box.top) / 2;
    const column = Math.floor(cx / this.size);
    const row = Math.floor(cy / this.size);
    for (let i = -1; i <= 1; i++)
      for (let j = -1; j <= 1; j++) {
        const cell = this.cells.get(key(column + i, row + j));
        if (!cell) continue;
        for (const other of cell) {
          if (other === node) continue;
          const ox =
            halfW +
            (other.box.right - other.box.left) / 2 +
            BOX_GAP / 2 -
            Math.abs(other.x + (other.box.left + other.box.right) / 2 - cx);
          if (!(ox > 0)) continue;
          const oy =
            halfH +
            (other.box.bottom - other.box.top) / 2 +
            BOX_GAP / 2 -
            Math.abs(other.y + (other.box.top + other.box.bottom) / 2 - cy);
          if (oy > 0) return true;
        }
      }
    return false;
  }

  move(node: LayoutNode, x: number, y: number): void {
    const from = this.cell(this.keyOf(node, node.x, node.y), false);
    from.splice(from.indexOf(node), 1);
    node.x = x;
    node.y = y;
    this.cell(this.keyOf(node, x, y), true).push(node);
  }

  private keyOf(node: LayoutNode, x: number, y: number): number {
    return key(
      Math.floor((x + (node.box.left + node.box.right) / 2) / this.size),
      Math.floor((y + (node.box.top + node.box.bottom) / 2) / this.size),
    );
  }

  private cell(at: number, create: boolean): LayoutNode[] {
    let cell = this.cells.get(at);
    if (!cell) {
      cell = [];
      if (create) this.cells.set(at, cell);
    }
    return cell;
  }
}

const key = (column: number, row: number) => column * 1048576 + row;

/** A spot of a slice, with its squared distance from the node that looks for a place. */
interface Spot extends Point {
  away: number;
}

/**
 * The spots of a node's slice, in a polar grid, nearest to it first (to be moved to where its box fits). Made as
 * they are asked for, within `reach` of the node and then in ever wider bands round it, each band sorted: the
 * search mostly ends at one of the first few spots, and a slice that labels of hundreds of characters have made
 * vast holds thousands. The same spots, in the same order, as the whole slice sorted would give (but for spots
 * exactly as far from the node, which rounding orders).
 */
function* spotsOf(node: LayoutNode): Generator<Spot> {
  const { arc, band } = node;
  const radiusOf = Math.hypot(node.x, node.y);
  // The node's angle, turned to lie within half a turn of the slice's middle.
  const middle = (arc.start + arc.end) / 2;
  const angleOf = Math.atan2(node.y, node.x);
  const nodeAngle = angleOf + 2 * Math.PI * Math.round((middle - angleOf) / (2 * Math.PI));
  let nearer = -1;
  for (let reach = 96; ; reach *= 2) {
    const whole = reach >= 2 * band.outer + 16;
    const farthest = whole ? Infinity : reach * reach;
    const raw: Spot[] = [];
    for (let radius = band.inner + CIRCLE_HOLD; radius <= band.outer - CIRCLE_HOLD + 1e-9; radius += 8) {
      if (!whole && Math.abs(radius - radiusOf) > reach) continue;
      const step = 8 / radius;
      const last = Math.floor((arc.end - arc.start) / step + 1e-9);
      let from = 0;
      let to = last;
      // A spot at this radius more than asin(reach / radius) round from the node is farther than `reach` from it
      // (by its distance from the line through the centre and the node), so only the angles within that are made.
      // Not in a slice of more than half the circle, whose two ends may lie side by side.
      if (!whole && reach < radius && arc.end - arc.start <= Math.PI) {
        const within = Math.asin(reach / radius);
        from = Math.max(0, Math.ceil((nodeAngle - within - arc.start) / step - 1e-9));
        to = Math.min(last, Math.floor((nodeAngle + within - arc.start) / step + 1e-9));
      }
      for (let k = from; k <= to; k++) {
        const angle = arc.start + k * step;
        const x = radius * Math.cos(angle);
        const y = radius * Math.sin(angle);
        const away = (x - node.x) ** 2 + (y - node.y) ** 2;
        if (away > nearer && away <= farthest) raw.push({ x, y, away });
      }
    }
    // Each spot's distance is worked out once, not at every comparison of the sort.
    yield* raw.sort((p, q) => p.away - q.away);
    if (whole) return;
    nearer = farthest;
  }
}
