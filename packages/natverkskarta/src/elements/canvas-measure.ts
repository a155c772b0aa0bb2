import type { MeasureText } from '../scene/index.js';

/**
 * Measures text with the browser's own font machinery, in the font the map's text is drawn in (the page's, or
 * `--nk-font-family`): a 2D canvas's `measureText`, which lays text out as SVG text is laid out. One canvas per
 * text style, since setting a canvas's font is costly; widths are kept, since labels are measured again whenever
 * the map is drawn from a new document.
 */
export function canvasMeasure(fontFamily: string): MeasureText {
  const contexts = new Map<string, CanvasRenderingContext2D | null>();
  const widths = new Map<string, number>();
  return (text, style) => {
    const font = `${style.bold ? 700 : 400} ${style.size}px ${fontFamily}`;
    const key = `${font}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      let context = contexts.get(font);
      if (context === undefined) {
        context = document.createElement('canvas').getContext('2d');
        if (context) context.font = font;
        contexts.set(font, context);
      }
      width = context ? context.measureText(text).width : text.length * style.size * 0.6;
      widths.set(key, width);
    }
    return width;
  };
}
