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
import { jsPDF } from 'jspdf';
import { categoryLabel, loadTranslations, mapTitle, sectorLabel, type Translations } from '../i18n/index.js';
import * as engine from '../layout/layout-map.js';
import { applyCommand } from '../model/commands.js';
import type { Actor, ActorStatus, MapDocument, MapVersion, Sector } from '../model/types.js';
import { changeWords, describeChanges, type ChangeGroup } from '../i18n/change-words.js';
import { MapPicture, sectorColours, type Scene } from '../scene/index.js';
import { fontsFor, loadFont, type FontKey } from './fonts.js';
import { drawLegend, drawMap, drawSample } from './pdf-map.js';
import { ascent, FACES, hex, INK, lineHeight, MUTED, Pen, RULE, setStroke, type Rgb, type TextStyle } from './pdf-pen.js';
import { cleanText, scriptsUsed } from './text.js';

export interface PdfOptions {
  /** `sv` (default) or `en`: the language of the PDF's own words and of its metadata. */
  lang?: string;
  /** The date printed on the map; now by default. */
  date?: Date;
  /** A version of the map: a last page tells what changed since it ("Förändringar sedan Kartläggning"). */
  compareWith?: MapVersion;
}

/** The PDF as bytes (`application/pdf`). */
export async function buildPdf(map: MapDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  const t = await loadTranslations(options.lang);
  const clean = cleanMap(map, t);
  const since = options.compareWith;
  const changes = since
    ? describeChanges(t, { ...since, label: cleanText(since.label), map: cleanMap(since.map, t) }, null, clean)
    : null;
  const changeTexts = changes ? [changes.heading, ...changes.groups.flatMap((group) => [group.heading, ...group.names])] : [];
  const scripts = scriptsUsed([...textsOf(clean, t), ...changeTexts]);
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
  drawFirstPage(pen, paperScene(clean, t, pen), t, title, date);
  doc.addPage('a4', 'portrait');
  drawContactList(pen, clean, t, date);
  if (changes) {
    doc.addPage('a4', 'portrait');
    drawChanges(pen, t, changes.heading, changes.groups);
  }
  drawFooters(pen, t, title);

  return new Uint8Array(doc.output('arraybuffer'));
}

/**
 * The map as the screen shows it, its labels measured in the PDF's own fonts. Where those labels no longer fit
 * where the screen placed them (a font wider than the page's, or a map never laid out), the layout makes room,
 * as the editor would: on paper only; the document is not changed.
 */
function paperScene(map: MapDocument, t: Translations, pen: Pen): Scene {
  const picture = new MapPicture(t, pen.measure, engine);
  const positions = picture.placements(map);
  return picture.scene(positions ? applyCommand(map, { type: 'setPositions', positions }).map : map);
}

/** The PDF as a Blob, for a download link. */
export async function buildPdfBlob(map: MapDocument, options: PdfOptions = {}): Promise<Blob> {
  const bytes = await buildPdf(map, options);
  return new Blob([bytes.buffer as ArrayBuffer], { type: 'application/pdf' });
}

// ---------------------------------------------------------------------------------------------------------------
// Fonts and text

/** jsPDF's virtual file system takes a font as a binary string. */
function binaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
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
// Page geometry (millimetres)

const PAGE_WIDTH = 210;
const PAGE_HEIGHT = 297;
const MARGIN = 15;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TOP = 16;
const BOTTOM = PAGE_HEIGHT - 18;
const FOOTER_BASELINE = PAGE_HEIGHT - 9;
/** The most of page 1 the map may take; the legend needs the rest. */
const MAP_HEIGHT = 170;

// ---------------------------------------------------------------------------------------------------------------
// Page 1: the map and its legend

function drawFirstPage(pen: Pen, scene: Scene, t: Translations, title: string, date: string): void {
  const titleStyle: TextStyle = { size: 17, bold: true };
  let y = TOP;
  for (const line of pen.wrap(title, CONTENT_WIDTH, titleStyle).slice(0, 2)) {
    pen.text(pen.fit(line, CONTENT_WIDTH, titleStyle), MARGIN, y + ascent(titleStyle), titleStyle);
    y += lineHeight(titleStyle, 1.2);
  }
  const dateStyle: TextStyle = { size: 10, colour: MUTED };
  pen.text(t.pdf.printed(date), MARGIN, y + ascent(dateStyle), dateStyle);
  y += lineHeight(dateStyle) + 3;

  // The map as wide as the page allows, leaving room under it for the legend.
  const { bounds } = scene;
  const height = Math.min(MAP_HEIGHT, (CONTENT_WIDTH * (bounds.bottom - bounds.top)) / (bounds.right - bounds.left));
  drawMap(pen, scene, { left: MARGIN, top: y, right: PAGE_WIDTH - MARGIN, bottom: y + height });
  y += height + 4;

  const { doc } = pen;
  const heading: TextStyle = { size: 11.5, bold: true };
  setStroke(doc, RULE, 0.3);
  doc.line(MARGIN, y, PAGE_WIDTH - MARGIN, y);
  pen.text(t.pdf.legendHeading, MARGIN, y + 3 + ascent(heading), heading);
  y += 3 + lineHeight(heading) + 1;
  const intro: TextStyle = { size: 8.5, colour: MUTED };
  for (const line of pen.wrap(t.ui.mapDescription, CONTENT_WIDTH, intro)) {
    pen.text(line, MARGIN, y + ascent(intro), intro);
    y += lineHeight(intro);
  }
  drawLegend(pen, scene.legend, { left: MARGIN, top: y + 2, right: PAGE_WIDTH - MARGIN, bottom: BOTTOM });
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

  const palette = sectorColours(map.sectors.map((sector) => sector.id));
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
    const colour: Rgb = hex(palette.get(sector.id) ?? '#999999');
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

/** The last page: what changed since a version, grouped, every contact named in full on a line of its own. */
function drawChanges(pen: Pen, t: Translations, heading: string, groups: readonly ChangeGroup[]): void {
  const flow = new Flow(pen);
  for (const line of pen.wrap(heading, CONTENT_WIDTH, STYLES.heading)) {
    pen.text(line, MARGIN, flow.y + ascent(STYLES.heading), STYLES.heading);
    flow.y += lineHeight(STYLES.heading);
  }
  flow.y += 3;
  if (groups.length === 0) {
    pen.text(changeWords(t).none, MARGIN, flow.y + ascent(STYLES.person), STYLES.person);
    return;
  }
  const nameLine = lineHeight(STYLES.person);
  for (const group of groups) {
    const names = group.names.map((name) => pen.wrap(name, CONTENT_WIDTH - 6, STYLES.person));
    flow.ensure(lineHeight(STYLES.organisation) + (names[0]?.length ?? 1) * nameLine + 2);
    pen.text(
      pen.fit(group.heading, CONTENT_WIDTH, STYLES.organisation),
      MARGIN,
      flow.y + ascent(STYLES.organisation),
      STYLES.organisation,
    );
    flow.y += lineHeight(STYLES.organisation);
    for (const lines of names) {
      flow.ensure(lines.length * nameLine);
      for (const line of lines) {
        pen.text(line, MARGIN + 6, flow.y + ascent(STYLES.person), STYLES.person);
        flow.y += nameLine;
      }
    }
    flow.y += 3;
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
    drawSample(pen, { kind: 'status', status: 'needed', text }, { x: MARGIN + 2.2, y: middle });
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
