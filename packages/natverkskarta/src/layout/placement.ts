/**
 * Whether a document's actors need the layout, and what the layout needs to know of them: its options, the actors
 * as nodes, which of them must move. The layout itself (`layout-map.ts`, d3-force) is loaded only when they do.
 */
import { CENTRE_ID, type MapDocument, type Point } from '../model/types.js';
import { crossedByTies, outsideBy, overlapping, type LayoutNode, type LayoutTie } from './fit.js';
import {
  arcOf,
  frameFor,
  NOMINAL_BOX,
  ringBand,
  sliceCounts,
  sliceOf,
  STRETCH,
  toLayout,
  type ActorBox,
  type MapFrame,
} from './geometry.js';
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

/**
 * The layout itself: `layout-map.ts`, which the editor loads when a document first needs it, with the checks of
 * whether it does (they measure boxes and ties, and come with it).
 */
export interface LayoutEngine {
  layoutMap(map: MapDocument, options?: LayoutOptions): Positions;
  needsLayout(map: MapDocument, options?: Pick<LayoutOptions, 'boxOf' | 'frame' | 'touched'>): boolean;
  changedPositions(map: MapDocument, positions: Positions): Positions;
}

/** Positions by actor id, rounded so that stored documents stay small and stable. */
export type Positions = Record<string, Point>;

/** The frame of a document, with the boxes its labels need. */
export function mapFrame(map: MapDocument, options: Pick<LayoutOptions, 'boxOf' | 'frame'> = {}): MapFrame {
  return options.frame ?? frameFor(map.actors, map.sectors, { boxOf: options.boxOf });
}

/** The actors as nodes in layout units (see `STRETCH`), boxes and all. */
export function layoutNodes(map: MapDocument, frame: MapFrame, boxOf: LayoutOptions['boxOf']): LayoutNode[] {
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
export function moversOf(nodes: readonly LayoutNode[], ties: readonly LayoutTie[], touched?: ReadonlySet<string>): LayoutNode[] {
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
export function tiesOf(map: MapDocument, nodes: readonly LayoutNode[]): LayoutTie[] {
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

/** The positions that differ from the document's, for a `setPositions` command. */
export function changedPositions(map: MapDocument, positions: Positions): Positions {
  const changed: Positions = Object.create(null) as Positions;
  for (const actor of map.actors) {
    const next = Object.hasOwn(positions, actor.id) ? positions[actor.id] : undefined;
    if (next && (!actor.position || actor.position.x !== next.x || actor.position.y !== next.y)) changed[actor.id] = next;
  }
  return changed;
}
