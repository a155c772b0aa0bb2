/**
 * Breaks text into at most `maxLines` lines of about `maxChars` characters at spaces; a word longer than a line
 * is cut, and what does not fit ends in "…". SVG text does not wrap by itself.
 */
export function wrapLines(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= maxChars) current = candidate;
    else {
      if (current) lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const cut = (line: string) => (line.length > maxChars ? `${line.slice(0, maxChars - 1).trimEnd()}…` : line);
  if (lines.length <= maxLines) return lines.map(cut);
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, maxChars - 1).trimEnd()}…`;
  return kept.map(cut);
}
