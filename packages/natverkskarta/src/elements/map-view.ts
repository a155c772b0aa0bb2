import { nothing, svg, type SVGTemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { actorDescription, mapTitle, type Translations } from '../i18n/index.js';
import { fromLayout, NODE_RADIUS, polar, STRETCH } from '../layout/geometry.js';
import { CENTRE_ID, type Actor, type MapDocument } from '../model/types.js';
import type { Scene, SceneActor, SceneRing, SceneSector, SceneTie, TextLine } from '../scene/index.js';
import { actorMarks } from './node-marks.js';

/** What the map needs from the editor to draw itself: the scene, and the editor's state around it. */
export interface MapViewState {
  map: MapDocument;
  scene: Scene;
  t: Translations;
  selectedId: string | null;
  /** The actor a tie is being drawn from, if any. */
  tieFrom: string | null;
  /** The actor that takes Tab focus in the map (roving tabindex). */
  focusId: string | null;
  onActorPointerDown: (event: PointerEvent, actor: Actor) => void;
  /** Keys on an actor, or on the family while a tie is being drawn. */
  onItemKeyDown: (event: KeyboardEvent, id: string) => void;
  onCentreActivate: () => void;
  /** While a version is compared with now: the sign of each changed contact, and what changed (change-words.ts). */
  changes?: ReadonlyMap<string, { glyph: string; text: string }>;
}

/** A point of the ellipse of layout radius `radius` at layout angle `angle`, in map units, for a path. */
function onEllipse(radius: number, angle: number): string {
  const at = fromLayout(polar(radius, angle));
  return `${at.x} ${at.y}`;
}

/** An arc of the ellipse from one angle to another, clockwise; as SVG path commands after a start point. */
function arcTo(radius: number, from: number, to: number, clockwise = true): string {
  const large = Math.abs(to - from) > Math.PI ? 1 : 0;
  return `A${radius * STRETCH} ${radius} 0 ${large} ${clockwise ? 1 : 0} ${onEllipse(radius, to)}`;
}

function wedgePath(sector: SceneSector): string {
  const { arc, inner, outer } = sector;
  return `M${onEllipse(inner, arc.start)}L${onEllipse(outer, arc.start)}${arcTo(outer, arc.start, arc.end)}L${onEllipse(inner, arc.end)}${arcTo(inner, arc.end, arc.start, false)}Z`;
}

/** A ring's line in its drawn stretches (see `SceneRing.runs`); a whole ring as two halves. */
function ringPath(ring: SceneRing): string {
  return ring.runs
    .map(([from, to]) =>
      to - from >= 2 * Math.PI - 1e-9
        ? `M${onEllipse(ring.radius, from)}${arcTo(ring.radius, from, from + Math.PI)}${arcTo(ring.radius, from + Math.PI, to)}`
        : `M${onEllipse(ring.radius, from)}${arcTo(ring.radius, from, to)}`,
    )
    .join('');
}

/**
 * Lines of text. Each line keeps the space it broke at, so that the label's text reads as what was typed
 * ("Karlstads kommun", not "Karlstadskommun") to anything that reads the drawing's text.
 */
function textLines(lines: readonly TextLine[], className: (line: TextLine) => string): SVGTemplateResult[] {
  return lines.map(
    (line) =>
      svg`<text class=${className(line)} x=${line.x} y=${line.y} text-anchor=${line.anchor}>${line.text}${line.tail}</text>`,
  );
}

function renderSectors(scene: Scene): SVGTemplateResult {
  return svg`<g class="sectors" aria-hidden="true">
    ${scene.sectors.map(
      (
        sector,
      ) => svg`<g data-sector=${sector.id} data-colour=${sector.colourKey} class=${sector.empty ? 'sector empty' : 'sector'}>
        <path class="wedge" d=${wedgePath(sector)}></path>
        ${textLines(sector.label, () => 'sector-label')}
      </g>`,
    )}
    ${scene.rings.map(
      (ring) => svg`<path class="ring" data-ring=${ring.ring} d=${ringPath(ring)}></path>
        ${ring.label ? textLines([ring.label], () => 'ring-label') : nothing}`,
    )}
  </g>`;
}

export function renderTie(tie: SceneTie): SVGTemplateResult {
  return svg`<line class="tie tie-${tie.kind}" data-tie-id=${tie.id} data-from=${tie.from} data-to=${tie.to}
    x1=${tie.x1} y1=${tie.y1} x2=${tie.x2} y2=${tie.y2}></line>`;
}

export function renderActor(state: MapViewState, item: SceneActor): SVGTemplateResult {
  const { actor } = item;
  const classes = ['actor', `status-${actor.status}`];
  if (actor.functioning) classes.push(`functioning-${actor.functioning}`);
  if (actor.id === state.selectedId) classes.push('selected');
  if (actor.id === state.tieFrom) classes.push('tie-from');
  const change = state.changes?.get(actor.id);
  if (change) classes.push('changed');
  return svg`<g
    class=${classes.join(' ')}
    data-actor-id=${actor.id}
    data-sector=${actor.sector}
    data-colour=${item.colourKey}
    transform="translate(${item.x} ${item.y})"
    role="button"
    tabindex=${actor.id === state.focusId ? 0 : -1}
    aria-pressed=${actor.id === state.selectedId ? 'true' : 'false'}
    aria-label=${change ? `${actorDescription(state.t, actor)}, ${change.text}` : actorDescription(state.t, actor)}
    @pointerdown=${(event: PointerEvent) => state.onActorPointerDown(event, actor)}
    @keydown=${(event: KeyboardEvent) => state.onItemKeyDown(event, actor.id)}
  >
    <circle class="focus-ring" r=${NODE_RADIUS + 7}></circle>
    ${actorMarks(item)}
    ${
      change
        ? svg`<g class="change-mark" aria-hidden="true" transform="translate(${-NODE_RADIUS - 6} ${-NODE_RADIUS - 6})">
            <rect x="-10" y="-10" width="20" height="20" rx="3"></rect>
            <text dominant-baseline="central" text-anchor="middle">${change.glyph}</text>
          </g>`
        : ''
    }
  </g>`;
}

/**
 * An actor's label. Labels are a layer of their own, over the ties, and hidden from assistive technology: the
 * node's accessible name says it all.
 */
export function renderLabel(state: MapViewState, item: SceneActor): SVGTemplateResult {
  return svg`<g class="actor-label" data-actor-id=${item.id} transform="translate(${item.x} ${item.y})"
      @pointerdown=${(event: PointerEvent) => state.onActorPointerDown(event, item.actor)}>
    ${textLines(item.label.lines, (line) => (line.style === 'label' ? 'label' : 'label secondary'))}
  </g>`;
}

function renderCentre(state: MapViewState): SVGTemplateResult {
  const { centre } = state.scene;
  const title = mapTitle(state.t, state.map);
  const tieTarget = state.tieFrom !== null;
  // The family is where a tie may end, and where the keyboard starts on a map with no contacts yet (N adds one).
  const tabStop = state.focusId === null || state.focusId === CENTRE_ID;
  const focusable = tieTarget || tabStop;
  return svg`<g class=${tieTarget ? 'centre tie-target' : 'centre'} data-actor-id=${CENTRE_ID}
      role=${focusable ? 'button' : 'img'} tabindex=${focusable ? (tabStop ? 0 : -1) : nothing} aria-label=${title}
      aria-description=${tabStop && !tieTarget ? state.t.ui.centreHint : nothing}
      @click=${state.onCentreActivate}
      @keydown=${(event: KeyboardEvent) => focusable && state.onItemKeyDown(event, CENTRE_ID)}>
    <ellipse rx=${centre.radius * STRETCH} ry=${centre.radius}></ellipse>
    ${textLines(centre.lines, () => 'centre-name')}
  </g>`;
}

/** The map, painted from its scene: sectors, rings, ties, the family at the centre, the actors and their labels. */
export function renderMapContent(state: MapViewState): SVGTemplateResult {
  const { scene } = state;
  return svg`
    ${renderSectors(scene)}
    <g class="ties">${repeat(
      scene.ties,
      (tie) => tie.id,
      (tie) => renderTie(tie),
    )}</g>
    ${renderCentre(state)}
    <g class="actors">${repeat(
      scene.actors,
      (item) => item.id,
      // An actor whose data, place and state did not change keeps its drawing: an edit on a map of 500 actors
      // redraws the one it touched, not all of them.
      (item) =>
        guard(
          [
            item.actor,
            item.x,
            item.y,
            item.label,
            state.t,
            item.id === state.selectedId,
            item.id === state.focusId,
            item.id === state.tieFrom,
            state.changes?.get(item.id)?.text,
          ],
          () => renderActor(state, item),
        ),
    )}</g>
    <g class="labels" aria-hidden="true">${repeat(
      scene.actors,
      (item) => item.id,
      (item) => guard([item.actor, item.x, item.y, item.label], () => renderLabel(state, item)),
    )}</g>
  `;
}
