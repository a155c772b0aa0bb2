import { angleOf, LABEL_WIDTH, NODE_BOX_HEIGHT, NODE_BOX_OFFSET, NODE_RADIUS } from './geometry.js';
import { NodeGrid } from './node-grid.js';

/** A node of the layout: an actor with the slice of the map it must stay in. Velocity and fixing as in d3-force. */
export interface LayoutNode {
  id: string;
  x: number;
  y: number;
  vx?: number;
  vy?: number;
  /** Held at this point (a pinned actor, or a still obstacle) while the others move. */
  fx?: number | null;
  fy?: number | null;
  /** Angular bounds of its sector and radial bounds of its ring. */
  angleStart: number;
  angleEnd: number;
  radiusInner: number;
  radiusOuter: number;
  /** Where it was before this layout; it is pulled back there so that existing actors hardly move. */
  anchor: { x: number; y: number } | null;
  /** Held still for this layout only, as an obstacle near the actors that move (see `neighbourhood`). */
  context?: boolean;
}

/** A force as d3-force shapes one: called each tick with the simulation's alpha, given the nodes once. */
export type Force = ((alpha: number) => void) & { initialize?: (nodes: LayoutNode[], random: () => number) => void };

/** The point of a node's slice (sector and ring, less a margin for circle and label) nearest to the node. */
export function nearestInside(node: LayoutNode): { x: number; y: number } {
  const radius = Math.hypot(node.x, node.y) || 1e-6;
  const inner = node.radiusInner + NODE_RADIUS + 4;
  const outer = Math.max(inner, node.radiusOuter - NODE_RADIUS - 4 - NODE_BOX_OFFSET);
  const targetRadius = Math.min(Math.max(radius, inner), outer);
  const padAngle = Math.min((LABEL_WIDTH / 2 + 4) / targetRadius, (node.angleEnd - node.angleStart) / 2 - 1e-3);
  const angle = angleOf(node);
  const targetAngle = Math.min(Math.max(angle, node.angleStart + padAngle), node.angleEnd - padAngle);
  if (targetRadius === radius && targetAngle === angle) return { x: node.x, y: node.y };
  return { x: targetRadius * Math.cos(targetAngle), y: targetRadius * Math.sin(targetAngle) };
}

/** Keeps each node inside its sector and ring: a node outside is pushed back towards the nearest inside point. */
export function forceSectorRing(strength = 0.6): Force {
  let nodes: LayoutNode[] = [];
  const force: Force = (alpha) => {
    for (const node of nodes) {
      if (node.fx != null) continue;
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
      if (!node.anchor || node.fx != null) continue;
      node.vx = (node.vx ?? 0) + (node.anchor.x - node.x) * strength * alpha;
      node.vy = (node.vy ?? 0) + (node.anchor.y - node.y) * strength * alpha;
    }
  };
  force.initialize = (all) => {
    nodes = all;
  };
  return force;
}

/**
 * Actors push each other apart as charges do, by d3's many-body law (a push of `strength × alpha / distance`, by
 * the charge of the one pushing; none beyond `distanceMax`) but summed exactly over the actors within reach, found in a
 * grid of `distanceMax`-wide cells. d3's `forceManyBody` approximates far charges with a quadtree it rebuilds
 * and walks every tick, allocating as it goes: a first layout of 40 actors spent most of its time there and in
 * the garbage collection that followed. The reach is short, so the exact sum is also the cheaper one.
 */
export function forceRepel(strength: (node: LayoutNode) => number, distanceMax = 160): Force {
  const reach2 = distanceMax * distanceMax;
  const grid = new NodeGrid(distanceMax, distanceMax);
  let nodes: LayoutNode[] = [];
  let charges = new Float64Array(0);
  let random = Math.random;
  // As d3: two actors at the same spot are told apart by a tiny seeded nudge.
  const jiggle = () => (random() - 0.5) * 1e-6;
  const force: Force = (alpha) => {
    grid.forEachNearPair(nodes, (a, b) => {
      if (charges[a] === 0 && charges[b] === 0) return;
      const one = nodes[a]!;
      const other = nodes[b]!;
      let dx = other.x - one.x;
      let dy = other.y - one.y;
      let distance2 = dx * dx + dy * dy;
      // Written so that a node at NaN (never stored: validation refuses it) pushes no one.
      if (!(distance2 < reach2)) return;
      if (dx === 0) distance2 += (dx = jiggle()) * dx;
      if (dy === 0) distance2 += (dy = jiggle()) * dy;
      // d3's distanceMin of 1: closer than that, the push stops growing.
      if (distance2 < 1) distance2 = Math.sqrt(distance2);
      const onOne = (charges[b]! * alpha) / distance2;
      const onOther = (charges[a]! * alpha) / distance2;
      one.vx = (one.vx ?? 0) + dx * onOne;
      one.vy = (one.vy ?? 0) + dy * onOne;
      other.vx = (other.vx ?? 0) - dx * onOther;
      other.vy = (other.vy ?? 0) - dy * onOther;
    });
  };
  force.initialize = (all, seeded) => {
    nodes = all;
    random = seeded;
    charges = Float64Array.from(all, strength);
  };
  return force;
}

const BOX_WIDTH = LABEL_WIDTH + 6;
const BOX_HEIGHT = NODE_BOX_HEIGHT + 4;

/** A grid of box-sized cells: two boxes can overlap only if they are in neighbouring cells. */
const boxGrid = () => new NodeGrid(BOX_WIDTH, BOX_HEIGHT, NODE_BOX_OFFSET);

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
 * Pushes apart every two nodes whose boxes (circle and label) overlap, by `strength` of the overlap, along the
 * axis that needs the smaller move. `velocity` nudges (a force); `position` moves at once (a final relaxation).
 * The grid keeps it near-linear; it runs every tick, so it allocates nothing.
 */
function separateBoxes(nodes: readonly LayoutNode[], grid: NodeGrid, strength: number, mode: 'velocity' | 'position'): number {
  const velocity = mode === 'velocity';
  let overlaps = 0;
  grid.forEachNearPair(nodes, (aIndex, bIndex) => {
    const a = nodes[aIndex]!;
    const b = nodes[bIndex]!;
    // Where the two will be after this tick's velocity (velocity mode) or are now (position mode).
    // Negated, so that NaN counts as no overlap.
    const ox = BOX_WIDTH - Math.abs(b.x + (velocity ? (b.vx ?? 0) : 0) - a.x - (velocity ? (a.vx ?? 0) : 0));
    if (!(ox > 0)) return;
    const oy = BOX_HEIGHT - Math.abs(b.y + (velocity ? (b.vy ?? 0) : 0) - a.y - (velocity ? (a.vy ?? 0) : 0));
    if (!(oy > 0)) return;
    const aFixed = a.fx != null;
    const bFixed = b.fx != null;
    if (aFixed && bFixed) return;
    overlaps++;
    const share = aFixed ? 0 : bFixed ? 1 : 0.5;
    // Along the axis that needs the smaller move.
    const alongX = ox / BOX_WIDTH < oy / BOX_HEIGHT;
    const overlap = alongX ? ox : oy;
    const sign = (alongX ? b.x >= a.x : b.y >= a.y) ? 1 : -1;
    const pushA = -sign * overlap * strength * share;
    const pushB = sign * overlap * strength * (1 - share);
    push(a, alongX ? pushA : 0, alongX ? 0 : pushA, velocity);
    push(b, alongX ? pushB : 0, alongX ? 0 : pushB, velocity);
  });
  return overlaps;
}

/** Keeps the boxes of circle and label apart while the simulation runs. */
export function forceLabelCollide(strength = 0.7): Force {
  let nodes: LayoutNode[] = [];
  const grid = boxGrid();
  const force: Force = () => {
    separateBoxes(nodes, grid, strength, 'velocity');
  };
  force.initialize = (all) => {
    nodes = all;
  };
  return force;
}

/**
 * After the simulation: moves overlapping boxes apart and back into their slices, in turns, until nothing
 * overlaps or the rounds run out (a slice can be too full for all of its labels).
 */
export function relaxInSlices(nodes: readonly LayoutNode[], rounds = 60): void {
  const grid = boxGrid();
  for (let round = 0; round < rounds; round++) {
    const overlaps = separateBoxes(nodes, grid, 0.5, 'position');
    for (const node of nodes) {
      if (node.fx != null) continue;
      const inside = nearestInside(node);
      node.x = inside.x;
      node.y = inside.y;
    }
    if (overlaps === 0) break;
  }
}
