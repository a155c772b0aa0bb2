import type { Actor, MapDocument, Point } from '../model/types.js';
import {
  forceAnchor,
  forceLabelCollide,
  forceRepel,
  forceSectorRing,
  nearestInside,
  relaxInSlices,
  type LayoutNode,
} from './forces.js';
import { ringBand, ringsFor, sectorArc, sliceCounts, sliceOf, type Rings } from './geometry.js';
import { hashString, seededRandom } from './random.js';
import { simulate } from './simulation.js';
import { StartSpots } from './start-spots.js';

export interface LayoutOptions {
  /** Ticks computed ahead; more for a first layout, fewer when only a few actors are new. */
  ticks?: number;
}

/** Positions by actor id, rounded so that stored documents stay small and stable. */
export type Positions = Record<string, Point>;

const round = (value: number) => Math.round(value * 10) / 10;

function bounds(actor: Actor, map: MapDocument, rings: Rings) {
  const index = Math.max(
    0,
    map.sectors.findIndex((sector) => sector.id === actor.sector),
  );
  const arc = sectorArc(index, map.sectors.length);
  const band = ringBand(actor.ring, rings);
  return { arc, band };
}

/**
 * Lays out the map's actors in their sectors and rings. Pinned actors stay put; actors that already have a
 * position are held near it; new actors start in the freest spot of their slice. The simulation runs ahead
 * (`stop()` + `tick()`), seeded, so the same document always gives the same picture.
 */
export function layoutMap(map: MapDocument, options: LayoutOptions = {}): Positions {
  const rings = ringsFor(map.actors, map.sectors.length);
  const starts = new StartSpots(map.actors.filter((actor) => actor.position).map((actor) => actor.position!));
  const newcomers = map.actors.filter((actor) => !actor.position).length;
  const crowds = sliceCounts(map.actors);
  const nodes: LayoutNode[] = map.actors.map((actor) => {
    const { arc, band } = bounds(actor, map, rings);
    const slice = sliceOf(actor);
    const start = actor.position ?? starts.take(slice, arc, band, crowds.get(slice)!);
    const node: LayoutNode = {
      id: actor.id,
      x: start.x,
      y: start.y,
      angleStart: arc.start,
      angleEnd: arc.end,
      radiusInner: band.inner,
      radiusOuter: band.outer,
      anchor: actor.position && !actor.pinned ? { ...actor.position } : null,
    };
    if (actor.pinned && actor.position) {
      node.fx = actor.position.x;
      node.fy = actor.position.y;
    }
    return node;
  });
  if (nodes.length === 0) return {};

  const firstLayout = newcomers === map.actors.length;
  const working = firstLayout ? nodes : neighbourhood(nodes);
  simulate(working, {
    alpha: firstLayout ? 1 : 0.5,
    ticks: options.ticks ?? (firstLayout ? 150 : 120),
    random: seededRandom(hashString(map.id)),
    forces: [
      forceRepel((node) => (node.anchor ? 0 : -40)),
      forceAnchor(firstLayout ? 0 : 0.3),
      forceLabelCollide(),
      forceSectorRing(),
    ],
  });
  relaxInSlices(working);
  for (const node of working) {
    if (node.context) {
      node.fx = node.fy = null;
    }
  }

  const positions: Positions = Object.create(null) as Positions;
  for (const node of nodes) {
    positions[node.id] = { x: round(node.fx ?? node.x), y: round(node.fy ?? node.y) };
  }
  return positions;
}

/** Actors this near to one that must move may make room for it; those farther away do not move at all. */
const MAKE_ROOM = 260;
/** Beyond `MAKE_ROOM` and up to this far, actors stand still as obstacles the moving ones must respect. */
const CONTEXT = 2 * MAKE_ROOM;

/**
 * For an edit (not a first layout): the actors that must move — new ones, and ones no longer in their slice —
 * with those near enough to make room for them, and a ring of still obstacles around. Only these are simulated:
 * adding one actor to a map of 500 costs about as much as adding it to a map of 20, and nothing far away moves.
 */
function neighbourhood(nodes: LayoutNode[]): LayoutNode[] {
  const movers = nodes.filter((node) => {
    if (node.fx != null) return false;
    if (!node.anchor) return true;
    // More than a rounding error outside its slice: it must move.
    const inside = nearestInside(node);
    return Math.hypot(inside.x - node.x, inside.y - node.y) > 1;
  });
  if (movers.length === 0) return nodes;
  const distance = (node: LayoutNode) => Math.min(...movers.map((mover) => Math.hypot(mover.x - node.x, mover.y - node.y)));
  const working: LayoutNode[] = [];
  for (const node of nodes) {
    if (movers.includes(node)) working.push(node);
    else {
      const away = distance(node);
      if (away <= MAKE_ROOM) working.push(node);
      else if (away <= CONTEXT && node.fx == null) {
        node.fx = node.x;
        node.fy = node.y;
        node.context = true;
        working.push(node);
      } else if (away <= CONTEXT) working.push(node);
    }
  }
  return working;
}

/** The positions that differ from the document's, for a `setPositions` command. */
export function changedPositions(map: MapDocument, positions: Positions): Positions {
  const changed: Positions = Object.create(null) as Positions;
  for (const actor of map.actors) {
    const next = Object.hasOwn(positions, actor.id) ? positions[actor.id] : undefined;
    if (next && (!actor.position || actor.position.x !== next.x || actor.position.y !== next.y)) changed[actor.id] = next;
  }
  return changed;
}
