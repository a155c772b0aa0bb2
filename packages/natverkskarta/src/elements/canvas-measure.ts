import type { MeasureText } from '../scene/index.js';

/** One 2D context for all measuring: making a canvas context is costly, the first one above all. */
let shared: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null | undefined;
/**
 * The font last given to it. Its `font` reads back normalised ("700 13px Inter" as "bold 13px Inter"), so asking
 * it whether the font is already set would set (and parse) it again for every text.
 */
let sharedFont = '';

function context(): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null {
  if (shared === undefined) {
    shared =
      typeof OffscreenCanvas === 'function'
        ? new OffscreenCanvas(1, 1).getContext('2d')
        : document.createElement('canvas').getContext('2d');
  }
  return shared;
}

/**
 * Measures text with the browser's own font machinery, in the font the map's text is drawn in (the page's, or
 * `--nk-font-family`): a 2D canvas's `measureText`, which lays text out as SVG text is laid out. Widths are kept,
 * since labels are measured again whenever the map is drawn from a new document.
 */
export function canvasMeasure(fontFamily: string): MeasureText {
  const widths = new Map<string, number>();
  return (text, style) => {
    const font = `${style.bold ? 700 : 400} ${style.size}px ${fontFamily}`;
    const key = `${font}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      const measuring = context();
      if (measuring) {
        if (sharedFont !== font) measuring.font = sharedFont = font;
        width = measuring.measureText(text).width;
      } else width = text.length * style.size * 0.6;
      widths.set(key, width);
    }
    return width;
  };
}
