/**
 * The map's colours, strokes and dash patterns, as data: the one place they are defined. The editor's style
 * sheet takes them as the defaults of its custom properties (`--nk-sector-family`, `--nk-good`, …) and the PDF
 * paints with them, so that screen and paper look alike. Lengths are in map units (one CSS pixel at 100 %).
 */
import type { DefaultSectorId, Functioning, TieKind } from '../model/types.js';

/** Okabe–Ito colours, told apart also by people with a colour-vision deficiency. */
export const SECTOR_COLOURS: Readonly<Record<DefaultSectorId, string>> = {
  family: '#e69f00',
  municipality: '#56b4e9',
  school: '#009e73',
  region: '#cc79a7',
  state: '#0072b2',
  civil: '#f0e442',
};

/** For sectors a map adds beyond the default six, in turn. */
export const EXTRA_SECTOR_COLOURS: readonly string[] = ['#d55e00', '#999999', '#8c6d31', '#6b6ecf', '#74c476', '#b07aa1'];

export const INK = {
  text: '#111827',
  muted: '#4b5563',
  surface: '#ffffff',
  surfaceAlt: '#f3f4f6',
  border: '#6b7280',
  stroke: '#1f2937',
} as const;

export const FUNCTIONING_COLOURS: Readonly<Record<Functioning, string>> = {
  good: '#15803d',
  mixed: '#a16207',
  poor: '#b91c1c',
};

export interface LineStyle {
  width: number;
  /** Dash and gap lengths; empty for a solid line. */
  dash: readonly number[];
  colour: string;
}

/** Each kind of tie by width and dash, never by colour alone (a strained tie is also red). */
export const TIE_STYLES: Readonly<Record<TieKind, LineStyle>> = {
  strong: { width: 6, dash: [], colour: INK.stroke },
  normal: { width: 2.5, dash: [], colour: INK.stroke },
  weak: { width: 2, dash: [8, 7], colour: INK.stroke },
  strained: { width: 3, dash: [14, 5, 3, 5], colour: '#b91c1c' },
};

/** The dotted ring lines, the white gaps between sectors, and the family's circle. */
export const RING_LINE: LineStyle = { width: 1.5, dash: [3, 6], colour: INK.border };
export const WEDGE_GAP: LineStyle = { width: 3, dash: [], colour: INK.surface };
export const CENTRE_LINE: LineStyle = { width: 3, dash: [], colour: INK.stroke };

/** Node outlines: solid for a contact that is there, dashed for one that is needed. */
export const NODE_LINE: LineStyle = { width: 2.5, dash: [], colour: INK.stroke };
export const NEEDED_LINE: LineStyle = { width: 2.5, dash: [5, 4], colour: INK.stroke };
export const ENDED_LINE: LineStyle = { width: 2.5, dash: [], colour: INK.muted };

/** How much of its colour a sector's wedge shows: less when no actor is in it. */
export const WEDGE_OPACITY = { filled: 0.13, empty: 0.04 } as const;

/** The colour of each of a map's sectors: a default sector's own, others the extra colours in turn. */
export function sectorColours(sectorIds: readonly string[]): Map<string, string> {
  let extra = 0;
  return new Map(
    sectorIds.map((id) => [
      id,
      (SECTOR_COLOURS as Record<string, string>)[id] ?? EXTRA_SECTOR_COLOURS[extra++ % EXTRA_SECTOR_COLOURS.length]!,
    ]),
  );
}
