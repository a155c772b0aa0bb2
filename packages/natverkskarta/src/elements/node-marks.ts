import { svg, type SVGTemplateResult } from 'lit';
import { NODE_RADIUS } from '../layout/geometry.js';
import type { Actor, Functioning } from '../model/types.js';

/** How a contact works, told by a glyph in a small disc, so that it never rests on colour alone. */
const FUNCTIONING_GLYPH: Record<Functioning, string> = { good: '✓', mixed: '~', poor: '!' };

const BADGE = NODE_RADIUS * 0.78;

export function functioningMark(functioning: Functioning, at = { x: BADGE, y: -BADGE }): SVGTemplateResult {
  return svg`<g class="mark functioning functioning-${functioning}" aria-hidden="true" transform="translate(${at.x} ${at.y})">
    <circle r="9"></circle>
    <text text-anchor="middle" dominant-baseline="central">${FUNCTIONING_GLYPH[functioning]}</text>
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
