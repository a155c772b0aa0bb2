import type { MeasureText, TextStyle } from './typography.js';

/**
 * Splits a text into the pieces a line may break after: words with their following space, and the parts of a
 * word joined by a hyphen or a slash ("Barn-", "kontaktperson/"), which keep it.
 */
export function breakPoints(text: string): string[] {
  return text.match(/[^\s/-]+[/-]*\s*|[/-]+\s*|\s+/gu) ?? [];
}

/** Splits a word into characters, keeping combining marks with their base letter. */
export function graphemes(word: string): string[] {
  return word.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
}

/**
 * Breaks a text into lines no wider than `width`, measured; nothing is ever cut. Lines break at spaces and line
 * breaks. A word wider than `width` may stand on a line of its own up to `longWord` wide, and a word wider
 * still is broken between letters, so that all of it is shown.
 */
export function wrapText(text: string, width: number, style: TextStyle, measure: MeasureText, longWord = width): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    // Most labels fit on one line: measured once, whole, instead of word by growing word.
    const whole = paragraph.trimEnd();
    if (whole && measure(whole, style) <= width) {
      lines.push(whole);
      continue;
    }
    let line = '';
    for (const piece of breakPoints(paragraph)) {
      const candidate = line + piece;
      if (measure(candidate.trimEnd(), style) <= width) {
        line = candidate;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      if (measure(piece.trimEnd(), style) <= longWord) {
        line = piece;
        continue;
      }
      for (const letter of graphemes(piece)) {
        if (line && measure(line + letter, style) > longWord) {
          lines.push(line);
          line = '';
        }
        line += letter;
      }
    }
    if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  }
  return lines;
}

/**
 * A measure for where no font can be asked (a layout in Node, a host calling `layoutMap`): Noto Sans's average
 * advance widths by kind of character. Close enough to place boxes; the screen and the PDF measure with the fonts
 * that draw them.
 */
export const estimateText: MeasureText = (text, style) => {
  let em = 0;
  for (const char of text) {
    if (/[ .,:;'!|ilj]/u.test(char)) em += 0.27;
    else if (/[frt()\-–]/u.test(char)) em += 0.36;
    else if (/[mwMW@]/u.test(char)) em += 0.86;
    else if (/[A-ZÅÄÖ0-9]/u.test(char)) em += 0.64;
    else if (/[\u1100-\u9fff\uac00-\ud7af]/u.test(char)) em += 1;
    else em += 0.55;
  }
  return em * style.size * (style.bold ? 1.06 : 1);
};
