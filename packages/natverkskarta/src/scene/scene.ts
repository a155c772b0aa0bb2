/**
 * What the map shows, as plain primitives in map units: sector wedges and their names, the rings and theirs, the
 * family at the centre, the ties, every actor with its marks and label lines, and the legend. Computed once from
 * the document, its layout and the translations; the SVG view (`elements/map-view.ts`) and the PDF
 * (`export/pdf.ts`) both paint it and draw nothing of their own. No DOM, no Lit, no jsPDF.
 */
import { sectorLabel, type Translations } from '../i18n/index.js';
import {
  arcOf,
  frameFor,
  fromLayout,
  outerRadius,
  polar,
  segmentCrossesRect,
  STRETCH,
  type ActorBox,
  type MapFrame,
  type SectorArc,
} from '../layout/geometry.js';
import {
  ACTOR_STATUSES,
  CENTRE_ID,
  FUNCTIONINGS,
  RINGS,
  TIE_KINDS,
  type Actor,
  type ActorStatus,
  type Functioning,
  type MapDocument,
  type Point,
  type Ring,
  type TieKind,
} from '../model/types.js';
import { MARK_REACH, stackHeight, stackLines, type ActorLabel, type LabelPlace, type Labeller, type TextLine } from './labels.js';
import { sectorColours } from './palette.js';
import { lineHeight, TEXT_STYLES, type MeasureText } from './typography.js';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface SceneSector {
  id: string;
  /** Its colour, and the key its colour goes by in the style sheet (a default sector's id, or `extra-N`). */
  colour: string;
  colourKey: string;
  empty: boolean;
  arc: SectorArc;
  inner: number;
  outer: number;
  /** Its name outside the outer ring, in absolute map units. */
  label: TextLine[];
  labelBox: Rect;
}

export interface SceneRing {
  ring: Ring;
  radius: number;
  /**
   * The stretches of the ring's line that are drawn, as angles in layout units (from, to): all of it, but where a
   * label reaches over it, so that no ring line runs through a label.
   */
  runs: [number, number][];
  /** Its name inside the ring, where no actor and no tie is; none when there is no such place. */
  label: TextLine | null;
  labelBox: Rect | null;
}

export interface SceneTie {
  id: string;
  from: string;
  to: string;
  kind: TieKind;
  /** From the edge of one end to the edge of the other: a tie never runs under its ends' labels. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface SceneActor {
  id: string;
  actor: Actor;
  sector: string;
  colour: string;
  colourKey: string;
  status: ActorStatus;
  functioning: Functioning | null;
  consent: boolean;
  x: number;
  y: number;
  /** Lines and boxes relative to (x, y). */
  label: ActorLabel;
}

export type LegendEntry =
  | { kind: 'sector'; text: string; colour: string; colourKey: string }
  | { kind: 'ring'; text: string; ring: Ring }
  | { kind: 'status'; text: string; status: ActorStatus }
  | { kind: 'functioning'; text: string; functioning: Functioning }
  | { kind: 'consent'; text: string }
  | { kind: 'tie'; text: string; tieKind: TieKind };

export interface LegendGroup {
  heading: string;
  entries: LegendEntry[];
}

export interface Scene {
  frame: MapFrame;
  centre: { radius: number; lines: TextLine[] };
  sectors: SceneSector[];
  rings: SceneRing[];
  ties: SceneTie[];
  actors: SceneActor[];
  legend: LegendGroup[];
  /** Everything drawn, for a view that shows the whole map. */
  bounds: Rect;
}

export interface SceneInput {
  map: MapDocument;
  t: Translations;
  measure: MeasureText;
  /** Each actor's label (see `labeller`). */
  label: Labeller;
  /** The frame the map was laid out in; see `sceneFrame`. */
  frame: MapFrame;
  /** The family's name in its circle; see `labelCentre`. */
  centre: { lines: TextLine[]; radius: number };
}

/** Labels point away from the middle, where ties come from: over the circle at the top of the map, else under it. */
export function labelPlace(frame: MapFrame, sector: string): LabelPlace {
  return Math.sin(arcOf(frame, sector).mid) < -0.7 ? 'above' : 'below';
}

/** Each actor's box as the layout must keep it: its label fitted to its sector. */
export function boxesFor(map: MapDocument, frame: MapFrame, label: Labeller): (id: string) => ActorBox | undefined {
  const byId = new Map(map.actors.map((actor) => [actor.id, actor]));
  return (id) => {
    const actor = byId.get(id);
    return actor ? label(actor, labelPlace(frame, actor.sector)).box : undefined;
  };
}

/** The frame of a map whose labels are measured: each actor's box, and a centre as large as the family's name. */
export function sceneFrame(map: MapDocument, label: Labeller, centreRadius: number): MapFrame {
  const byId = new Map(map.actors.map((actor) => [actor.id, actor]));
  return frameFor(map.actors, map.sectors, {
    boxOf: (id) => {
      const actor = byId.get(id);
      return actor ? label(actor).box : undefined;
    },
    centreRadius,
  });
}

/** A sector's name wraps at this width; over and under the map, where the room is wide, on one line. */
const SECTOR_LABEL_WIDTH = { side: 170, top: 260 } as const;
const SECTOR_LABEL_GAP = 8;

export function buildScene(input: SceneInput): Scene {
  const { map, t, measure, frame } = input;
  const colours = sectorColours(map.sectors.map((sector) => sector.id));
  const keys = new Map<string, string>();
  let extra = 0;
  for (const sector of map.sectors) keys.set(sector.id, isDefault(sector.id) ? sector.id : `extra-${extra++}`);
  const outer = outerRadius(frame);

  const actors: SceneActor[] = [];
  for (const actor of map.actors) {
    const at = actor.position;
    if (!at) continue;
    actors.push({
      id: actor.id,
      actor,
      sector: actor.sector,
      colour: colours.get(actor.sector) ?? '#9ca3af',
      colourKey: keys.get(actor.sector) ?? 'unknown',
      status: actor.status,
      functioning: actor.functioning,
      consent: actor.consent.given,
      x: at.x,
      y: at.y,
      label: input.label(actor, labelPlace(frame, actor.sector)),
    });
  }
  const ties = sceneTies(map, actors, input.centre.radius);

  const sectors: SceneSector[] = map.sectors.map((sector, index) => {
    const arc = frame.arcs[index]!;
    const wrap = Math.abs(Math.sin(arc.mid)) > 0.85 ? SECTOR_LABEL_WIDTH.top : SECTOR_LABEL_WIDTH.side;
    const label = stackLines([[sectorLabel(t, sector), 'sector']], 0, wrap, measure);
    const height = stackHeight(label);
    const half = Math.max(...label.map((line) => line.width)) / 2;
    // Just outside the outer ring, out from the sector's middle as far as the box needs to clear the ring.
    const edge = fromLayout(polar(outer, arc.mid));
    const normal = Math.hypot(Math.cos(arc.mid) / STRETCH, Math.sin(arc.mid));
    const ux = Math.cos(arc.mid) / STRETCH / normal;
    const uy = Math.sin(arc.mid) / normal;
    let box = { left: 0, right: 0, top: 0, bottom: 0 };
    for (let distance = 0; distance < 400; distance += 2) {
      const cx = edge.x + ux * distance;
      const cy = edge.y + uy * distance;
      box = { left: cx - half, right: cx + half, top: cy - height / 2, bottom: cy + height / 2 };
      if (reach(box).near >= outer + SECTOR_LABEL_GAP) break;
    }
    for (const line of label) {
      line.x += (box.left + box.right) / 2;
      line.y += box.top;
    }
    return {
      id: sector.id,
      colour: colours.get(sector.id)!,
      colourKey: keys.get(sector.id)!,
      empty: !map.actors.some((actor) => actor.sector === sector.id),
      arc,
      inner: frame.centreRadius,
      outer,
      label,
      labelBox: box,
    };
  });

  const actorBoxes = actors.map((actor) => ({
    left: actor.x + actor.label.box.left,
    right: actor.x + actor.label.box.right,
    top: actor.y + actor.label.box.top,
    bottom: actor.y + actor.label.box.bottom,
  }));
  const rings: SceneRing[] = RINGS.map((ring) => {
    const band = frame.rings[ring - 1]!;
    const text = t.rings[ring];
    const width = measure(text, TEXT_STYLES.ring);
    const placed = placeRingLabel(band.inner, band.outer, width, frame, actorBoxes, ties);
    const runs = ringRuns(band.outer, actors);
    if (!placed) return { ring, radius: band.outer, runs, label: null, labelBox: null };
    const style = TEXT_STYLES.ring;
    const cx = (placed.left + placed.right) / 2;
    const baseline = placed.top + (placed.bottom - placed.top) / 2 + style.size * 0.35;
    return {
      ring,
      radius: band.outer,
      runs,
      label: { text, style: 'ring', x: cx, y: baseline, anchor: 'middle', width, tail: '' },
      labelBox: placed,
    };
  });

  const bounds: Rect = { left: -outer * STRETCH, top: -outer, right: outer * STRETCH, bottom: outer };
  for (const box of [...sectors.map((sector) => sector.labelBox), ...actorBoxes]) {
    bounds.left = Math.min(bounds.left, box.left);
    bounds.top = Math.min(bounds.top, box.top);
    bounds.right = Math.max(bounds.right, box.right);
    bounds.bottom = Math.max(bounds.bottom, box.bottom);
  }

  return { frame, centre: input.centre, sectors, rings, ties, actors, legend: legendOf(map, t, sectors), bounds };
}

/** The ties between actors where they are drawn, each ending at the edge of its actors' circles and labels. */
function sceneTies(map: MapDocument, actors: readonly SceneActor[], centreRadius: number): SceneTie[] {
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  const ties: SceneTie[] = [];
  for (const tie of map.ties) {
    const a = tie.from === CENTRE_ID ? null : byId.get(tie.from);
    const b = tie.to === CENTRE_ID ? null : byId.get(tie.to);
    if (a === undefined || b === undefined) continue;
    const start = a ?? { x: 0, y: 0 };
    const end = b ?? { x: 0, y: 0 };
    const length = Math.hypot(end.x - start.x, end.y - start.y);
    if (length === 0) continue;
    const dx = (end.x - start.x) / length;
    const dy = (end.y - start.y) / length;
    const from = a ? exitDistance(a.label, dx, dy) : centreRadius;
    const to = b ? exitDistance(b.label, -dx, -dy) : centreRadius;
    // Ends that overlap each other leave nothing to draw between them; the line then joins their centres.
    const [s, e] = from + to < length ? [from, length - to] : [0, length];
    ties.push({
      id: tie.id,
      from: tie.from,
      to: tie.to,
      kind: tie.kind,
      x1: start.x + dx * s,
      y1: start.y + dy * s,
      x2: start.x + dx * e,
      y2: start.y + dy * e,
    });
  }
  return ties;
}

/**
 * A step of an animation: the actors, and the ties between them, where they are drawn now (`positionOf`); all
 * else as the document has it: the rings' gaps and names and the sectors' names hold still while actors glide to
 * their places. Worked out again at every step, they took most of its time on a large map (at 470 actors, 116 of
 * the 199 ms that building scenes took over twenty edits and their glides).
 */
export function sceneInMotion(still: Scene, map: MapDocument, positionOf: (actor: Actor) => Point | undefined): Scene {
  const actors: SceneActor[] = [];
  for (const actor of still.actors) {
    const at = positionOf(actor.actor);
    if (at) actors.push({ ...actor, x: at.x, y: at.y });
  }
  return { ...still, actors, ties: sceneTies(map, actors, still.centre.radius) };
}

const DEFAULT_IDS = new Set(['family', 'municipality', 'school', 'region', 'state', 'civil']);
const isDefault = (id: string) => DEFAULT_IDS.has(id);

/**
 * How far from an actor's centre a line leaving it in direction (dx, dy) leaves its circle and marks and, if it
 * passes through it, its label.
 */
function exitDistance(label: ActorLabel, dx: number, dy: number): number {
  const { left, right, top, bottom } = label.text;
  let near = -Infinity;
  let far = Infinity;
  for (const [d, low, high] of [
    [dx, left, right],
    [dy, top, bottom],
  ] as const) {
    if (Math.abs(d) < 1e-12) {
      if (low > 0 || high < 0) return MARK_REACH;
      continue;
    }
    const t1 = low / d;
    const t2 = high / d;
    near = Math.max(near, Math.min(t1, t2));
    far = Math.min(far, Math.max(t1, t2));
  }
  return near <= far && far > 0 ? Math.max(MARK_REACH, far + 2) : MARK_REACH;
}

const overlaps = (a: Rect, b: Rect, gap = 0) =>
  a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

/**
 * A place for a ring's name inside the ring, just within its outer line, where it overlaps no actor and no tie
 * runs through it: on a sector's edge if one is free, else anywhere round the ring from twelve o'clock.
 */
function placeRingLabel(
  inner: number,
  outer: number,
  width: number,
  frame: MapFrame,
  boxes: readonly Rect[],
  ties: readonly SceneTie[],
): Rect | null {
  const height = lineHeight(TEXT_STYLES.ring);
  const half = width / 2 + 3;
  const angles = [...frame.arcs.map((arc) => arc.start)];
  for (let step = 0; step < 72; step++) angles.push(-Math.PI / 2 + (step * Math.PI) / 36);
  for (const angle of angles) {
    // From the ring's outer line inwards, until the box is inside it.
    for (let distance = outer - 4; distance > inner; distance -= 2) {
      const at = fromLayout(polar(distance, angle));
      const box = { left: at.x - half, right: at.x + half, top: at.y - height / 2, bottom: at.y + height / 2 };
      const { near, far } = reach(box);
      if (far > outer - 3) continue;
      if (near < inner + 3) break;
      if (boxes.some((other) => overlaps(box, other, 4))) break;
      if (ties.some((tie) => segmentCrossesRect(tie.x1, tie.y1, tie.x2, tie.y2, box))) break;
      return box;
    }
  }
  return null;
}

const RING_STEPS = 720;

/** The stretches of a ring's line (see `SceneRing.runs`) clear of every actor's label, by a few map units. */
function ringRuns(radius: number, actors: readonly SceneActor[]): [number, number][] {
  const near = actors.filter((actor) => {
    const { left, right, top, bottom } = actor.label.text;
    const far = reach({ left: actor.x + left, right: actor.x + right, top: actor.y + top, bottom: actor.y + bottom });
    return far.near <= radius + 4 && far.far >= radius - 4;
  });
  const start = -Math.PI / 2;
  const step = (2 * Math.PI) / RING_STEPS;
  const blocked = (i: number) => {
    const at = fromLayout(polar(radius, start + i * step));
    return near.some((actor) => {
      const { left, right, top, bottom } = actor.label.text;
      return at.x > actor.x + left - 4 && at.x < actor.x + right + 4 && at.y > actor.y + top - 4 && at.y < actor.y + bottom + 4;
    });
  };
  if (near.length === 0) return [[start, start + 2 * Math.PI]];
  const runs: [number, number][] = [];
  let from: number | null = null;
  for (let i = 0; i <= RING_STEPS; i++) {
    const open = i < RING_STEPS && !blocked(i);
    if (open && from === null) from = i;
    if (!open && from !== null) {
      if (i - 1 > from) runs.push([start + from * step, start + (i - 1) * step]);
      from = null;
    }
  }
  return runs;
}

/** How near to the centre and how far from it a rectangle of the map reaches, in layout units. */
function reach(box: Rect): { near: number; far: number } {
  const left = box.left / STRETCH;
  const right = box.right / STRETCH;
  const nx = Math.max(left, Math.min(0, right));
  const ny = Math.max(box.top, Math.min(0, box.bottom));
  const fx = Math.max(Math.abs(left), Math.abs(right));
  const fy = Math.max(Math.abs(box.top), Math.abs(box.bottom));
  return { near: Math.hypot(nx, ny), far: Math.hypot(fx, fy) };
}

function legendOf(map: MapDocument, t: Translations, sectors: readonly SceneSector[]): LegendGroup[] {
  return [
    {
      heading: t.ui.legendSectors,
      entries: sectors.map((sector, i) => ({
        kind: 'sector',
        text: sectorLabel(t, map.sectors[i]!),
        colour: sector.colour,
        colourKey: sector.colourKey,
      })),
    },
    { heading: t.ui.legendRings, entries: RINGS.map((ring) => ({ kind: 'ring', ring, text: t.rings[ring] })) },
    {
      heading: t.ui.legendStatus,
      entries: ACTOR_STATUSES.map((status) => ({ kind: 'status', status, text: t.statuses[status] })),
    },
    {
      heading: t.ui.legendFunctioning,
      entries: [
        ...FUNCTIONINGS.map((functioning) => ({ kind: 'functioning' as const, functioning, text: t.functionings[functioning] })),
        { kind: 'consent', text: t.ui.consentGiven },
      ],
    },
    { heading: t.ui.legendTies, entries: TIE_KINDS.map((tieKind) => ({ kind: 'tie', tieKind, text: t.tieKinds[tieKind] })) },
  ];
}
