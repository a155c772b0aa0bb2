/**
 * What each actor's label says and how much room it takes: its lines, wrapped by measured width and never cut,
 * and the box of circle, marks and label that the layout keeps apart from every other.
 */
import { actorLabel, categoryLabel, type Translations } from '../i18n/index.js';
import { MIN_CENTRE_RADIUS, NODE_RADIUS, STRETCH, type ActorBox } from '../layout/geometry.js';
import type { Actor } from '../model/types.js';
import { baselineOffset, lineHeight, TEXT_STYLES, type MeasureText, type TextStyleName } from './typography.js';
import { wrapText } from './wrap-text.js';

/** A label's lines break at this width; one long word (a Swedish compound) may take up to `LONG_WORD_WIDTH`. */
export const LABEL_WIDTH = 124;
export const LONG_WORD_WIDTH = 164;
/** The circle with its marks reaches this far from its centre; ties end here, or past the label they cross. */
export const MARK_REACH = NODE_RADIUS + 6;
/** Between the circle and the label. */
const LABEL_GAP = 3;

/**
 * Where a label stands: under its circle, or over it in the sectors at the top of the map, so that it points
 * away from the middle, where the ties come from.
 */
export type LabelPlace = 'below' | 'above';

/** One line of text with its baseline at `y`, starting, centred or ending at `x`; `width` as measured. */
export interface TextLine {
  text: string;
  style: TextStyleName;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  width: number;
  /** The space the text broke at after this line, if it broke at one: joined, the lines read as the text. */
  tail: '' | ' ';
}

export interface ActorLabel {
  place: LabelPlace;
  /** Relative to the actor's centre. */
  lines: TextLine[];
  /** The actor's box (circle, marks and label), relative to its centre. */
  box: ActorBox;
  /** The label's own rectangle, relative to the centre. */
  text: { left: number; right: number; top: number; bottom: number };
}

/** Lines of text stacked from `top` down, each anchored at `x`. */
export function stackLines(
  parts: readonly [string, TextStyleName][],
  top: number,
  width: number,
  measure: MeasureText,
  options: { longWord?: number; x?: number; anchor?: TextLine['anchor'] } = {},
): TextLine[] {
  const lines: TextLine[] = [];
  let y = top;
  for (const [text, styleName] of parts) {
    const style = TEXT_STYLES[styleName];
    const source = text.replace(/\s+/g, ' ').trim();
    let read = 0;
    for (const line of wrapText(source, width, style, measure, options.longWord ?? width)) {
      read += line.length;
      const tail = source[read] === ' ' ? ' ' : '';
      if (tail) read++;
      lines.push({
        text: line,
        style: styleName,
        x: options.x ?? 0,
        y: y + baselineOffset(style),
        anchor: options.anchor ?? 'middle',
        width: measure(line, style),
        tail,
      });
      y += lineHeight(style);
    }
    // Between two parts (the organisation and the person), a space too.
    const last = lines.at(-1);
    if (last) last.tail = ' ';
  }
  const last = lines.at(-1);
  if (last) last.tail = '';
  return lines;
}

/** The height of stacked lines. */
export function stackHeight(lines: readonly TextLine[]): number {
  return lines.reduce((sum, line) => sum + lineHeight(TEXT_STYLES[line.style]), 0);
}

/**
 * What an actor's label says: its organisation (or person, or kind), then who the person is. Under an
 * organisation, the person's name; under a person alone, their role ("Mamma") or else their kind of contact. An
 * organisation names itself: its kind is in the legend's colours, the contact list and the accessible name.
 */
export function labelParts(actor: Actor, t: Translations): [string, TextStyleName][] {
  const parts: [string, TextStyleName][] = [[actorLabel(t, actor), 'label']];
  const second = actor.organisation ? actor.name : actor.name ? actor.role || categoryLabel(t, actor.category) : '';
  if (second) parts.push([second, 'detail']);
  return parts;
}

/** An actor's label, wrapped to its measured width, under or over its circle. */
export function labelActor(actor: Actor, t: Translations, measure: MeasureText, place: LabelPlace = 'below'): ActorLabel {
  const lines = stackLines(labelParts(actor, t), 0, LABEL_WIDTH, measure, { longWord: LONG_WORD_WIDTH });
  const height = stackHeight(lines);
  const top = place === 'below' ? NODE_RADIUS + LABEL_GAP : -(NODE_RADIUS + LABEL_GAP + height);
  for (const line of lines) line.y += top;
  const half = Math.max(...lines.map((line) => line.width)) / 2 + 2;
  const text = { left: -half, right: half, top, bottom: top + height };
  // The marks stand on the side away from the label (see `marksAt`); without them, the circle is all there is.
  const marked = actor.functioning !== null || actor.consent.given;
  const reach = marked ? MARK_REACH : NODE_RADIUS + 2;
  return {
    place,
    lines,
    text,
    box: {
      left: Math.min(-reach, -half),
      right: Math.max(reach, half),
      top: Math.min(-reach, text.top),
      bottom: Math.max(reach, text.bottom),
    },
  };
}

export type Labeller = (actor: Actor, place?: LabelPlace) => ActorLabel;

/** Labels actors once for each place: an actor whose data did not change keeps its label. */
export function labeller(t: Translations, measure: MeasureText): Labeller {
  const cache = new WeakMap<Actor, Partial<Record<LabelPlace, ActorLabel>>>();
  return (actor, place = 'below') => {
    let labels = cache.get(actor);
    if (!labels) cache.set(actor, (labels = {}));
    return (labels[place] ??= labelActor(actor, t, measure, place));
  };
}

/** The family's name in its circle: wrapped to fit inside, the circle as large as the name needs. */
export function labelCentre(title: string, measure: MeasureText): { lines: TextLine[]; radius: number } {
  const style = TEXT_STYLES.centre;
  const words = title.split(/\s+/).filter(Boolean);
  const longest = Math.max(0, ...words.map((word) => measure(word, style)));
  // As wide as the circle's middle at the least, as wide as the longest word if that is wider, never wider than
  // a long label (a longer word then breaks between letters).
  const width = Math.min(LONG_WORD_WIDTH + 30, Math.max(MIN_CENTRE_RADIUS * 1.7 * STRETCH, longest));
  const lines = stackLines([[title, 'centre']], 0, width, measure);
  const height = stackHeight(lines);
  for (const line of lines) line.y -= height / 2;
  const widest = Math.max(0, ...lines.map((line) => line.width));
  // The circle is drawn stretched like the rings (see `STRETCH`).
  const radius = Math.max(MIN_CENTRE_RADIUS, Math.ceil(Math.hypot(widest / 2 / STRETCH, height / 2) + 6));
  return { lines, radius };
}
