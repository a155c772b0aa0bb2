import { svg, type SVGTemplateResult } from 'lit';
import { NODE_RADIUS } from '../layout/geometry.js';
import type { Actor, Functioning } from '../model/types.js';

/**
 * How a contact works, told by a sign in a small disc (✓, ~, !), so that it never rests on colour alone. The signs
 * are drawn as strokes, not text: they look the same whatever font the page has, and the map's first picture
 * needs no font lookup for them.
 */
const FUNCTIONING_SIGN: Record<Functioning, string> = {
  good: 'M-4.5 0.5L-1.5 3.5L4.5-3',
  mixed: 'M-5 1.5C-3.5-2.5-1.5-2.5 0 0S3.5 2.5 5-1.5',
  poor: 'M0-5V1M0 4.5V4.6',
};

const BADGE = NODE_RADIUS * 0.78;

export function functioningMark(functioning: Functioning, at = { x: BADGE, y: -BADGE }): SVGTemplateResult {
  return svg`<g class="mark functioning functioning-${functioning}" aria-hidden="true" transform="translate(${at.x} ${at.y})">
    <circle r="9"></circle>
    <path class="sign" d=${FUNCTIONING_SIGN[functioning]}></path>
  </g>`;
}

/** Consent given: a small diamond. */
export function consentMark(at = { x: -BADGE, y: -BADGE }): SVGTemplateResult {
  return svg`<path class="mark consent" transform="translate(${at.x} ${at.y})" d="M0 -7L7 0L0 7L-7 0Z"></path>`;
}

/** The node itself: filled for an existing contact, hollow and dashed with "?" when needed, struck when ended. */
export function nodeShape(status: Actor['status'], radius = NODE_RADIUS): SVGTemplateResult {
  return svg`<circle class="node" r=${radius}></circle>
    ${status === 'needed' ? svg`<text class="glyph" aria-hidden="true" dominant-baseline="central" text-anchor="middle">?</text>` : ''}
    ${
      status === 'ended'
        ? svg`<line class="glyph-line" x1=${-radius * 0.7} y1=${radius * 0.7} x2=${radius * 0.7} y2=${-radius * 0.7}></line>`
        : ''
    }`;
}
