import { forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationLinkDatum } from 'd3-force';
import type { MapDocument } from '../model/types.js';
import type { LayoutNode, LayoutTie } from './fit.js';
import { forceAnchor, forceBoxCollide, forceSlice, forceTieClearance, relaxInSlices, settleLeftovers } from './forces.js';
import { fromLayout, NODE_RADIUS, STRETCH } from './geometry.js';
import { layoutNodes, mapFrame, moversOf, tiesOf, type LayoutOptions, type Positions } from './placement.js';

export { changedPositions, needsLayout } from './placement.js';
import { hashString, seededRandom } from './random.js';

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Lays out the map's actors in their sectors and rings with d3-force: a simulation stopped before it starts
 * and ticked ahead (`stop()` + `tick()`), seeded, so that the same document always gives the same picture.
 * d3's many-body force spreads new actors, its collide force keeps circles apart and its link force draws tied
 * actors together; the map's own forces (`forces.ts`) keep each actor's box in its slice, clear of other boxes
 * and of ties, and hold actors that were placed before near where they were. Pinned actors stay put.
 */
export function layoutMap(map: MapDocument, options: LayoutOptions = {}): Positions {
  const frame = mapFrame(map, options);
  const nodes = layoutNodes(map, frame, options.boxOf);
  if (nodes.length === 0) return {};

  const firstLayout = nodes.every((node) => !node.anchor && node.fx == null);
  const working = firstLayout ? nodes : neighbourhood(nodes, tiesOf(map, nodes), options.touched);
  if (working.length > 0) simulate(map, working, firstLayout, options.ticks);
  release(working);

  const positions: Positions = Object.create(null) as Positions;
  for (const node of nodes) {
    const at = fromLayout({ x: node.fx ?? node.x, y: node.fy ?? node.y });
    positions[node.id] = { x: round(at.x), y: round(at.y) };
  }
  return positions;
}

function simulate(map: MapDocument, working: LayoutNode[], firstLayout: boolean, ticks = firstLayout ? 60 : 120): void {
  const ties = tiesOf(map, working);
  const links: SimulationLinkDatum<LayoutNode>[] = [];
  for (const { from, to } of ties) if (from && to) links.push({ source: from, target: to });
  const random = seededRandom(hashString(map.id));
  // As d3 cools alpha to 0.001 over its 300 ticks, this cools it over the ticks asked for: a layout computed in
  // fewer ticks still settles rather than stopping warm.
  const simulation = forceSimulation(working)
    .stop()
    .randomSource(random)
    .alpha(firstLayout ? 1 : 0.5)
    .alphaDecay(1 - Math.pow(0.001, 1 / Math.max(1, ticks)))
    .force(
      'charge',
      forceManyBody<LayoutNode>()
        .strength((node) => (node.anchor ? 0 : -40))
        .distanceMax(160),
    )
    .force('collide', forceCollide<LayoutNode>((NODE_RADIUS + 8) / STRETCH).strength(0.7))
    .force('link', forceLink(links).distance(120).strength(0.03))
    .force('anchor', forceAnchor(firstLayout ? 0 : 0.3))
    .force('boxes', forceBoxCollide())
    .force('ties', forceTieClearance(ties))
    .force('slice', forceSlice());
  simulation.tick(ticks);
  relaxInSlices(working, ties, random);
  settleLeftovers(working, ties);
}

/** Lets the still obstacles of an edit's neighbourhood go again. */
function release(nodes: readonly LayoutNode[]): void {
  for (const node of nodes) {
    if (node.context) {
      node.fx = node.fy = null;
      node.context = false;
    }
  }
}

/** Actors this near to one that must move may make room for it; those farther away do not move at all. */
const MAKE_ROOM = 260;
/** Beyond `MAKE_ROOM` and up to this far, actors stand still as obstacles the moving ones must respect. */
const CONTEXT = 2 * MAKE_ROOM;

/**
 * For an edit (not a first layout): the actors that must move, with those near enough to make room for them, and
 * a ring of still obstacles around. Only these are simulated: adding one actor to a map of 500 costs about as
 * much as adding it to a map of 20, and nothing far away moves. None, when nothing must move.
 */
function neighbourhood(nodes: LayoutNode[], ties: readonly LayoutTie[], touched?: ReadonlySet<string>): LayoutNode[] {
  const movers = moversOf(nodes, ties, touched);
  if (movers.length === 0) return [];
  const moving = new Set(movers);
  const distance = (node: LayoutNode) => Math.min(...movers.map((mover) => Math.hypot(mover.x - node.x, mover.y - node.y)));
  const working: LayoutNode[] = [];
  for (const node of nodes) {
    if (moving.has(node)) working.push(node);
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
