import type { MeasureText } from '../scene/index.js';

/**
 * Measures text with the browser's own font machinery, in the font the map's text is drawn in (the page's, or
 * `--nk-font-family`): a 2D canvas's `measureText`, which lays text out as SVG text is laid out. Widths are kept,
 * since labels are measured again whenever the map is redrawn from a new document.
 */
export function canvasMeasure(fontFamily: string): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  return (text, style) => {
    const font = `${style.bold ? 700 : 400} ${style.size}px ${fontFamily}`;
    const key = `${font}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      if (!context) return text.length * style.size * 0.6;
      context.font = font;
      width = context.measureText(text).width;
      widths.set(key, width);
    }
    return width;
  };
}
