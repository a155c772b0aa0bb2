import type { SimulationNodeDatum } from 'd3-force';
import { angleOf, LABEL_WIDTH, NODE_BOX_HEIGHT, NODE_BOX_OFFSET, NODE_RADIUS } from './geometry.js';

/** A node of the layout: an actor with the slice of the map it must stay in. */
export interface LayoutNode extends SimulationNodeDatum {
  id: string;
  x: number;
  y: number;
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

type Force = ((alpha: number) => void) & { initialize?: (nodes: LayoutNode[]) => void };

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

const BOX_WIDTH = LABEL_WIDTH + 6;
const BOX_HEIGHT = NODE_BOX_HEIGHT + 4;

/** Grid cells are keyed by one number, `column * CELL_KEY + row`: no strings or tuples to allocate per tick. */
const CELL_KEY = 1 << 20;

/**
 * Pushes apart every two nodes whose boxes (circle and label) overlap, by `strength` of the overlap, along the
 * axis that needs the smaller move. `velocity` nudges (a force); `position` moves at once (a final relaxation).
 * A grid of box-sized cells keeps it near-linear. It runs every tick, so it allocates nothing but the grid.
 */
function separateBoxes(nodes: readonly LayoutNode[], strength: number, mode: 'velocity' | 'position'): number {
  const velocity = mode === 'velocity';
  const grid = new Map<number, LayoutNode[]>();
  for (const node of nodes) {
    const key = Math.floor(node.x / BOX_WIDTH) * CELL_KEY + Math.floor((node.y + NODE_BOX_OFFSET) / BOX_HEIGHT);
    const cell = grid.get(key);
    if (cell) cell.push(node);
    else grid.set(key, [node]);
  }
  let overlaps = 0;
  for (const a of nodes) {
    const cx = Math.floor(a.x / BOX_WIDTH);
    const cy = Math.floor((a.y + NODE_BOX_OFFSET) / BOX_HEIGHT);
    const aIndex = a.index!;
    for (let i = -1; i <= 1; i++)
      for (let j = -1; j <= 1; j++) {
        const cell = grid.get((cx + i) * CELL_KEY + cy + j);
        if (cell === undefined) continue;
        for (const b of cell) {
          if (b.index! <= aIndex) continue;
          // Where the two will be after this tick's velocity (velocity mode) or are now (position mode).
          const ox = BOX_WIDTH - Math.abs(b.x + (velocity ? (b.vx ?? 0) : 0) - a.x - (velocity ? (a.vx ?? 0) : 0));
          if (ox <= 0) continue;
          const oy = BOX_HEIGHT - Math.abs(b.y + (velocity ? (b.vy ?? 0) : 0) - a.y - (velocity ? (a.vy ?? 0) : 0));
          if (oy <= 0) continue;
          const aFixed = a.fx != null;
          const bFixed = b.fx != null;
          if (aFixed && bFixed) continue;
          overlaps++;
          const share = aFixed ? 0 : bFixed ? 1 : 0.5;
          if (ox / BOX_WIDTH < oy / BOX_HEIGHT) {
            const sign = b.x > a.x || (b.x === a.x && b.index! > aIndex) ? 1 : -1;
            const pushA = -sign * ox * strength * share;
            const pushB = sign * ox * strength * (1 - share);
            if (velocity) {
              a.vx = (a.vx ?? 0) + pushA;
              b.vx = (b.vx ?? 0) + pushB;
            } else {
              a.x += pushA;
              b.x += pushB;
            }
          } else {
            const sign = b.y > a.y || (b.y === a.y && b.index! > aIndex) ? 1 : -1;
            const pushA = -sign * oy * strength * share;
            const pushB = sign * oy * strength * (1 - share);
            if (velocity) {
              a.vy = (a.vy ?? 0) + pushA;
              b.vy = (b.vy ?? 0) + pushB;
            } else {
              a.y += pushA;
              b.y += pushB;
            }
          }
        }
      }
  }
  return overlaps;
}

/** Keeps the boxes of circle and label apart while the simulation runs. */
export function forceLabelCollide(strength = 0.7): Force {
  let nodes: LayoutNode[] = [];
  const force: Force = () => {
    separateBoxes(nodes, strength, 'velocity');
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
  for (let round = 0; round < rounds; round++) {
    const overlaps = separateBoxes(nodes, 0.5, 'position');
    for (const node of nodes) {
      if (node.fx != null) continue;
      const inside = nearestInside(node);
      node.x = inside.x;
      node.y = inside.y;
    }
    if (overlaps === 0) break;
  }
}
