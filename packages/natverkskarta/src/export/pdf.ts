/**
 * The parent's printed map: an A4 PDF with the map drawn as vectors and a legend on page 1, then the contact list.
 *
 * The only module that imports jsPDF. The editor loads it with `import('../export/pdf.js')` when a PDF is asked
 * for, so neither jsPDF nor the fonts are part of the editor's first download.
 *
 * All text is real text in embedded Noto fonts (never jsPDF's built-in fonts, which cannot print "Łukasz" or
 * Arabic). Each line is split into runs of one script, each drawn in the font that has its letters; jsPDF shapes
 * Arabic and Persian and orders right-to-left runs. Whatever a user typed is drawn as text only.
 */
import { GState, jsPDF } from 'jspdf';
import { actorLabel, categoryLabel, loadTranslations, mapTitle, sectorLabel, type Translations } from '../i18n/index.js';
import { CENTRE_RADIUS, NODE_RADIUS, outerRadius, polar, ringsFor, sectorArc, type Rings } from '../layout/geometry.js';
import { layoutMap } from '../layout/layout-map.js';
import {
  ACTOR_STATUSES,
  CENTRE_ID,
  RINGS,
  TIE_KINDS,
  type Actor,
  type ActorStatus,
  type MapDocument,
  type Point,
  type Sector,
  type TieKind,
} from '../model/types.js';
import { fontsFor, loadFont, type FontKey } from './fonts.js';
import { breakPoints, cleanText, graphemes, scriptRuns, scriptsUsed, type Script } from './text.js';

export interface PdfOptions {
  /** `sv` (default) or `en`: the language of the PDF's own words and of its metadata. */
  lang?: string;
  /** The date printed on the map; now by default. */
  date?: Date;
}

/** The PDF as bytes (`application/pdf`). */
export async function buildPdf(map: MapDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  const t = await loadTranslations(options.lang);
  const clean = cleanMap(map, t);
  const scripts = scriptsUsed(textsOf(clean, t));
  const keys = fontsFor(scripts);
  const files = await Promise.all(keys.map((key) => loadFont(key)));

  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  const loaded = new Set<FontKey>();
  keys.forEach((key, i) => {
    const face = FACES[key];
    doc.addFileToVFS(face.file, binaryString(files[i]!));
    doc.addFont(face.file, face.family, 'normal', undefined, 'Identity-H');
    loaded.add(key);
  });
  doc.setFont(FACES.regular.family, 'normal');

  const title = t.pdf.documentTitle(mapTitle(t, clean));
  doc.setProperties({ title, subject: t.pdf.contactList, creator: 'Nätverkskarta' });
  doc.setLanguage(t.locale as Parameters<jsPDF['setLanguage']>[0]);

  const pen = new Pen(doc, loaded);
  const date = new Intl.DateTimeFormat(t.locale, { dateStyle: 'long' }).format(options.date ?? new Date());
  drawFirstPage(pen, clean, t, title, date);
  doc.addPage('a4', 'portrait');
  drawContactList(pen, clean, t, date);
  drawFooters(pen, t, title);

  return new Uint8Array(doc.output('arraybuffer'));
}

/** The PDF as a Blob, for a download link. */
export async function buildPdfBlob(map: MapDocument, options: PdfOptions = {}): Promise<Blob> {
  const bytes = await buildPdf(map, options);
  return new Blob([bytes.buffer as ArrayBuffer], { type: 'application/pdf' });
}

// ---------------------------------------------------------------------------------------------------------------
// Fonts and text

/** Each face is registered as its own family, so that the PDF names it (NotoSans-Bold, …). */
const FACES: Record<FontKey, { file: string; family: string }> = {
  regular: { file: 'NotoSans-Regular.ttf', family: 'NotoSans' },
  bold: { file: 'NotoSans-Bold.ttf', family: 'NotoSans-Bold' },
  arabic: { file: 'NotoSansArabic-Regular.ttf', family: 'NotoSansArabic' },
  arabicBold: { file: 'NotoSansArabic-Bold.ttf', family: 'NotoSansArabic-Bold' },
  ethiopic: { file: 'NotoSansEthiopic-Regular.ttf', family: 'NotoSansEthiopic' },
  ethiopicBold: { file: 'NotoSansEthiopic-Bold.ttf', family: 'NotoSansEthiopic-Bold' },
};

/** jsPDF's virtual file system takes a font as a binary string. */
function binaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}

type Rgb = readonly [number, number, number];

interface TextStyle {
  /** Points. */
  size: number;
  bold?: boolean;
  colour?: Rgb;
}

const PT = 25.4 / 72;
const INK: Rgb = [26, 26, 26];
const MUTED: Rgb = [85, 85, 85];
const RULE: Rgb = [190, 190, 190];

function lineHeight(style: TextStyle, factor = 1.3): number {
  return style.size * PT * factor;
}

/** The distance from a line's top to its baseline. */
function ascent(style: TextStyle): number {
  return style.size * PT * 0.95;
}

/** Draws and measures text of any script, in the embedded fonts. */
class Pen {
  constructor(
    readonly doc: jsPDF,
    private readonly fonts: ReadonlySet<FontKey>,
  ) {}

  private use(script: Script, style: TextStyle): void {
    let key: FontKey = style.bold ? 'bold' : 'regular';
    if (script === 'arabic' && this.fonts.has('arabic')) key = style.bold ? 'arabicBold' : 'arabic';
    if (script === 'ethiopic' && this.fonts.has('ethiopic')) key = style.bold ? 'ethiopicBold' : 'ethiopic';
    this.doc.setFont(FACES[key].family, 'normal');
    this.doc.setFontSize(style.size);
  }

  private runWidth(script: Script, text: string): number {
    // Arabic is measured as it will be drawn: shaped into its joined forms.
    return this.doc.getTextWidth(script === 'arabic' ? this.doc.processArabic(text) : text);
  }

  width(text: string, style: TextStyle): number {
    let width = 0;
    for (const run of scriptRuns(text)) {
      this.use(run.script, style);
      width += this.runWidth(run.script, run.text);
    }
    return width;
  }

  /** Draws one line with its baseline at `y`. */
  text(text: string, x: number, y: number, style: TextStyle, align: 'left' | 'center' | 'right' = 'left'): number {
    const width = this.width(text, style);
    let at = align === 'center' ? x - width / 2 : align === 'right' ? x - width : x;
    this.doc.setTextColor(...(style.colour ?? INK));
    for (const run of scriptRuns(text)) {
      this.use(run.script, style);
      this.doc.text(run.text, at, y);
      at += this.runWidth(run.script, run.text);
    }
    return width;
  }

  /** Breaks a text into lines no wider than `width`; a word too long for a line is broken between letters. */
  wrap(text: string, width: number, style: TextStyle): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const piece of breakPoints(paragraph)) {
        const candidate = line + piece;
        if (this.width(candidate.trimEnd(), style) <= width) {
          line = candidate;
          continue;
        }
        if (line.trim()) lines.push(line.trimEnd());
        line = '';
        if (this.width(piece.trimEnd(), style) <= width) {
          line = piece;
          continue;
        }
        for (const letter of graphemes(piece)) {
          if (line && this.width(line + letter, style) > width) {
            lines.push(line);
            line = '';
          }
          line += letter;
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }

  /** The text cut with an ellipsis to fit `width`. */
  fit(text: string, width: number, style: TextStyle): string {
    if (this.width(text, style) <= width) return text;
    const letters = graphemes(text);
    let low = 0;
    let high = letters.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.width(`${letters.slice(0, mid).join('').trimEnd()}…`, style) <= width) low = mid;
      else high = mid - 1;
    }
    return `${letters.slice(0, low).join('').trimEnd()}…`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The document's text, made safe

function cleanActor(actor: Actor): Actor {
  return {
    ...actor,
    organisation: cleanText(actor.organisation),
    name: cleanText(actor.name),
    role: cleanText(actor.role),
    phone: cleanText(actor.phone),
    email: cleanText(actor.email),
    address: cleanText(actor.address, true),
    helpsWith: cleanText(actor.helpsWith, true),
    note: cleanText(actor.note, true),
    nextContact: cleanText(actor.nextContact),
  };
}

function cleanMap(map: MapDocument, t: Translations): MapDocument {
  return {
    ...map,
    title: cleanText(mapTitle(t, map)),
    sectors: map.sectors.map((sector) => (sector.label ? { ...sector, label: cleanText(sector.label) } : sector)),
    actors: map.actors.map(cleanActor),
  };
}

function* textsOf(map: MapDocument, t: Translations): Iterable<string> {
  yield map.title;
  for (const sector of map.sectors) yield sectorLabel(t, sector);
  for (const actor of map.actors) {
    yield* [actor.organisation, actor.name, actor.role, actor.phone, actor.email, actor.address];
    yield* [actor.helpsWith, actor.note, actor.nextContact, categoryLabel(t, actor.category)];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Colours

const SECTOR_COLOURS: Record<string, string> = {
  family: '#e69f00',
  municipality: '#56b4e9',
  school: '#009e73',
  region: '#cc79a7',
  state: '#0072b2',
  civil: '#f0e442',
};
/** For sectors a map adds beyond the default six. */
const EXTRA_COLOURS = ['#d55e00', '#999999', '#8c6d31', '#6b6ecf', '#74c476', '#b07aa1'];

function hex(colour: string): Rgb {
  const value = Number.parseInt(colour.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The colour mixed with white: `share` of the colour. */
function tint(colour: Rgb, share: number): Rgb {
  return colour.map((c) => Math.round(255 - (255 - c) * share)) as unknown as Rgb;
}

function sectorColours(sectors: readonly Sector[]): Map<string, Rgb> {
  let extra = 0;
  return new Map(
    sectors.map((sector) => [sector.id, hex(SECTOR_COLOURS[sector.id] ?? EXTRA_COLOURS[extra++ % EXTRA_COLOURS.length]!)]),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Page geometry (millimetres)

const PAGE_WIDTH = 210;
const PAGE_HEIGHT = 297;
const MARGIN = 15;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TOP = 16;
const BOTTOM = PAGE_HEIGHT - 18;
const FOOTER_BASELINE = PAGE_HEIGHT - 9;

const TIE_STYLE: Record<TieKind, { width: number; dash: number[] }> = {
  strong: { width: 0.9, dash: [] },
  normal: { width: 0.35, dash: [] },
  weak: { width: 0.35, dash: [1.3, 0.9] },
  strained: { width: 0.5, dash: [2.2, 0.8, 0.4, 0.8] },
};

function setStroke(doc: jsPDF, colour: Rgb, width: number, dash: number[] = []): void {
  doc.setDrawColor(...colour);
  doc.setLineWidth(width);
  doc.setLineDashPattern(dash, 0);
}

function polygon(doc: jsPDF, points: readonly Point[], style: 'F' | 'S' | 'FD'): void {
  const [first, ...rest] = points;
  if (!first) return;
  const deltas: [number, number][] = [];
  let previous = first;
  for (const point of rest) {
    deltas.push([point.x - previous.x, point.y - previous.y]);
    previous = point;
  }
  doc.lines(deltas, first.x, first.y, [1, 1], style, true);
}

function arcPoints(centre: Point, radius: number, start: number, end: number): Point[] {
  const steps = Math.max(2, Math.ceil(Math.abs(end - start) / (Math.PI / 90)));
  const points: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const at = polar(radius, start + ((end - start) * i) / steps);
    points.push({ x: centre.x + at.x, y: centre.y + at.y });
  }
  return points;
}

// ---------------------------------------------------------------------------------------------------------------
// Page 1: the map and its legend

function drawFirstPage(pen: Pen, map: MapDocument, t: Translations, title: string, date: string): void {
  const titleStyle: TextStyle = { size: 17, bold: true };
  let y = TOP;
  for (const line of pen.wrap(title, CONTENT_WIDTH, titleStyle).slice(0, 2)) {
    pen.text(pen.fit(line, CONTENT_WIDTH, titleStyle), MARGIN, y + ascent(titleStyle), titleStyle);
    y += lineHeight(titleStyle, 1.2);
  }
  const dateStyle: TextStyle = { size: 10, colour: MUTED };
  pen.text(t.pdf.printed(date), MARGIN, y + ascent(dateStyle), dateStyle);
  y += lineHeight(dateStyle) + 2;

  const mapHeight = 152;
  drawMap(pen, map, t, { x: PAGE_WIDTH / 2, y: y + mapHeight / 2 }, 67);
  drawLegend(pen, map, t, y + mapHeight + 4);
}

function drawMap(pen: Pen, map: MapDocument, t: Translations, centre: Point, radius: number): void {
  const { doc } = pen;
  const rings: Rings = ringsFor(map.actors, map.sectors.length);
  const computed = map.actors.some((actor) => !actor.position) ? layoutMap(map) : {};
  const positionOf = (actor: Actor): Point => actor.position ?? computed[actor.id] ?? { x: 0, y: 0 };
  // Everything within the outer ring, and any actor a user placed beyond it, fits the circle.
  let extent = outerRadius(rings);
  for (const actor of map.actors) {
    const at = positionOf(actor);
    extent = Math.max(extent, Math.hypot(at.x, at.y) + NODE_RADIUS);
  }
  const scale = radius / extent;
  const toPage = (point: Point): Point => ({ x: centre.x + point.x * scale, y: centre.y + point.y * scale });
  const colours = sectorColours(map.sectors);
  const count = map.sectors.length;
  const outer = outerRadius(rings) * scale;
  const inner = CENTRE_RADIUS * scale;

  // Sectors: light wedges between the centre and the outer ring.
  map.sectors.forEach((sector, index) => {
    const arc = sectorArc(index, count);
    const empty = !map.actors.some((actor) => actor.sector === sector.id);
    doc.setFillColor(...tint(colours.get(sector.id)!, empty ? 0.1 : 0.22));
    polygon(doc, [...arcPoints(centre, outer, arc.start, arc.end), ...arcPoints(centre, inner, arc.end, arc.start)], 'F');
  });
  setStroke(doc, [255, 255, 255], 0.6);
  map.sectors.forEach((_, index) => {
    const arc = sectorArc(index, count);
    const a = polar(inner, arc.start);
    const b = polar(outer, arc.start);
    doc.line(centre.x + a.x, centre.y + a.y, centre.x + b.x, centre.y + b.y);
  });

  // Rings.
  setStroke(doc, [150, 150, 150], 0.25);
  for (const ring of RINGS) doc.circle(centre.x, centre.y, rings[ring - 1]!.outer * scale, 'S');
  const ringStyle: TextStyle = { size: 6.5, colour: MUTED };
  for (const ring of RINGS) {
    const top = centre.y - rings[ring - 1]!.outer * scale + 0.8;
    backdrop(doc, centre.x + 0.8, top, pen.width(t.rings[ring], ringStyle) + 0.8, lineHeight(ringStyle, 1.05));
    pen.text(t.rings[ring], centre.x + 1.2, top + ascent(ringStyle), ringStyle);
  }

  // Ties, under the centre and the actors.
  const byId = new Map(map.actors.map((actor) => [actor.id, actor]));
  const endOf = (id: string): Point | undefined => {
    if (id === CENTRE_ID) return centre;
    const actor = byId.get(id);
    return actor ? toPage(positionOf(actor)) : undefined;
  };
  for (const tie of map.ties) {
    const a = endOf(tie.from);
    const b = endOf(tie.to);
    if (!a || !b) continue;
    const style = TIE_STYLE[tie.kind];
    setStroke(doc, [51, 51, 51], style.width, style.dash);
    doc.line(a.x, a.y, b.x, b.y);
  }

  // The family at the centre.
  setStroke(doc, [51, 51, 51], 0.45);
  doc.setFillColor(255, 255, 255);
  doc.circle(centre.x, centre.y, inner, 'FD');
  // The family's name in the centre, as large as fits without breaking a word. On a crowded map the centre is
  // small: a word wider than it (up to three times) stands out over the circle, on a white ground.
  const centreStyle: TextStyle = { size: 9, bold: true };
  const longestWord = () => Math.max(0, ...breakPoints(map.title).map((word) => pen.width(word.trim(), centreStyle)));
  while (centreStyle.size > 5 && longestWord() > inner * 1.75) centreStyle.size -= 0.5;
  const centreWidth = Math.min(inner * 6, Math.max(inner * 1.75, longestWord()));
  const centreLines = pen.wrap(map.title, centreWidth, centreStyle);
  const shown = centreLines.slice(0, 3).map((line) => pen.fit(line, centreWidth, centreStyle));
  if (centreLines.length > 3) shown[2] = pen.fit(`${shown[2]!}…`, centreWidth, centreStyle);
  const centreHeight = lineHeight(centreStyle, 1.15);
  const firstBaseline = centre.y - ((shown.length - 1) / 2) * centreHeight + ascent(centreStyle) * 0.38;
  if (centreWidth > inner * 1.8) {
    const width = Math.max(...shown.map((line) => pen.width(line, centreStyle)));
    const top = firstBaseline - ascent(centreStyle) - 0.3;
    backdrop(doc, centre.x - width / 2 - 0.6, top, width + 1.2, shown.length * centreHeight + 0.6);
  }
  shown.forEach((line, i) => pen.text(line, centre.x, firstBaseline + i * centreHeight, centreStyle, 'center'));

  // Actors: circles, then their labels over everything else.
  const node = NODE_RADIUS * scale;
  for (const actor of map.actors) {
    drawActorMark(doc, toPage(positionOf(actor)), node, actor.status, colours.get(actor.sector) ?? [153, 153, 153]);
  }
  const primary: TextStyle = { size: Math.min(8.5, Math.max(5, (16 * scale) / PT)) };
  const secondary: TextStyle = { size: Math.min(7.5, Math.max(4.5, (13.5 * scale) / PT)), colour: MUTED };
  const labelWidth = 112 * scale;
  for (const actor of map.actors) {
    const at = toPage(positionOf(actor));
    const first = actorLabel(t, actor);
    const second =
      actor.organisation && actor.name ? actor.name : actor.organisation || actor.name ? categoryLabel(t, actor.category) : '';
    const lines: [string, TextStyle][] = [[pen.fit(first, labelWidth, primary), primary]];
    if (second) lines.push([pen.fit(second, labelWidth, secondary), secondary]);
    let y = at.y + node + 0.6;
    const height = lines.reduce((sum, [, style]) => sum + lineHeight(style, 1.12), 0);
    const width = Math.max(...lines.map(([text, style]) => pen.width(text, style)));
    backdrop(doc, at.x - width / 2 - 0.6, y - 0.2, width + 1.2, height + 0.5);
    for (const [text, style] of lines) {
      pen.text(text, at.x, y + ascent(style) * 0.95, style, 'center');
      y += lineHeight(style, 1.12);
    }
  }

  // Sector names around the outside.
  const sectorStyle: TextStyle = { size: 8.5, bold: true };
  map.sectors.forEach((sector, index) => {
    const arc = sectorArc(index, count);
    const anchor = polar(outer + 3, arc.mid);
    const x = centre.x + anchor.x;
    const y = centre.y + anchor.y;
    const side = Math.abs(anchor.x) < outer * 0.25 ? 'center' : anchor.x > 0 ? 'left' : 'right';
    const room = side === 'center' ? 60 : side === 'left' ? PAGE_WIDTH - MARGIN + 5 - x : x - MARGIN + 5;
    const lines = pen.wrap(sectorLabel(t, sector), room, sectorStyle).slice(0, 3);
    const height = lineHeight(sectorStyle, 1.15);
    const top = Math.abs(anchor.y) < outer * 0.3 ? y - (lines.length * height) / 2 : anchor.y < 0 ? y - lines.length * height : y;
    lines.forEach((line, i) => {
      pen.text(pen.fit(line, room, sectorStyle), x, top + i * height + ascent(sectorStyle), sectorStyle, side);
    });
  });
  doc.setLineDashPattern([], 0);
}

/** A white, slightly see-through ground that keeps a label readable over lines and colours. */
function backdrop(doc: jsPDF, x: number, y: number, width: number, height: number): void {
  doc.saveGraphicsState();
  doc.setGState(new GState({ opacity: 0.8 }));
  doc.setFillColor(255, 255, 255);
  doc.rect(x, y, width, height, 'F');
  doc.restoreGraphicsState();
}

/** An actor's circle: filled in its sector's colour; hollow and dashed with "?" when needed; grey and struck through when ended. */
function drawActorMark(doc: jsPDF, at: Point, radius: number, status: ActorStatus, colour: Rgb): void {
  if (status === 'needed') {
    setStroke(doc, [40, 40, 40], 0.35, [0.8, 0.55]);
    doc.setFillColor(255, 255, 255);
    doc.circle(at.x, at.y, radius, 'FD');
    doc.setLineDashPattern([], 0);
    doc.setFont(FACES.bold.family, 'normal');
    doc.setFontSize((radius * 1.5) / PT);
    doc.setTextColor(...INK);
    doc.text('?', at.x, at.y + radius * 0.52, { align: 'center' });
    return;
  }
  if (status === 'ended') {
    setStroke(doc, [100, 100, 100], 0.3);
    doc.setFillColor(200, 200, 200);
    doc.circle(at.x, at.y, radius, 'FD');
    setStroke(doc, [51, 51, 51], 0.4);
    doc.line(at.x - radius * 0.7, at.y + radius * 0.7, at.x + radius * 0.7, at.y - radius * 0.7);
    return;
  }
  setStroke(doc, [40, 40, 40], 0.3);
  doc.setFillColor(...colour);
  doc.circle(at.x, at.y, radius, 'FD');
}

function drawLegend(pen: Pen, map: MapDocument, t: Translations, top: number): void {
  const { doc } = pen;
  const heading: TextStyle = { size: 11.5, bold: true };
  const groupHeading: TextStyle = { size: 9, bold: true };
  const item: TextStyle = { size: 8.5 };
  const row = 5;
  const columnWidth = (CONTENT_WIDTH - 8) / 2;
  const textOffset = 11;

  setStroke(doc, RULE, 0.3);
  doc.line(MARGIN, top, PAGE_WIDTH - MARGIN, top);
  pen.text(t.pdf.legendHeading, MARGIN, top + 3 + ascent(heading), heading);
  let start = top + 3 + lineHeight(heading) + 1;
  const intro: TextStyle = { size: 8.5, colour: MUTED };
  for (const line of pen.wrap(t.ui.mapDescription, CONTENT_WIDTH, intro)) {
    pen.text(line, MARGIN, start + ascent(intro), intro);
    start += lineHeight(intro);
  }
  start += 2;

  const columns = [
    { x: MARGIN, y: start },
    { x: MARGIN + columnWidth + 8, y: start },
  ];
  const group = (column: { x: number; y: number }, title: string, entries: [(x: number, y: number) => void, string][]) => {
    pen.text(title, column.x, column.y + ascent(groupHeading), groupHeading);
    column.y += lineHeight(groupHeading) + 0.8;
    for (const [symbol, label] of entries) {
      const lines = pen.wrap(label, columnWidth - textOffset, item);
      symbol(column.x, column.y + row / 2 - 0.5);
      lines.forEach((line, i) => pen.text(line, column.x + textOffset, column.y + ascent(item) + i * lineHeight(item), item));
      column.y += Math.max(row, lines.length * lineHeight(item) + 1);
    }
    column.y += 2.5;
  };

  const colours = sectorColours(map.sectors);
  group(
    columns[0]!,
    t.pdf.sectorsHeading,
    map.sectors.map((sector) => [
      (x, y) => {
        setStroke(doc, [90, 90, 90], 0.2);
        doc.setFillColor(...colours.get(sector.id)!);
        doc.rect(x + 0.5, y - 1.6, 8, 3.2, 'FD');
      },
      sectorLabel(t, sector),
    ]),
  );
  group(
    columns[0]!,
    t.pdf.ringsHeading,
    RINGS.map((ring) => [
      (x, y) => {
        for (const r of RINGS) {
          setStroke(doc, r === ring ? INK : [170, 170, 170], r === ring ? 0.5 : 0.2);
          doc.circle(x + 4.5, y, r * 0.75 + 0.3, 'S');
        }
      },
      t.pdf.rings[ring],
    ]),
  );
  group(
    columns[1]!,
    t.pdf.tiesHeading,
    TIE_KINDS.map((kind) => [
      (x, y) => {
        const style = TIE_STYLE[kind];
        setStroke(doc, [51, 51, 51], style.width, style.dash);
        doc.line(x + 0.5, y, x + 9, y);
        doc.setLineDashPattern([], 0);
      },
      t.pdf.ties[kind],
    ]),
  );
  group(
    columns[1]!,
    t.pdf.statusesHeading,
    ACTOR_STATUSES.map((status) => [
      (x, y) => drawActorMark(doc, { x: x + 4.5, y }, 2, status, hex(SECTOR_COLOURS.municipality!)),
      t.pdf.statuses[status],
    ]),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The contact list

/** Keeps the vertical position on the current page and starts a new page when something does not fit. */
class Flow {
  y = TOP;
  /** Redrawn at the top of a new page while a sector's contacts continue there. */
  continued: (() => void) | null = null;

  constructor(private readonly pen: Pen) {}

  room(): number {
    return BOTTOM - this.y;
  }

  newPage(): void {
    this.pen.doc.addPage('a4', 'portrait');
    this.y = TOP;
    this.continued?.();
  }

  /** Makes room for `height`, on a new page if need be. */
  ensure(height: number): void {
    if (height > this.room() && this.y > TOP + 0.1) this.newPage();
  }
}

interface Row {
  label: string;
  value: string;
}

const LEFT_WIDTH = 100;
const RIGHT_X = MARGIN + LEFT_WIDTH + 6;
const RIGHT_WIDTH = PAGE_WIDTH - MARGIN - RIGHT_X;
const ROW_LABEL_WIDTH = 34;

const STYLES = {
  heading: { size: 16, bold: true },
  subheading: { size: 9.5, colour: MUTED },
  sector: { size: 12.5, bold: true },
  organisation: { size: 10.5, bold: true },
  person: { size: 10 },
  detail: { size: 8.5, colour: MUTED },
  fieldLabel: { size: 8, colour: MUTED },
  phone: { size: 11, bold: true },
  email: { size: 9.5 },
  rowLabel: { size: 8.5, colour: MUTED },
  rowValue: { size: 9.5 },
} satisfies Record<string, TextStyle>;

function drawContactList(pen: Pen, map: MapDocument, t: Translations, date: string): void {
  const flow = new Flow(pen);
  pen.text(t.pdf.contactList, MARGIN, flow.y + ascent(STYLES.heading), STYLES.heading);
  flow.y += lineHeight(STYLES.heading);
  const subtitle = `${map.title} · ${t.pdf.printed(date)}`;
  pen.text(pen.fit(subtitle, CONTENT_WIDTH, STYLES.subheading), MARGIN, flow.y + ascent(STYLES.subheading), STYLES.subheading);
  flow.y += lineHeight(STYLES.subheading) + 3;

  if (map.actors.length === 0) {
    pen.text(t.pdf.noContacts, MARGIN, flow.y + ascent(STYLES.person), STYLES.person);
    return;
  }

  const colours = sectorColours(map.sectors);
  const known = new Set(map.sectors.map((sector) => sector.id));
  const sectors: Sector[] = [...map.sectors];
  for (const actor of map.actors) {
    if (!known.has(actor.sector)) {
      known.add(actor.sector);
      sectors.push({ id: actor.sector });
    }
  }
  const statusOrder: Record<ActorStatus, number> = { active: 0, needed: 1, ended: 2 };
  for (const sector of sectors) {
    const actors = map.actors
      .filter((actor) => actor.sector === sector.id && actor.status !== 'needed')
      .sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || a.ring - b.ring);
    if (actors.length === 0) continue;
    const label = sectorLabel(t, sector);
    const colour = colours.get(sector.id) ?? [153, 153, 153];
    const heading = (more: boolean) => drawSectorHeading(pen, flow, more ? `${label} ${t.pdf.continued}` : label, colour);
    flow.ensure(sectorHeadingHeight() + entryTopHeight(pen, actors[0]!, t) + 4);
    heading(false);
    flow.continued = () => heading(true);
    for (const actor of actors) drawEntry(pen, flow, actor, t, null);
    flow.continued = null;
    flow.y += 3;
  }

  const needed = map.actors.filter((actor) => actor.status === 'needed');
  if (needed.length > 0) {
    const introLines = pen.wrap(t.pdf.neededIntro, CONTENT_WIDTH, STYLES.detail);
    flow.ensure(sectorHeadingHeight() + introLines.length * lineHeight(STYLES.detail) + entryTopHeight(pen, needed[0]!, t) + 6);
    const heading = (more: boolean) => {
      drawSectorHeading(pen, flow, more ? `${t.pdf.neededHeading} ${t.pdf.continued}` : t.pdf.neededHeading, null);
    };
    heading(false);
    for (const line of introLines) {
      pen.text(line, MARGIN, flow.y + ascent(STYLES.detail), STYLES.detail);
      flow.y += lineHeight(STYLES.detail);
    }
    flow.y += 1.5;
    flow.continued = () => heading(true);
    for (const actor of needed) {
      const sector = sectors.find((s) => s.id === actor.sector) ?? { id: actor.sector };
      drawEntry(pen, flow, actor, t, sectorLabel(t, sector));
    }
    flow.continued = null;
  }
}

function sectorHeadingHeight(): number {
  return lineHeight(STYLES.sector) + 3;
}

/** A sector's heading: its colour as a swatch (a dashed empty circle for the needed contacts), and its name. */
function drawSectorHeading(pen: Pen, flow: Flow, text: string, colour: Rgb | null): void {
  const { doc } = pen;
  const style = STYLES.sector;
  const middle = flow.y + lineHeight(style) / 2;
  if (colour) {
    setStroke(doc, [90, 90, 90], 0.2);
    doc.setFillColor(...colour);
    doc.rect(MARGIN, middle - 2.2, 4.4, 4.4, 'FD');
  } else {
    drawActorMark(doc, { x: MARGIN + 2.2, y: middle }, 2.2, 'needed', INK);
  }
  pen.text(pen.fit(text, CONTENT_WIDTH - 7, style), MARGIN + 7, middle + ascent(style) * 0.36, style);
  flow.y += lineHeight(style) + 0.5;
  setStroke(doc, colour ?? INK, 0.5);
  doc.line(MARGIN, flow.y, PAGE_WIDTH - MARGIN, flow.y);
  flow.y += 2.5;
}

interface TopBlock {
  left: [string, TextStyle][];
  right: { label: string; value: string[]; style: TextStyle }[];
  height: number;
}

/** The first lines of an entry, kept together: who (left) and how to reach them (right). */
function entryTop(pen: Pen, actor: Actor, t: Translations, sectorName: string | null): TopBlock {
  const kind = categoryLabel(t, actor.category);
  const first = actor.organisation || actor.name || kind;
  const left: [string, TextStyle][] = [];
  for (const line of pen.wrap(first, LEFT_WIDTH, STYLES.organisation)) left.push([line, STYLES.organisation]);
  if (actor.organisation && actor.name) {
    for (const line of pen.wrap(actor.name, LEFT_WIDTH, STYLES.person)) left.push([line, STYLES.person]);
  }
  const details = [sectorName, actor.status === 'ended' ? t.pdf.ended : '', actor.role, kind !== first ? kind : ''].filter(
    (part): part is string => Boolean(part),
  );
  if (details.length > 0) {
    for (const line of pen.wrap(details.join(' · '), LEFT_WIDTH, STYLES.detail)) left.push([line, STYLES.detail]);
  }

  const valueWidth = RIGHT_WIDTH - 17;
  const right: TopBlock['right'] = [];
  if (actor.phone)
    right.push({ label: t.fields.phone, value: pen.wrap(actor.phone, valueWidth, STYLES.phone), style: STYLES.phone });
  if (actor.email)
    right.push({ label: t.fields.email, value: pen.wrap(actor.email, valueWidth, STYLES.email), style: STYLES.email });

  const leftHeight = left.reduce((sum, [, style]) => sum + lineHeight(style, 1.25), 0);
  const rightHeight = right.reduce((sum, field) => sum + field.value.length * lineHeight(field.style, 1.25), 0);
  return { left, right, height: Math.max(leftHeight, rightHeight) };
}

function entryTopHeight(pen: Pen, actor: Actor, t: Translations): number {
  return entryTop(pen, actor, t, null).height + 3;
}

function entryRows(actor: Actor, t: Translations): Row[] {
  const rows: Row[] = [];
  if (actor.helpsWith) rows.push({ label: t.fields.helpsWith, value: actor.helpsWith });
  if (actor.nextContact) rows.push({ label: t.fields.nextContact, value: actor.nextContact });
  if (actor.address) rows.push({ label: t.fields.address, value: actor.address });
  if (actor.note) rows.push({ label: t.fields.note, value: actor.note });
  return rows;
}

/**
 * One contact. Its first lines stay together; its longer texts follow line by line and continue on the next
 * page when they must, so that nothing is cut off. An entry that fits on a page is not split.
 */
function drawEntry(pen: Pen, flow: Flow, actor: Actor, t: Translations, sectorName: string | null): void {
  const { doc } = pen;
  const top = entryTop(pen, actor, t, sectorName);
  const rowStyle = STYLES.rowValue;
  const rowLine = lineHeight(rowStyle, 1.25);
  const rows = entryRows(actor, t).map((row) => ({
    label: pen.fit(row.label, ROW_LABEL_WIDTH - 2, STYLES.rowLabel),
    lines: pen.wrap(row.value, CONTENT_WIDTH - ROW_LABEL_WIDTH, rowStyle),
  }));
  const rowsHeight = rows.reduce((sum, row) => sum + row.lines.length * rowLine, 0);
  const total = top.height + (rows.length ? 1.5 + rowsHeight : 0) + 3.5;
  if (total <= BOTTOM - TOP) flow.ensure(total);
  else flow.ensure(top.height + rowLine * 2 + 3.5);

  const start = flow.y;
  let y = start;
  for (const [text, style] of top.left) {
    pen.text(text, MARGIN, y + ascent(style), style);
    y += lineHeight(style, 1.25);
  }
  let rightY = start;
  for (const field of top.right) {
    field.value.forEach((line, i) => {
      if (i === 0) pen.text(field.label, RIGHT_X, rightY + ascent(field.style), STYLES.fieldLabel);
      pen.text(line, RIGHT_X + 17, rightY + ascent(field.style), field.style);
      rightY += lineHeight(field.style, 1.25);
    });
  }
  flow.y = start + top.height;
  if (rows.length) flow.y += 1.5;
  const name = top.left[0]?.[0] ?? '';
  for (const row of rows) {
    let labelled = false;
    for (const line of row.lines) {
      if (flow.room() < rowLine) {
        // The entry goes on over the page: say whose text continues.
        flow.newPage();
        const style = STYLES.organisation;
        pen.text(`${name} ${t.pdf.continued}`, MARGIN, flow.y + ascent(style), style);
        flow.y += lineHeight(style, 1.25);
        labelled = false;
      }
      if (!labelled) pen.text(row.label, MARGIN, flow.y + ascent(rowStyle), STYLES.rowLabel);
      labelled = true;
      pen.text(line, MARGIN + ROW_LABEL_WIDTH, flow.y + ascent(rowStyle), rowStyle);
      flow.y += rowLine;
    }
  }
  flow.y += 1.5;
  setStroke(doc, RULE, 0.2);
  doc.line(MARGIN, flow.y, PAGE_WIDTH - MARGIN, flow.y);
  flow.y += 2;
}

// ---------------------------------------------------------------------------------------------------------------
// Footers

function drawFooters(pen: Pen, t: Translations, title: string): void {
  const { doc } = pen;
  const pages = doc.getNumberOfPages();
  const style: TextStyle = { size: 8.5, colour: MUTED };
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    setStroke(doc, RULE, 0.2);
    doc.line(MARGIN, FOOTER_BASELINE - 4, PAGE_WIDTH - MARGIN, FOOTER_BASELINE - 4);
    pen.text(pen.fit(title, CONTENT_WIDTH - 40, style), MARGIN, FOOTER_BASELINE, style);
    pen.text(t.pdf.page(page, pages), PAGE_WIDTH - MARGIN, FOOTER_BASELINE, { size: 9, bold: true }, 'right');
  }
}
