/**
 * Typed text must not pass for other text. A bidirectional override turns "Socialtjänsten ‮11 11-010 :nfT‬" into
 * what reads as "Socialtjänsten Tfn: 010-11 11"; a zero-width space makes two entries that look the same differ.
 * Every piece of text a user or a file gives is cleaned here, on input and on every restore: bidirectional
 * controls and invisible characters go, line breaks and tabs become plain, the rest is NFC.
 */

/**
 * What goes wherever it stands:
 * - C0 and C1 controls other than tab and line feed;
 * - bidirectional embeddings, overrides, isolates and marks (U+061C, U+200E–F, U+202A–E, U+2066–9);
 * - characters that draw nothing in running text: the zero-width space, the word joiner and invisible operators,
 *   the deprecated format characters, the soft hyphen, the combining grapheme joiner, the byte-order mark, the
 *   Mongolian vowel separator and the Hangul fillers (used to fake blank names);
 * - tag characters, except in the flag sequences they spell after a black flag (🏴).
 */
const REMOVED =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0]|(?<![\u{1F3F4}\u{E0020}-\u{E007F}])[\u{E0020}-\u{E007F}]+/gu;

/**
 * ZWNJ and ZWJ shape Persian, Indic scripts and emoji sequences, and are kept there (a word-final ZWJ after a virama
 * too: Malayalam's chillu); anywhere else — at either end of a word, or inside Latin, Greek or Cyrillic text, where
 * they change nothing visible — they go.
 */
const JOINER_OUTSIDE_A_WORD =
  /(?<![\p{L}\p{M}\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F])[\u200C\u200D]|(?<!\p{M})[\u200C\u200D](?![\p{L}\p{M}\p{Extended_Pictographic}])/gu;
const JOINER_IN_PLAIN_LETTERS =
  /(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}])[\u200C\u200D]+(?=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}])/gu;

/** Any character a step below would touch: text without one (nearly all) is only composed. */
const SUSPECT =
  /[\0-\x1F\x7F-\x9F\xAD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0\u{E0020}-\u{E007F}]/u;

/** The text as it is shown and stored: nothing in it can reorder, hide or fake other text. Not trimmed. */
export function cleanText(value: string): string {
  if (!SUSPECT.test(value)) return value.normalize('NFC');
  return value
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(REMOVED, '')
    .replace(JOINER_IN_PLAIN_LETTERS, '')
    .replace(JOINER_OUTSIDE_A_WORD, '')
    .normalize('NFC');
}

/** A value quoted in a message, cleaned and cut short: a file's 20 MB field must not become a 20 MB message. */
export function quoted(value: unknown, max = 60): string {
  const text = cleanText(String(value));
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
