import { html, svg, type TemplateResult } from 'lit';
import type { LegendEntry, LegendGroup } from '../scene/index.js';
import { consentMark, functioningMark, nodeShape } from './node-marks.js';

function sample(content: ReturnType<typeof svg>, width = 28): TemplateResult {
  return html`<svg class="legend-sample" width=${width} height="28" viewBox="${-width / 2} -14 ${width} 28" aria-hidden="true">
    ${content}
  </svg>`;
}

function mark(entry: LegendEntry): TemplateResult {
  switch (entry.kind) {
    case 'sector':
      return html`<span class="swatch" data-colour=${entry.colourKey} aria-hidden="true"></span>`;
    case 'ring':
      return html`<span class="ring-number" aria-hidden="true">${entry.ring}</span>`;
    case 'status':
      return sample(svg`<g class="legend-node status-${entry.status}" data-colour="region">${nodeShape(entry.status, 11)}</g>`);
    case 'functioning':
      return sample(functioningMark(entry.functioning));
    case 'consent':
      return sample(consentMark());
    case 'tie':
      return sample(svg`<line class="tie tie-${entry.tieKind}" x1="-24" y1="0" x2="24" y2="0"></line>`, 52);
  }
}

/**
 * What every mark on the map means, in words: the scene's legend (`scene/scene.ts`), which the PDF prints too.
 * Nothing on the map is told by colour alone, and all of it is explained here.
 */
export function renderLegend(heading: string, groups: readonly LegendGroup[]): TemplateResult {
  return html`<details class="legend" part="legend">
    <summary>${heading}</summary>
    <div class="legend-groups">
      ${groups.map(
        (group) =>
          html`<section>
            <h3>${group.heading}</h3>
            <ul>
              ${group.entries.map((entry) => html`<li>${mark(entry)}<span>${entry.text}</span></li>`)}
            </ul>
          </section>`,
      )}
    </div>
  </details>`;
}
