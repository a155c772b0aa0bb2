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
      const target = nearestInside(node);
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
  // Each tie against each box, but on a large map (hundreds of actors and ties) only the boxes near the line.
  const large = nodes.length * ties.length > BRUTE_FORCE_PAIRS;
  if (large) {
    index.fill(nodes);
  }
  for (const tie of ties) {
    const x1 = tie.from?.x ?? 0;
    const y1 = tie.from?.y ?? 0;
    const x2 = tie.to?.x ?? 0;
    const y2 = tie.to?.y ?? 0;
    const length = Math.hypot(x2 - x1, y2 - y1);
    if (!(length > 1)) continue;
    const dx = (x2 - x1) / length;
    const dy = (y2 - y1) / length;
    // The line's normal.
    const nx = -dy;
    const ny = dx;
    const minX = Math.min(x1, x2);
    const maxX = Math.max(x1, x2);
    const minY = Math.min(y1, y2);
    const maxY = Math.max(y1, y2);
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
      // How far the box reaches along the line and across it.
      const along = (cx - x1) * dx + (cy - y1) * dy;
      const reachAlong = halfW * Math.abs(dx) + halfH * Math.abs(dy);
      if (along + reachAlong < 0 || along - reachAlong > length) return;
      const across = (cx - x1) * nx + (cy - y1) * ny;
      const reachAcross = halfW * Math.abs(nx) + halfH * Math.abs(ny);
      const depth = reachAcross - Math.abs(across);
      if (!(depth > 0)) return;
      crossings++;
      // The label moves off the line, and the line's ends (those not held) the other way, a share each.
      const side = across === 0 ? (random() < 0.5 ? -1 : 1) : Math.sign(across);
      const ends = [tie.from, tie.to].filter((end): end is LayoutNode => end !== null && !fixed(end));
      const share = 1 / (1 + ends.length / 2);
      push(node, side * nx * depth * strength * share, side * ny * depth * strength * share, velocity);
      for (const end of ends) {
        push(end, -side * nx * depth * strength * share * 0.5, -side * ny * depth * strength * share * 0.5, velocity);
      }
    };
    if (large) index.forEachNearSegment(x1, y1, x2, y2, (i) => visit(nodes[i]!));
    else for (const node of nodes) visit(node);
  }
  return crossings;
}

/** Up to this many tie–box pairs, each is tried; past it, only the boxes near each line. */
const BRUTE_FORCE_PAIRS = 40_000;
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
      const inside = nearestInside(node);
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
  const large = nodes.length * ties.length > BRUTE_FORCE_PAIRS;
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
    for (const raw of spotsOf(node).slice(0, SPOTS_TRIED)) {
      const spot = nearestInside({ ...node, ...raw });
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

const polarPoint = (radius: number, angle: number): Point => ({ x: radius * Math.cos(angle), y: radius * Math.sin(angle) });

/** The spots of a node's slice, in a polar grid, nearest to it first (to be moved to where its box fits). */
function spotsOf(node: LayoutNode): Point[] {
  const { arc, band } = node;
  const distance = (p: Point) => (p.x - node.x) ** 2 + (p.y - node.y) ** 2;
  const radiusOf = Math.hypot(node.x, node.y);
  // Only the nearest few hundred are tried: gather the slice's spots within `reach` of the node, widening it until
  // enough lie within it (or it holds the whole slice), rather than every spot of a slice that labels of hundreds of
  // characters have made vast. The same spots, in the same order, as the whole slice sorted would give.
  for (let reach = 96; ; reach *= 2) {
    const whole = reach >= 2 * band.outer + 16;
    const raw: Point[] = [];
    let within = 0;
    for (let radius = band.inner + CIRCLE_HOLD; radius <= band.outer - CIRCLE_HOLD + 1e-9; radius += 8) {
      if (!whole && Math.abs(radius - radiusOf) > reach) continue;
      for (let angle = arc.start; angle <= arc.end; angle += 8 / radius) {
        const spot = polarPoint(radius, angle);
        const away = distance(spot);
        if (!whole && away > reach * reach) continue;
        raw.push(spot);
        within++;
      }
    }
    if (whole || within >= SPOTS_TRIED) return raw.sort((p, q) => distance(p) - distance(q));
  }
}
