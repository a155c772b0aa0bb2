/**
 * Whether a layout's actors fit where they are: each box inside its slice, clear of other boxes and of ties. The
 * editor asks this of every document it shows; only when the answer is no does it load the layout itself (d3-force
 * and the map's forces, `forces.ts` and `layout-map.ts`), which is why these tests live apart from the forces.
 */
import type { SimulationNodeDatum } from 'd3-force';
import type { Point } from '../model/types.js';
import { BOX_GAP, CIRCLE_HOLD, segmentCrossesRect, type ActorBox, type RingBand, type SectorArc } from './geometry.js';
import { NodeGrid } from './node-grid.js';

/** A node of the layout: an actor with its box and the slice of the map it must stay in. */
export interface LayoutNode extends SimulationNodeDatum {
  id: string;
  x: number;
  y: number;
  arc: SectorArc;
  /** Its ring, which holds its circle; and the whole map's, from the family's circle out, which holds its box. */
  band: RingBand;
  disc: RingBand;
  box: ActorBox;
  /** Where it was before this layout; it is pulled back there so that existing actors hardly move. */
  anchor: Point | null;
  /** Held still for this layout only, as an obstacle near the actors that move (see `layoutMap`). */
  context?: boolean;
}

/** A line between two nodes, or between a node and the family at the centre (`null`). */
export interface LayoutTie {
  from: LayoutNode | null;
  to: LayoutNode | null;
}

export const fixed = (node: LayoutNode) => node.fx != null;
export const boxCentreX = (node: LayoutNode) => node.x + (node.box.left + node.box.right) / 2;
export const boxCentreY = (node: LayoutNode) => node.y + (node.box.top + node.box.bottom) / 2;
export const halfWidth = (node: LayoutNode) => (node.box.right - node.box.left) / 2;
export const halfHeight = (node: LayoutNode) => (node.box.bottom - node.box.top) / 2;

/**
 * The point nearest to the node at which its circle lies inside its slice and its box inside the map, between
 * the family's circle and the outer ring, a gap away from them; found by a few rounds of pushing it back across
 * whichever line it crosses. A label may reach over a sector's edge or an inner ring line: the scene leaves a gap
 * in the ring line there (see `scene.ts`), and the circle tells where the actor is.
 */
export function nearestInside(node: Pick<LayoutNode, 'arc' | 'band' | 'disc' | 'box'>, from: Point): Point {
  const { arc, band, disc, box } = node;
  let { x, y } = from;
  const convex = arc.end - arc.start < Math.PI - 1e-3;
  // The inward normals of the sector's two edges, once per call. Every node is held here on every tick, so the rounds
  // allocate nothing, and lengths use Math.sqrt: Math.hypot allocates in V8's first tiers.
  const startX = -Math.sin(arc.start);
  const startY = Math.cos(arc.start);
  const endX = Math.sin(arc.end);
  const endY = -Math.cos(arc.end);
  // Most nodes are inside most of the time: a round that moves nothing ends the work.
  for (let round = 0; round < 4; round++) {
    let moved = false;
    // The circle, between its ring's lines.
    const radius = Math.sqrt(x * x + y * y) || 1e-6;
    const low = band.inner + CIRCLE_HOLD;
    const held = Math.min(Math.max(radius, low), Math.max(low, band.outer - CIRCLE_HOLD));
    if (held !== radius) {
      x *= held / radius;
      y *= held / radius;
      moved = true;
    }
    // The box, inside the outer ring: its corner farthest out.
    const left = x + box.left;
    const right = x + box.right;
    const top = y + box.top;
    const bottom = y + box.bottom;
    const length = Math.sqrt(x * x + y * y) || 1e-6;
    const far = Math.sqrt(Math.max(left * left, right * right) + Math.max(top * top, bottom * bottom));
    const outerLimit = disc.outer - BOX_GAP;
    if (far > outerLimit) {
      const move = far - outerLimit;
      x -= (x / length) * move;
      y -= (y / length) * move;
      moved = true;
    }
    // And clear of the family's circle: the point of the box nearest the centre.
    const nx = Math.max(x + box.left, Math.min(0, x + box.right));
    const ny = Math.max(y + box.top, Math.min(0, y + box.bottom));
    const near = Math.sqrt(nx * nx + ny * ny);
    const innerLimit = disc.inner + BOX_GAP;
    if (near < innerLimit) {
      const move = innerLimit - near;
      x += (x / length) * move;
      y += (y / length) * move;
      moved = true;
    }
    // The sector's edges hold the circle, not the label.
    if (convex) {
      const fromStart = startX * x + startY * y - CIRCLE_HOLD;
      if (fromStart < BOX_GAP) {
        x += startX * (BOX_GAP - fromStart);
        y += startY * (BOX_GAP - fromStart);
        moved = true;
      }
      const fromEnd = endX * x + endY * y - CIRCLE_HOLD;
      if (fromEnd < BOX_GAP) {
        x += endX * (BOX_GAP - fromEnd);
        y += endY * (BOX_GAP - fromEnd);
        moved = true;
      }
    } else {
      // A sector of half the circle or more is not convex: hold the node's centre inside its angles.
      const angle = Math.atan2(y, x);
      const unwrapped = angle < arc.start ? angle + 2 * Math.PI : angle > arc.end ? angle - 2 * Math.PI : angle;
      const clamped = Math.min(Math.max(unwrapped, arc.start + 0.05), arc.end - 0.05);
      if (clamped !== unwrapped) {
        const r = Math.sqrt(x * x + y * y);
        x = r * Math.cos(clamped);
        y = r * Math.sin(clamped);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return { x, y };
}

/** How far the node is from where its box fits its slice (0 when it fits). */
export function outsideBy(node: LayoutNode): number {
  const inside = nearestInside(node, node);
  return Math.hypot(inside.x - node.x, inside.y - node.y);
}

/** The overlap of two nodes' boxes (with the gap between them) along x and y, where positive on both. */
export function boxOverlap(a: LayoutNode, b: LayoutNode, velocity: boolean): { x: number; y: number } | null {
  const ax = boxCentreX(a) + (velocity ? (a.vx ?? 0) : 0);
  const bx = boxCentreX(b) + (velocity ? (b.vx ?? 0) : 0);
  // Negated comparisons, so that NaN counts as no overlap.
  const ox = halfWidth(a) + halfWidth(b) + BOX_GAP - Math.abs(bx - ax);
  if (!(ox > 0)) return null;
  const ay = boxCentreY(a) + (velocity ? (a.vy ?? 0) : 0);
  const by = boxCentreY(b) + (velocity ? (b.vy ?? 0) : 0);
  const oy = halfHeight(a) + halfHeight(b) + BOX_GAP - Math.abs(by - ay);
  if (!(oy > 0)) return null;
  return { x: ox, y: oy };
}

/** A grid whose cells are as large as the largest box, so that boxes can overlap only in neighbouring cells. */
export function boxGrid(nodes: readonly LayoutNode[]): NodeGrid {
  let width = 1;
  let height = 1;
  for (const node of nodes) {
    width = Math.max(width, node.box.right - node.box.left + BOX_GAP);
    height = Math.max(height, node.box.bottom - node.box.top + BOX_GAP);
  }
  return new NodeGrid(
    width,
    height,
    (index) => (nodes[index]!.box.left + nodes[index]!.box.right) / 2,
    (index) => (nodes[index]!.box.top + nodes[index]!.box.bottom) / 2,
  );
}

/** Whether a tie (between node centres, or the family at (0, 0)) runs through a node's box, with a margin. */
export function tieThrough(tie: LayoutTie, node: LayoutNode, x: number, y: number): boolean {
  const margin = 2;
  if (node === tie.from || node === tie.to) return false;
  const x1 = tie.from?.x ?? 0;
  const y1 = tie.from?.y ?? 0;
  const x2 = tie.to?.x ?? 0;
  const y2 = tie.to?.y ?? 0;
  const left = x + node.box.left - margin;
  const right = x + node.box.right + margin;
  const top = y + node.box.top - margin;
  const bottom = y + node.box.bottom + margin;
  // Most ties are nowhere near: their bounding boxes do not meet.
  if (Math.max(x1, x2) < left || Math.min(x1, x2) > right || Math.max(y1, y2) < top || Math.min(y1, y2) > bottom) return false;
  return segmentCrossesRect(x1, y1, x2, y2, { left, top, right, bottom });
}

/** The nodes whose boxes a tie between two other nodes runs through. */
export function crossedByTies(nodes: readonly LayoutNode[], ties: readonly LayoutTie[]): Set<LayoutNode> {
  const found = new Set<LayoutNode>();
  if (ties.length === 0) return found;
  for (const node of nodes) if (ties.some((tie) => tieThrough(tie, node, node.x, node.y))) found.add(node);
  return found;
}

/** The nodes whose boxes overlap another's. */
export function overlapping(nodes: readonly LayoutNode[]): Set<LayoutNode> {
  const found = new Set<LayoutNode>();
  boxGrid(nodes).forEachNearPair(nodes, (a, b) => {
    const one = nodes[a]!;
    const other = nodes[b]!;
    const overlap = boxOverlap(one, other, false);
    // A little slack: the forces separate, they do not solve exactly.
    if (overlap && overlap.x > BOX_GAP + 1 && overlap.y > BOX_GAP + 1) {
      found.add(one);
      found.add(other);
    }
  });
  return found;
}
