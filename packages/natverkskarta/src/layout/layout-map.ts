import { forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationLinkDatum } from 'd3-force';
import { CENTRE_ID, type MapDocument, type Point } from '../model/types.js';
import {
  forceAnchor,
  forceBoxCollide,
  forceSlice,
  forceTieClearance,
  crossedByTies,
  outsideBy,
  overlapping,
  relaxInSlices,
  settleLeftovers,
  type LayoutNode,
  type LayoutTie,
} from './forces.js';
import {
  arcOf,
  frameFor,
  fromLayout,
  NODE_RADIUS,
  NOMINAL_BOX,
  ringBand,
  sliceCounts,
  sliceOf,
  STRETCH,
  toLayout,
  type ActorBox,
  type MapFrame,
} from './geometry.js';
import { hashString, seededRandom } from './random.js';
import { StartSpots } from './start-spots.js';

export interface LayoutOptions {
  /** Ticks computed ahead; more for a first layout, fewer when only a few actors are new. */
  ticks?: number;
  /** Each actor's measured box (circle and label); the nominal box where none is given. */
  boxOf?: (id: string) => ActorBox | undefined;
  /** The frame the actors are laid out in; `frameFor` the document and boxes by default. */
  frame?: MapFrame;
  /**
   * The actors an edit touched. Only they move for being over another's label or crossed by a tie (besides new
   * actors, and any whose slice moved away from them): an edit elsewhere leaves the rest of the map as it is.
   * Every actor, when not given.
   */
  touched?: ReadonlySet<string>;
}

/** Positions by actor id, rounded so that stored documents stay small and stable. */
export type Positions = Record<string, Point>;

const round = (value: number) => Math.round(value * 10) / 10;

/** The frame of a document, with the boxes its labels need. */
export function mapFrame(map: MapDocument, options: Pick<LayoutOptions, 'boxOf' | 'frame'> = {}): MapFrame {
  return options.frame ?? frameFor(map.actors, map.sectors, { boxOf: options.boxOf });
}

/** The actors as nodes in layout units (see `STRETCH`), boxes and all. */
function layoutNodes(map: MapDocument, frame: MapFrame, boxOf: LayoutOptions['boxOf']): LayoutNode[] {
  const starts = new StartSpots(map.actors.filter((actor) => actor.position).map((actor) => toLayout(actor.position!)));
  const crowds = sliceCounts(map.actors);
  return map.actors.map((actor) => {
    const arc = arcOf(frame, actor.sector);
    const band = ringBand(actor.ring, frame.rings);
    const slice = sliceOf(actor);
    const placed = actor.position ? toLayout(actor.position) : null;
    const start = placed ?? starts.take(slice, arc, band, crowds.get(slice)!);
    const box = boxOf?.(actor.id) ?? NOMINAL_BOX;
    const node: LayoutNode = {
      id: actor.id,
      x: start.x,
      y: start.y,
      arc,
      band,
      disc: { inner: frame.centreRadius, outer: frame.rings[2].outer, mid: 0 },
      box: { left: box.left / STRETCH, right: box.right / STRETCH, top: box.top, bottom: box.bottom },
      anchor: placed && !actor.pinned ? { ...placed } : null,
    };
    if (actor.pinned && placed) {
      node.fx = placed.x;
      node.fy = placed.y;
    }
    return node;
  });
}

/**
 * The nodes that must move: new ones, ones whose box no longer fits their slice, ones whose box overlaps another,
 * and ones a tie runs through.
 */
function moversOf(nodes: readonly LayoutNode[], ties: readonly LayoutTie[], touched?: ReadonlySet<string>): LayoutNode[] {
  const crowded = overlapping(nodes);
  const checked = touched ? nodes.filter((node) => touched.has(node.id)) : nodes;
  const crossed = crossedByTies(checked, ties);
  return nodes.filter(
    (node) =>
      node.fx == null &&
      (!node.anchor || outsideBy(node) > 1 || ((!touched || touched.has(node.id)) && (crowded.has(node) || crossed.has(node)))),
  );
}

/** The map's ties between the given nodes (or a node and the family). */
function tiesOf(map: MapDocument, nodes: readonly LayoutNode[]): LayoutTie[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const ties: LayoutTie[] = [];
  for (const tie of map.ties) {
    const from = tie.from === CENTRE_ID ? null : byId.get(tie.from);
    const to = tie.to === CENTRE_ID ? null : byId.get(tie.to);
    if (from !== undefined && to !== undefined) ties.push({ from, to });
  }
  return ties;
}

/** Whether a document's actors need the layout: one has no place, or its box is outside its slice or over another's. */
export function needsLayout(map: MapDocument, options: Pick<LayoutOptions, 'boxOf' | 'frame' | 'touched'> = {}): boolean {
  if (map.actors.some((actor) => !actor.position)) return true;
  const nodes = layoutNodes(map, mapFrame(map, options), options.boxOf);
  return moversOf(nodes, tiesOf(map, nodes), options.touched).length > 0;
}

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

function simulate(map: MapDocument, working: LayoutNode[], firstLayout: boolean, ticks = firstLayout ? 150 : 120): void {
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

/** The positions that differ from the document's, for a `setPositions` command. */
export function changedPositions(map: MapDocument, positions: Positions): Positions {
  const changed: Positions = Object.create(null) as Positions;
  for (const actor of map.actors) {
    const next = Object.hasOwn(positions, actor.id) ? positions[actor.id] : undefined;
    if (next && (!actor.position || actor.position.x !== next.x || actor.position.y !== next.y)) changed[actor.id] = next;
  }
  return changed;
}
