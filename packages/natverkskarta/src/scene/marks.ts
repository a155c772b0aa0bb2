/**
 * The marks on an actor's circle, as geometry both painters draw: how a contact works as a sign in a small disc
 * (✓, ~, !), consent as a diamond. Drawn as strokes, not text, so that they look the same in any font and need
 * no font on paper. Offsets are from the actor's centre, in map units.
 */
import { NODE_RADIUS } from '../layout/geometry.js';
import type { Functioning, Point } from '../model/types.js';

const BADGE = NODE_RADIUS * 0.78;

/**
 * The disc with the sign of how a contact works: top right of the circle (bottom right when its label is over
 * the circle: marks stand on the side away from the label).
 */
export const FUNCTIONING_BADGE = { x: BADGE, y: -BADGE, radius: 8 } as const;

/** Each sign as strokes: lists of points, each list one stroke, relative to the badge's centre. */
export const FUNCTIONING_SIGNS: Readonly<Record<Functioning, readonly (readonly Point[])[]>> = {
  good: [
    [
      { x: -4.5, y: 0.5 },
      { x: -1.5, y: 3.5 },
      { x: 4.5, y: -3 },
    ],
  ],
  // A wave: ~
  mixed: [
    Array.from({ length: 13 }, (_, i) => {
      const x = -5 + (10 * i) / 12;
      return { x, y: -2.2 * Math.sin((x / 5) * Math.PI) };
    }),
  ],
  poor: [
    [
      { x: 0, y: -5 },
      { x: 0, y: 1 },
    ],
    [
      { x: 0, y: 4.4 },
      { x: 0, y: 4.6 },
    ],
  ],
};
export const SIGN_WIDTH = 2.4;

/** Consent given: a diamond, top left of the circle (bottom left when its label is over it). */
export const CONSENT_MARK = { x: -BADGE, y: -BADGE, size: 6.5 } as const;

export function diamond(at: Point, size: number): Point[] {
  return [
    { x: at.x, y: at.y - size },
    { x: at.x + size, y: at.y },
    { x: at.x, y: at.y + size },
    { x: at.x - size, y: at.y },
  ];
}

/** The stroke through an ended contact's circle, bottom left to top right. */
export function endedStroke(radius = NODE_RADIUS): [Point, Point] {
  return [
    { x: -radius * 0.7, y: radius * 0.7 },
    { x: radius * 0.7, y: -radius * 0.7 },
  ];
}

/**
 * Where an actor's marks stand, relative to its centre: over the circle when the label is under it, and under
 * it when the label is over it, so that marks and label never meet. Null for a mark the actor has not.
 */
export function marksAt(actor: { functioning: Functioning | null; consent: boolean; label: { place: 'below' | 'above' } }): {
  functioning: Point | null;
  consent: Point | null;
} {
  const flip = actor.label.place === 'above' ? -1 : 1;
  return {
    functioning: actor.functioning ? { x: FUNCTIONING_BADGE.x, y: FUNCTIONING_BADGE.y * flip } : null,
    consent: actor.consent ? { x: CONSENT_MARK.x, y: CONSENT_MARK.y * flip } : null,
  };
}
