/**
 * Text for the PDF: which script each stretch of a text is written in, so that each is drawn in a font that has
 * its letters. Pure functions; nothing here knows jsPDF.
 */

/**
 * The scripts the PDF's fonts cover, each in pieces of its own (`scripts/fonts.mjs`): Noto Sans's Latin (with Latin
 * Extended and Vietnamese), Greek and Cyrillic, Noto Sans Arabic, Noto Sans Ethiopic.
 */
export type Script = 'latin' | 'greek' | 'cyrillic' | 'arabic' | 'ethiopic';

/** Greek and Coptic, Greek Extended. */
const GREEK = /[\u0370-\u03FF\u1F00-\u1FFF]/u;
/** Cyrillic, its supplement and extensions: Russian, Ukrainian, Serbian … names. */
const CYRILLIC = /[\u0400-\u052F\u1C80-\u1C8F\u2DE0-\u2DFF\uA640-\uA69F]/u;

/** Arabic, Arabic Supplement, Extended-A/B, Presentation Forms A and B: Arabic and Persian names. */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
/** Ethiopic and its supplements: Tigrinya and Amharic names. */
const ETHIOPIC = /[\u1200-\u139F\u2D80-\u2DDF\uAB00-\uAB2F\u{1E7E0}-\u{1E7FF}]/u;
/** The scripts besides Latin, each with the letters that are written in it; the order the fonts are listed in. */
export const OTHER_SCRIPTS: readonly (readonly [Exclude<Script, 'latin'>, RegExp])[] = [
  ['greek', GREEK],
  ['cyrillic', CYRILLIC],
  ['arabic', ARABIC],
  ['ethiopic', ETHIOPIC],
];

/**
 * Characters that take the script of the letters around them: spaces and the joiners and marks of direction
 * (ZWNJ is part of many Persian names).
 */
const NEUTRAL = /[\s\u200B-\u200F]/u;

export function scriptOf(char: string): Script {
  return OTHER_SCRIPTS.find(([, letters]) => letters.test(char))?.[0] ?? 'latin';
}

export interface Run {
  script: Script;
  text: string;
}

/**
 * Splits a line into runs of one script. Spaces between two words of one script stay in that run, so that a
 * right-to-left name of several words is reordered as a whole; other spaces go to the Latin text.
 */
export function scriptRuns(line: string): Run[] {
  const runs: Run[] = [];
  let pending = '';
  for (const char of line) {
    if (NEUTRAL.test(char)) {
      pending += char;
      continue;
    }
    const script = scriptOf(char);
    const last = runs.at(-1);
    if (!last) {
      runs.push({ script, text: pending + char });
    } else if (last.script === script) {
      last.text += pending + char;
    } else if (script === 'latin') {
      runs.push({ script, text: pending + char });
    } else {
      last.text += pending;
      runs.push({ script, text: char });
    }
    pending = '';
  }
  if (pending) {
    const last = runs.at(-1);
    if (last) last.text += pending;
    else runs.push({ script: 'latin', text: pending });
  }
  return runs;
}

/** The scripts a set of texts uses, Latin always (the headings are Latin). */
export function scriptsUsed(texts: Iterable<string>): Set<Script> {
  const used = new Set<Script>(['latin']);
  for (const text of texts) {
    for (const [script, letters] of OTHER_SCRIPTS) if (letters.test(text)) used.add(script);
  }
  return used;
}

/**
 * What a user typed, made safe to print as plain text: composed (NFC, so "Nguyễn" uses the font's precomposed
 * letters), line breaks unified, other control characters removed. With `multiline` false, line breaks become
 * spaces.
 */
export function cleanText(text: string, multiline = false): string {
  const normal = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g, '');
  return multiline ? normal.replace(/[ ]+\n/g, '\n').trim() : normal.replace(/\s*\n\s*/g, ' ').trim();
}
