import { svg, type SVGTemplateResult } from 'lit';
import { NODE_RADIUS } from '../layout/geometry.js';
import type { ActorStatus, Functioning, Point } from '../model/types.js';
import {
  CONSENT_MARK,
  diamond,
  endedStroke,
  FUNCTIONING_BADGE,
  FUNCTIONING_SIGNS,
  marksAt,
  type SceneActor,
} from '../scene/index.js';

const points = (list: readonly Point[]) => list.map((point, i) => `${i === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join('');

/** How a contact works, told by a sign in a small disc (✓, ~, !): never by colour alone. */
export function functioningMark(functioning: Functioning, at: Point = { x: 0, y: 0 }): SVGTemplateResult {
  return svg`<g class="mark functioning functioning-${functioning}" aria-hidden="true" transform="translate(${at.x} ${at.y})">
    <circle r=${FUNCTIONING_BADGE.radius}></circle>
    <path class="sign" d=${FUNCTIONING_SIGNS[functioning].map(points).join('')}></path>
  </g>`;
}

/** Consent given: a small diamond. */
export function consentMark(at: Point = { x: 0, y: 0 }): SVGTemplateResult {
  return svg`<path class="mark consent" d=${`${points(diamond(at, CONSENT_MARK.size))}Z`}></path>`;
}

/** The node itself: filled for an existing contact, hollow and dashed with "?" when needed, struck when ended. */
export function nodeShape(status: ActorStatus, radius = NODE_RADIUS): SVGTemplateResult {
  const [from, to] = endedStroke(radius);
  return svg`<circle class="node" r=${radius}></circle>
    ${status === 'needed' ? svg`<text class="glyph" aria-hidden="true" dominant-baseline="central" text-anchor="middle">?</text>` : ''}
    ${status === 'ended' ? svg`<line class="glyph-line" x1=${from.x} y1=${from.y} x2=${to.x} y2=${to.y}></line>` : ''}`;
}

/** An actor's circle with its marks, where the scene puts them. */
export function actorMarks(item: SceneActor): SVGTemplateResult {
  const marks = marksAt(item);
  return svg`${nodeShape(item.status)}
    ${marks.functioning && item.functioning ? functioningMark(item.functioning, marks.functioning) : ''}
    ${marks.consent ? consentMark(marks.consent) : ''}`;
}
