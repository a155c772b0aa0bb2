/**
 * Drawing on a jsPDF page: text of any script in the embedded Noto faces, measured as it is drawn, and strokes in
 * the palette's colours. Lengths are millimetres, text sizes points. The jsPDF document is handed in by
 * `pdf.ts`, the only module that imports jsPDF.
 */
import type { jsPDF } from 'jspdf';
import { wrapText, graphemes, type MeasureText } from '../scene/index.js';
import type { FontKey } from './fonts.js';
import { scriptRuns, type Script } from './text.js';

export type Rgb = readonly [number, number, number];

export interface TextStyle {
  /** Points. */
  size: number;
  bold?: boolean;
  colour?: Rgb;
}

/** Millimetres in a point. */
export const PT = 25.4 / 72;
export const INK: Rgb = [26, 26, 26];
export const MUTED: Rgb = [85, 85, 85];
export const RULE: Rgb = [190, 190, 190];

export function hex(colour: string): Rgb {
  const value = Number.parseInt(colour.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The colour mixed with white: `share` of the colour. */
export function tint(colour: Rgb, share: number): Rgb {
  return colour.map((c) => Math.round(255 - (255 - c) * share)) as unknown as Rgb;
}

export function lineHeight(style: TextStyle, factor = 1.3): number {
  return style.size * PT * factor;
}

/** The distance from a line's top to its baseline. */
export function ascent(style: TextStyle): number {
  return style.size * PT * 0.95;
}

/** Each face is registered as its own family, so that the PDF names it (NotoSans-Bold, …). */
export const FACES: Record<FontKey, { file: string; family: string }> = {
  regular: { file: 'NotoSans-Regular.ttf', family: 'NotoSans' },
  bold: { file: 'NotoSans-Bold.ttf', family: 'NotoSans-Bold' },
  greek: { file: 'NotoSansGreek-Regular.ttf', family: 'NotoSansGreek' },
  greekBold: { file: 'NotoSansGreek-Bold.ttf', family: 'NotoSansGreek-Bold' },
  cyrillic: { file: 'NotoSansCyrillic-Regular.ttf', family: 'NotoSansCyrillic' },
  cyrillicBold: { file: 'NotoSansCyrillic-Bold.ttf', family: 'NotoSansCyrillic-Bold' },
  arabic: { file: 'NotoSansArabic-Regular.ttf', family: 'NotoSansArabic' },
  arabicBold: { file: 'NotoSansArabic-Bold.ttf', family: 'NotoSansArabic-Bold' },
  ethiopic: { file: 'NotoSansEthiopic-Regular.ttf', family: 'NotoSansEthiopic' },
  ethiopicBold: { file: 'NotoSansEthiopic-Bold.ttf', family: 'NotoSansEthiopic-Bold' },
};

export function setStroke(doc: jsPDF, colour: Rgb, width: number, dash: readonly number[] = []): void {
  doc.setDrawColor(...colour);
  doc.setLineWidth(width);
  doc.setLineDashPattern([...dash], 0);
}

/** Draws and measures text of any script, in the embedded fonts. */
export class Pen {
  constructor(
    readonly doc: jsPDF,
    private readonly fonts: ReadonlySet<FontKey>,
  ) {}

  private use(script: Script, style: TextStyle): void {
    // Each script in its own piece when the document embeds it; Latin (and a script without its piece) in Noto Sans.
    let key: FontKey = style.bold ? 'bold' : 'regular';
    if (script !== 'latin' && this.fonts.has(script)) key = style.bold ? `${script}Bold` : script;
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

  /**
   * The map's measure (`scene/typography.ts`): a width in map units of text whose size is in map units, as these
   * fonts draw it. Widths grow with the size, so a text of size s units is as many units wide as it is
   * millimetres wide at s points, over the millimetres in a point.
   */
  readonly measure: MeasureText = (text, style) => this.width(text, { size: style.size, bold: style.bold }) / PT;

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

  /** Breaks a text into lines no wider than `width` (millimetres); nothing is cut. */
  wrap(text: string, width: number, style: TextStyle): string[] {
    return wrapText(text, width, { size: style.size, bold: style.bold ?? false }, (line) => this.width(line, style));
  }

  /** The text cut with an ellipsis to fit `width`: for running heads and footers only, never for a name. */
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
