import { html, svg, type TemplateResult } from 'lit';
import { sectorLabel, type Translations } from '../i18n/index.js';
import { FUNCTIONINGS, RINGS, TIE_KINDS, type ActorStatus, type MapDocument } from '../model/types.js';
import { consentMark, functioningMark, nodeShape } from './node-marks.js';

const STATUSES: readonly ActorStatus[] = ['active', 'needed', 'ended'];

function sample(content: ReturnType<typeof svg>, width = 28): TemplateResult {
  return html`<svg class="legend-sample" width=${width} height="28" viewBox="${-width / 2} -14 ${width} 28" aria-hidden="true">
    ${content}
  </svg>`;
}

/**
 * What every mark on the map means, in words: sectors, rings, status, how a contact works, consent, and
 * the kinds of ties. Nothing on the map is told by colour alone, and all of it is explained here.
 */
export function renderLegend(t: Translations, map: MapDocument): TemplateResult {
  const item = (mark: TemplateResult, text: string) => html`<li>${mark}<span>${text}</span></li>`;
  return html`<details class="legend" part="legend">
    <summary>${t.ui.legend}</summary>
    <div class="legend-groups">
      <section>
        <h3>${t.ui.legendSectors}</h3>
        <ul>
          ${map.sectors.map((sector) =>
            item(html`<span class="swatch" data-sector=${sector.id} aria-hidden="true"></span>`, sectorLabel(t, sector)),
          )}
        </ul>
      </section>
      <section>
        <h3>${t.ui.legendRings}</h3>
        <ol class="rings">
          ${RINGS.map((ring) => html`<li><span>${ring}</span><span>${t.rings[ring]}</span></li>`)}
        </ol>
      </section>
      <section>
        <h3>${t.ui.legendStatus}</h3>
        <ul>
          ${STATUSES.map((status) => item(sample(svg`<g class="legend-node status-${status}" data-sector="region">${nodeShape(status, 11)}</g>`), t.statuses[status]))}
        </ul>
      </section>
      <section>
        <h3>${t.ui.legendFunctioning}</h3>
        <ul>
          ${FUNCTIONINGS.map((f) => item(sample(functioningMark(f, { x: 0, y: 0 })), t.functionings[f]))}
          ${item(sample(consentMark({ x: 0, y: 0 })), t.fields.consent)}
        </ul>
      </section>
      <section>
        <h3>${t.ui.legendTies}</h3>
        <ul>
          ${TIE_KINDS.map((kind) => item(sample(svg`<line class="tie tie-${kind}" x1="-24" y1="0" x2="24" y2="0"></line>`, 52), t.tieKinds[kind]))}
        </ul>
      </section>
    </div>
  </details>`;
}
