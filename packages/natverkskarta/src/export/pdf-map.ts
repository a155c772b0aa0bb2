/**
 * The map on paper: the scene (`scene/scene.ts`) painted with jsPDF, exactly as the screen paints it in SVG —
 * the same wedges, rings, ties, marks and label lines, in the palette's colours and dashes, scaled to the page.
 * Nothing here decides what the map shows.
 */
import type { jsPDF } from 'jspdf';
import { fromLayout, NODE_RADIUS, polar, STRETCH } from '../layout/geometry.js';
import type { ActorStatus, Functioning, Point, TieKind } from '../model/types.js';
import {
  CENTRE_LINE,
  CONSENT_MARK,
  diamond,
  endedStroke,
  ENDED_LINE,
  FUNCTIONING_BADGE,
  FUNCTIONING_COLOURS,
  FUNCTIONING_SIGNS,
  INK as PALETTE,
  marksAt,
  NEEDED_LINE,
  NODE_LINE,
  RING_LINE,
  SIGN_WIDTH,
  TEXT_STYLES,
  TIE_STYLES,
  WEDGE_GAP,
  WEDGE_OPACITY,
  type LegendEntry,
  type LegendGroup,
  type LineStyle,
  type Rect,
  type Scene,
  type SceneActor,
  type TextLine,
} from '../scene/index.js';
import { ascent, hex, INK, lineHeight, MUTED, PT, setStroke, tint, type Pen, type Rgb, type TextStyle } from './pdf-pen.js';

/** Map units to the page: a scale and where the scene's top left corner lands. */
interface Placement {
  scale: number;
  x: number;
  y: number;
}

const at = (place: Placement, point: Point): Point => ({
  x: place.x + point.x * place.scale,
  y: place.y + point.y * place.scale,
});

function stroke(doc: jsPDF, style: LineStyle, scale: number, colour: Rgb = hex(style.colour)): void {
  setStroke(
    doc,
    colour,
    style.width * scale,
    style.dash.map((length) => length * scale),
  );
}

function path(doc: jsPDF, points: readonly Point[], style: 'F' | 'S' | 'FD', closed = true): void {
  const [first, ...rest] = points;
  if (!first) return;
  const deltas: [number, number][] = [];
  let previous = first;
  for (const point of rest) {
    deltas.push([point.x - previous.x, point.y - previous.y]);
    previous = point;
  }
  doc.lines(deltas, first.x, first.y, [1, 1], style, closed);
}

/** Points along the ellipse of layout radius `radius`, from one layout angle to another. */
function ellipsePoints(place: Placement, radius: number, from: number, to: number): Point[] {
  const steps = Math.max(2, Math.ceil(Math.abs(to - from) / (Math.PI / 120)));
  return Array.from({ length: steps + 1 }, (_, i) => at(place, fromLayout(polar(radius, from + ((to - from) * i) / steps))));
}

function textStyle(line: TextLine, scale: number): TextStyle {
  const style = TEXT_STYLES[line.style];
  return { size: (style.size * scale) / PT, bold: style.bold, colour: 'muted' in style && style.muted ? MUTED : INK };
}

const ALIGN = { start: 'left', middle: 'center', end: 'right' } as const;

function drawLines(pen: Pen, place: Placement, lines: readonly TextLine[], offset: Point = { x: 0, y: 0 }): void {
  for (const line of lines) {
    const point = at(place, { x: offset.x + line.x, y: offset.y + line.y });
    pen.text(line.text, point.x, point.y, textStyle(line, place.scale), ALIGN[line.anchor]);
  }
}

/** Draws the scene into `area` (millimetres), as large as fits, centred. */
export function drawMap(pen: Pen, scene: Scene, area: Rect): void {
  const { doc } = pen;
  const bounds = scene.bounds;
  const scale = Math.min(
    (area.right - area.left) / (bounds.right - bounds.left),
    (area.bottom - area.top) / (bounds.bottom - bounds.top),
  );
  const place: Placement = {
    scale,
    x: (area.left + area.right) / 2 - ((bounds.left + bounds.right) / 2) * scale,
    y: area.top - bounds.top * scale,
  };

  for (const sector of scene.sectors) {
    doc.setFillColor(...tint(hex(sector.colour), sector.empty ? WEDGE_OPACITY.empty : WEDGE_OPACITY.filled));
    path(
      doc,
      [
        ...ellipsePoints(place, sector.outer, sector.arc.start, sector.arc.end),
        ...ellipsePoints(place, sector.inner, sector.arc.end, sector.arc.start),
      ],
      'F',
    );
  }
  stroke(doc, WEDGE_GAP, scale);
  for (const sector of scene.sectors) {
    const from = at(place, fromLayout(polar(sector.inner, sector.arc.start)));
    const to = at(place, fromLayout(polar(sector.outer, sector.arc.start)));
    doc.line(from.x, from.y, to.x, to.y);
  }
  stroke(doc, RING_LINE, scale);
  for (const ring of scene.rings) {
    for (const [from, to] of ring.runs) path(doc, ellipsePoints(place, ring.radius, from, to), 'S', false);
    if (ring.label) drawLines(pen, place, [ring.label]);
  }
  for (const sector of scene.sectors) drawLines(pen, place, sector.label);

  for (const tie of scene.ties) {
    const style = TIE_STYLES[tie.kind];
    stroke(doc, style, scale);
    const from = at(place, { x: tie.x1, y: tie.y1 });
    const to = at(place, { x: tie.x2, y: tie.y2 });
    doc.line(from.x, from.y, to.x, to.y);
  }

  const centre = at(place, { x: 0, y: 0 });
  stroke(doc, CENTRE_LINE, scale);
  doc.setFillColor(255, 255, 255);
  doc.ellipse(centre.x, centre.y, scene.centre.radius * STRETCH * scale, scene.centre.radius * scale, 'FD');
  drawLines(pen, place, scene.centre.lines);

  for (const actor of scene.actors) drawActor(pen, place, actor);
  for (const actor of scene.actors) drawLines(pen, place, actor.label.lines, actor);
  doc.setLineDashPattern([], 0);
}

/** An actor's circle and its marks: status, how it works, consent. */
function drawActor(pen: Pen, place: Placement, actor: SceneActor): void {
  const centre = at(place, actor);
  drawNode(pen, centre, place.scale, actor.status, hex(actor.colour));
  const marks = marksAt(actor);
  if (marks.functioning && actor.functioning)
    drawFunctioning(
      pen.doc,
      at(place, { x: actor.x + marks.functioning.x, y: actor.y + marks.functioning.y }),
      place.scale,
      actor.functioning,
    );
  if (marks.consent) drawConsent(pen.doc, at(place, { x: actor.x + marks.consent.x, y: actor.y + marks.consent.y }), place.scale);
}

/** The node: filled for a contact that is there, hollow and dashed with "?" when needed, struck through when ended. */
function drawNode(pen: Pen, centre: Point, scale: number, status: ActorStatus, colour: Rgb, radius = NODE_RADIUS): void {
  const { doc } = pen;
  const r = radius * scale;
  if (status === 'needed') {
    stroke(doc, NEEDED_LINE, scale);
    doc.setFillColor(255, 255, 255);
    doc.circle(centre.x, centre.y, r, 'FD');
    const style = { size: (TEXT_STYLES.glyph.size * scale * (radius / NODE_RADIUS)) / PT, bold: true };
    pen.text('?', centre.x, centre.y + ascent(style) * 0.36, style, 'center');
  } else if (status === 'ended') {
    stroke(doc, ENDED_LINE, scale);
    doc.setFillColor(...hex(PALETTE.surfaceAlt));
    doc.circle(centre.x, centre.y, r, 'FD');
    const [from, to] = endedStroke(radius);
    doc.line(centre.x + from.x * scale, centre.y + from.y * scale, centre.x + to.x * scale, centre.y + to.y * scale);
  } else {
    stroke(doc, NODE_LINE, scale);
    doc.setFillColor(...colour);
    doc.circle(centre.x, centre.y, r, 'FD');
  }
}

function drawFunctioning(doc: jsPDF, centre: Point, scale: number, functioning: Functioning): void {
  setStroke(doc, hex(PALETTE.stroke), 1.5 * scale);
  doc.setFillColor(...hex(FUNCTIONING_COLOURS[functioning]));
  doc.circle(centre.x, centre.y, FUNCTIONING_BADGE.radius * scale, 'FD');
  setStroke(doc, [255, 255, 255], SIGN_WIDTH * scale);
  doc.setLineCap('round');
  doc.setLineJoin('round');
  for (const sign of FUNCTIONING_SIGNS[functioning]) {
    path(
      doc,
      sign.map((point) => ({ x: centre.x + point.x * scale, y: centre.y + point.y * scale })),
      'S',
      false,
    );
  }
  doc.setLineCap('butt');
  doc.setLineJoin('miter');
}

function drawConsent(doc: jsPDF, centre: Point, scale: number): void {
  setStroke(doc, [255, 255, 255], 1.5 * scale);
  doc.setFillColor(...hex(PALETTE.stroke));
  path(doc, diamond(centre, CONSENT_MARK.size * scale), 'FD');
}

function drawTieSample(doc: jsPDF, from: Point, to: Point, kind: TieKind, scale: number): void {
  stroke(doc, TIE_STYLES[kind], scale);
  doc.line(from.x, from.y, to.x, to.y);
  doc.setLineDashPattern([], 0);
}

/** A legend entry's sign, centred on `centre`, about 4 mm high. */
export function drawSample(pen: Pen, entry: LegendEntry, centre: Point): void {
  const { doc } = pen;
  // The marks at the size they have on a map printed about this large.
  const scale = 0.2;
  switch (entry.kind) {
    case 'sector':
      setStroke(doc, [90, 90, 90], 0.2);
      doc.setFillColor(...hex(entry.colour));
      doc.rect(centre.x - 4, centre.y - 1.6, 8, 3.2, 'FD');
      break;
    case 'ring':
      for (const ring of [1, 2, 3]) {
        setStroke(doc, ring === entry.ring ? INK : [170, 170, 170], ring === entry.ring ? 0.5 : 0.2);
        doc.ellipse(centre.x, centre.y, (ring * 0.75 + 0.3) * 1.3, ring * 0.75 + 0.3, 'S');
      }
      break;
    case 'status':
      drawNode(pen, centre, scale, entry.status, hex('#cc79a7'), 10);
      break;
    case 'functioning':
      drawFunctioning(doc, centre, scale, entry.functioning);
      break;
    case 'consent':
      drawConsent(doc, centre, scale);
      break;
    case 'tie':
      drawTieSample(doc, { x: centre.x - 4.2, y: centre.y }, { x: centre.x + 4.2, y: centre.y }, entry.tieKind, scale * 1.2);
      break;
  }
}

/** The legend: every group of the scene's legend, in two columns from `top`, in the same words as the screen's. */
export function drawLegend(pen: Pen, groups: readonly LegendGroup[], area: Rect): number {
  const groupHeading: TextStyle = { size: 9, bold: true };
  const item: TextStyle = { size: 8.5 };
  const row = 5;
  const gap = 8;
  const columnWidth = (area.right - area.left - gap) / 2;
  const textOffset = 11;
  const columns = [
    { x: area.left, y: area.top },
    { x: area.left + columnWidth + gap, y: area.top },
  ];
  // The sectors and rings on the left, what the marks and lines say on the right.
  groups.forEach((group, index) => {
    const column = columns[index < 2 ? 0 : 1]!;
    pen.text(group.heading, column.x, column.y + ascent(groupHeading), groupHeading);
    column.y += lineHeight(groupHeading) + 0.8;
    for (const entry of group.entries) {
      const lines = pen.wrap(entry.text, columnWidth - textOffset, item);
      drawSample(pen, entry, { x: column.x + 4.5, y: column.y + row / 2 - 0.5 });
      lines.forEach((line, i) => pen.text(line, column.x + textOffset, column.y + ascent(item) + i * lineHeight(item), item));
      column.y += Math.max(row, lines.length * lineHeight(item) + 1);
    }
    column.y += 2.5;
  });
  pen.doc.setLineDashPattern([], 0);
  return Math.max(...columns.map((column) => column.y));
}
