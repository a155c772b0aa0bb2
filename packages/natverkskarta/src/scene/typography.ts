/**
 * The map's text styles, in map units (one CSS pixel at 100 %). Every text on the map is at least
 * 15 units, so that the default view of a 30-contact map in a 1280 × 800 window, which shows the map at
 * about three quarters of its size, prints no text under 11 CSS px. Few styles: each size and weight more is one
 * more font lookup before the map's first picture.
 */
export interface TextStyle {
  size: number;
  bold: boolean;
  /** Drawn in the muted ink. */
  muted?: boolean;
}

export const TEXT_STYLES = {
  /** An actor's organisation (or name). */
  label: { size: 15, bold: true },
  /** The second part of an actor's label: the person, or the kind of contact. */
  detail: { size: 15, bold: false, muted: true },
  ring: { size: 15, bold: false, muted: true },
  sector: { size: 17, bold: true },
  centre: { size: 16, bold: true },
  /** The "?" in a needed contact's circle. */
  glyph: { size: 15, bold: true },
} as const satisfies Record<string, TextStyle>;

export type TextStyleName = keyof typeof TEXT_STYLES;

/** The height of one line of text, baseline to baseline. */
export const lineHeight = (style: TextStyle): number => style.size * 1.2;

/** From a line's top to its baseline: room for the ascenders of any font a page may use. */
export const baselineOffset = (style: TextStyle): number => style.size * 0.95;

/** Measures a text's advance width in map units, in the font that will draw it. */
export type MeasureText = (text: string, style: TextStyle) => number;
