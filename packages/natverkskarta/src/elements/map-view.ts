import { nothing, svg, type SVGTemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { actorDescription, actorLabel, categoryLabel, mapTitle, sectorLabel, type Translations } from '../i18n/index.js';
import { CENTRE_RADIUS, NODE_RADIUS, outerRadius, polar, sectorArc, type Rings } from '../layout/geometry.js';
import { consentMark, functioningMark, nodeShape } from './node-marks.js';
import { wrapLines } from './wrap-lines.js';
import { CENTRE_ID, RINGS, type Actor, type MapDocument, type Point, type Tie } from '../model/types.js';

/** What the map needs from the editor to draw itself. */
export interface MapViewState {
  map: MapDocument;
  t: Translations;
  rings: Rings;
  positionOf: (id: string) => Point | undefined;
  selectedId: string | null;
  /** The actor a tie is being drawn from, if any. */
  tieFrom: string | null;
  /** The actor that takes Tab focus in the map (roving tabindex). */
  focusId: string | null;
  onActorPointerDown: (event: PointerEvent, actor: Actor) => void;
  /** Keys on an actor, or on the family while a tie is being drawn. */
  onItemKeyDown: (event: KeyboardEvent, id: string) => void;
  onCentreActivate: () => void;
}

const LABEL_CHARS = 16;

/** Cuts a label to what fits under a node; the full text is in the accessible name and the contact list. */
function fit(text: string): string {
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1).trimEnd()}…` : text;
}

function wedge(index: number, count: number, inner: number, outer: number): string {
  const { start, end } = sectorArc(index, count);
  const large = end - start > Math.PI ? 1 : 0;
  const a = polar(inner, start);
  const b = polar(outer, start);
  const c = polar(outer, end);
  const d = polar(inner, end);
  return `M${a.x} ${a.y}L${b.x} ${b.y}A${outer} ${outer} 0 ${large} 1 ${c.x} ${c.y}L${d.x} ${d.y}A${inner} ${inner} 0 ${large} 0 ${a.x} ${a.y}Z`;
}

function renderSectors(state: MapViewState): SVGTemplateResult {
  const { map, t, rings } = state;
  const outer = outerRadius(rings);
  return svg`<g class="sectors" aria-hidden="true">
    ${map.sectors.map((sector, index) => {
      const arc = sectorArc(index, map.sectors.length);
      const anchor = polar(outer + 26, arc.mid);
      const side = Math.abs(anchor.x) < 40 ? 'middle' : anchor.x > 0 ? 'start' : 'end';
      const empty = !map.actors.some((actor) => actor.sector === sector.id);
      const lines = wrapLines(sectorLabel(t, sector), 14, 2);
      return svg`<g data-sector=${sector.id} class=${empty ? 'sector empty' : 'sector'}>
        <path class="wedge" d=${wedge(index, map.sectors.length, CENTRE_RADIUS, outer)}></path>
        <text class="sector-label" x=${anchor.x} y=${anchor.y - ((lines.length - 1) * 20) / 2} text-anchor=${side} dominant-baseline="middle">
          ${lines.map((line, i) => svg`<tspan x=${anchor.x} dy=${i === 0 ? 0 : 20}>${line}</tspan>`)}
        </text>
      </g>`;
    })}
    ${RINGS.map((ring) => {
      const band = rings[ring - 1]!;
      return svg`<circle class="ring" r=${band.outer}></circle>
        <text class="ring-label" x="6" y=${-band.outer + 16}>${t.rings[ring]}</text>`;
    })}
  </g>`;
}

function tieEnd(state: MapViewState, id: string): Point | undefined {
  return id === CENTRE_ID ? { x: 0, y: 0 } : state.positionOf(id);
}

function renderTie(state: MapViewState, tie: Tie): SVGTemplateResult {
  const a = tieEnd(state, tie.from);
  const b = tieEnd(state, tie.to);
  if (!a || !b) return svg``;
  return svg`<line class="tie tie-${tie.kind}" data-tie-id=${tie.id} data-from=${tie.from} data-to=${tie.to}
    x1=${a.x} y1=${a.y} x2=${b.x} y2=${b.y}></line>`;
}

function renderActor(state: MapViewState, actor: Actor): SVGTemplateResult {
  const at = state.positionOf(actor.id);
  if (!at) return svg``;
  const { t } = state;
  const classes = ['actor', `status-${actor.status}`];
  if (actor.functioning) classes.push(`functioning-${actor.functioning}`);
  if (actor.id === state.selectedId) classes.push('selected');
  if (actor.id === state.tieFrom) classes.push('tie-from');
  return svg`<g
    class=${classes.join(' ')}
    data-actor-id=${actor.id}
    data-sector=${actor.sector}
    transform="translate(${at.x} ${at.y})"
    role="button"
    tabindex=${actor.id === state.focusId ? 0 : -1}
    aria-pressed=${actor.id === state.selectedId ? 'true' : 'false'}
    aria-label=${actorDescription(t, actor)}
    @pointerdown=${(event: PointerEvent) => state.onActorPointerDown(event, actor)}
    @keydown=${(event: KeyboardEvent) => state.onItemKeyDown(event, actor.id)}
  >
    <circle class="focus-ring" r=${NODE_RADIUS + 7}></circle>
    ${nodeShape(actor.status)}
    ${actor.functioning ? functioningMark(actor.functioning) : ''}
    ${actor.consent.given ? consentMark() : ''}
  </g>`;
}

/**
 * An actor's label under its node. Labels are a layer of their own, hidden from assistive technology: the
 * node's accessible name says it all, in full, where the label may be cut short to fit.
 */
function renderLabel(state: MapViewState, actor: Actor): SVGTemplateResult {
  const at = state.positionOf(actor.id);
  if (!at) return svg``;
  const { t } = state;
  const first = actorLabel(t, actor);
  const second =
    actor.organisation && actor.name ? actor.name : actor.organisation || actor.name ? categoryLabel(t, actor.category) : '';
  return svg`<g class="actor-label" data-actor-id=${actor.id} transform="translate(${at.x} ${at.y})"
      @pointerdown=${(event: PointerEvent) => state.onActorPointerDown(event, actor)}>
    <text class="label" y=${NODE_RADIUS + 17} text-anchor="middle">${fit(first)}</text>
    ${second ? svg`<text class="label secondary" y=${NODE_RADIUS + 33} text-anchor="middle">${fit(second)}</text>` : ''}
  </g>`;
}

function renderCentre(state: MapViewState): SVGTemplateResult {
  const title = mapTitle(state.t, state.map);
  const lines = wrapLines(title, 11, 3);
  const tieTarget = state.tieFrom !== null;
  return svg`<g class=${tieTarget ? 'centre tie-target' : 'centre'} data-actor-id=${CENTRE_ID}
      role=${tieTarget ? 'button' : 'img'} tabindex=${tieTarget ? (state.focusId === CENTRE_ID ? 0 : -1) : nothing} aria-label=${title}
      @click=${state.onCentreActivate}
      @keydown=${(event: KeyboardEvent) => tieTarget && state.onItemKeyDown(event, CENTRE_ID)}>
    <circle r=${CENTRE_RADIUS}></circle>
    ${lines.map((line, i) => svg`<text text-anchor="middle" dominant-baseline="central" y=${(i - (lines.length - 1) / 2) * 17}>${line}</text>`)}
  </g>`;
}

/** The map: sectors as slices, three rings, the family at the centre, ties as lines, actors as labelled nodes. */
export function renderMapContent(state: MapViewState): SVGTemplateResult {
  return svg`
    ${renderSectors(state)}
    <g class="ties">${repeat(
      state.map.ties,
      (tie) => tie.id,
      (tie) => renderTie(state, tie),
    )}</g>
    ${renderCentre(state)}
    <g class="actors">${repeat(
      state.map.actors,
      (actor) => actor.id,
      // An actor whose data, place and state did not change keeps its drawing: an edit on a map of 500 actors
      // redraws the one it touched, not all of them.
      (actor) =>
        guard(
          [
            actor,
            state.positionOf(actor.id),
            state.t,
            actor.id === state.selectedId,
            actor.id === state.focusId,
            actor.id === state.tieFrom,
          ],
          () => renderActor(state, actor),
        ),
    )}</g>
    <g class="labels" aria-hidden="true">${repeat(
      state.map.actors,
      (actor) => actor.id,
      (actor) => guard([actor, state.positionOf(actor.id), state.t], () => renderLabel(state, actor)),
    )}</g>
  `;
}
