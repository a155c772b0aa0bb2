import { css, unsafeCSS, type CSSResult } from 'lit';
import {
  CENTRE_LINE,
  ENDED_LINE,
  EXTRA_SECTOR_COLOURS,
  FUNCTIONING_COLOURS,
  NEEDED_LINE,
  NODE_LINE,
  RING_LINE,
  SECTOR_COLOURS,
  SIGN_WIDTH,
  TEXT_STYLES,
  TIE_STYLES,
  WEDGE_GAP,
  WEDGE_OPACITY,
  type LineStyle,
  type TextStyle,
} from '../scene/index.js';
import { TIE_KINDS } from '../model/types.js';

/**
 * The map's look, made from the scene's palette and text styles (`scene/palette.ts`, `scene/typography.ts`): the
 * values the PDF paints with are the defaults of the custom properties a host may set, and the text is drawn in
 * the sizes and weights it was measured in. Only the values come from there; the selectors are written here.
 */
const text = (style: TextStyle) => unsafeCSS(`font-size: ${style.size}px; font-weight: ${style.bold ? 700 : 400};`);
const line = (style: LineStyle, colour = style.colour) =>
  unsafeCSS(
    `stroke: ${colour}; stroke-width: ${style.width}; stroke-dasharray: ${style.dash.length ? style.dash.join(' ') : 'none'};`,
  );

const sectorColours: CSSResult = unsafeCSS(
  [
    `[data-colour] { --_sector: #9ca3af; }`,
    ...Object.entries(SECTOR_COLOURS).map(
      ([id, colour]) => `[data-colour='${id}'] { --_sector: var(--nk-sector-${id}, ${colour}); }`,
    ),
    ...EXTRA_SECTOR_COLOURS.map((colour, i) => `[data-colour='extra-${i}'] { --_sector: ${colour}; }`),
  ].join('\n'),
);

const ties: CSSResult = unsafeCSS(
  TIE_KINDS.map((kind) => {
    const style = TIE_STYLES[kind];
    const colour = kind === 'strained' ? `var(--nk-tie-strained, ${style.colour})` : 'var(--_stroke)';
    return `.tie-${kind} { ${line(style, colour).cssText} }`;
  }).join('\n'),
);

export const mapStyles = css`
  ${sectorColours}
  .wedge {
    fill: var(--_sector);
    fill-opacity: ${WEDGE_OPACITY.filled};
    stroke: var(--_surface);
    stroke-width: ${WEDGE_GAP.width};
  }
  .sector.empty .wedge {
    fill-opacity: ${WEDGE_OPACITY.empty};
  }
  .sector-label {
    ${text(TEXT_STYLES.sector)}
    fill: var(--_text);
  }
  .sector.empty .sector-label {
    font-style: italic;
    fill: var(--_muted);
  }
  .ring {
    fill: none;
    ${line(RING_LINE, 'var(--_border)')}
  }
  .ring-label {
    ${text(TEXT_STYLES.ring)}
    fill: var(--_muted);
  }
  .centre ellipse {
    fill: var(--_surface);
    ${line(CENTRE_LINE, 'var(--_stroke)')}
  }
  .centre text {
    ${text(TEXT_STYLES.centre)}
    fill: var(--_text);
  }
  .centre.tie-target {
    cursor: pointer;
  }
  .centre.tie-target ellipse {
    stroke: var(--_accent);
    stroke-dasharray: 6 4;
  }
  .tie {
    fill: none;
    stroke-linecap: round;
  }
  ${ties}
  .actor {
    cursor: pointer;
    outline: none;
  }
  :is(.actor, .legend-node) .node {
    fill: var(--_sector);
    ${line(NODE_LINE, 'var(--_stroke)')}
  }
  :is(.actor, .legend-node).status-needed .node {
    fill: var(--_surface);
    ${line(NEEDED_LINE, 'var(--_stroke)')}
  }
  :is(.actor, .legend-node).status-ended .node {
    fill: var(--_surface-alt);
    ${line(ENDED_LINE, 'var(--_muted)')}
  }
  :is(.actor, .legend-node) .glyph {
    ${text(TEXT_STYLES.glyph)}
    fill: var(--_text);
  }
  :is(.actor, .legend-node) .glyph-line {
    stroke: var(--_muted);
    stroke-width: ${ENDED_LINE.width};
  }
  .actor-label {
    cursor: pointer;
  }
  /* Each line of user text takes its direction from its own first letter, apart from everything around it. */
  text {
    unicode-bidi: plaintext;
  }
  .actor-label text {
    fill: var(--_text);
    paint-order: stroke;
    stroke: var(--_surface);
    stroke-width: 4px;
    stroke-linejoin: round;
  }
  .actor-label .label {
    ${text(TEXT_STYLES.label)}
  }
  .actor-label .secondary {
    ${text(TEXT_STYLES.detail)}
    fill: var(--_muted);
  }
  /* Transparent, not none: the ring around a node is part of what a finger can hit. */
  .actor .focus-ring {
    fill: transparent;
    stroke: none;
  }
  .actor.selected .focus-ring,
  .actor.tie-from .focus-ring {
    stroke: var(--_accent);
    stroke-width: 4;
  }
  .actor:focus-visible .focus-ring {
    stroke: var(--_focus);
    stroke-width: 4;
    stroke-dasharray: 4 3;
  }

  /* marks on a node: how it works, consent */
  .mark.functioning circle {
    stroke: var(--_stroke);
    stroke-width: 1.5;
  }
  .mark.functioning .sign {
    fill: none;
    stroke: #fff;
    stroke-width: ${SIGN_WIDTH};
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .mark.functioning-good circle {
    fill: var(--nk-good, ${unsafeCSS(FUNCTIONING_COLOURS.good)});
  }
  .mark.functioning-mixed circle {
    fill: var(--nk-mixed, ${unsafeCSS(FUNCTIONING_COLOURS.mixed)});
  }
  .mark.functioning-poor circle {
    fill: var(--nk-poor, ${unsafeCSS(FUNCTIONING_COLOURS.poor)});
  }
  /* A change since the version compared with: a sign in a square, never a colour alone. */
  .change-mark rect {
    fill: var(--_surface);
    stroke: var(--_stroke);
    stroke-width: 1.5;
  }
  .change-mark text {
    fill: var(--_text);
    font-size: 14px;
    font-weight: 700;
  }
  .mark.consent {
    fill: var(--_stroke);
    stroke: var(--_surface);
    stroke-width: 1.5;
  }
`;
