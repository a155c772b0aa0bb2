import { html, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { actorLabel, categoryLabel, sectorLabel, type Translations } from '../i18n/index.js';
import type { Actor, MapDocument } from '../model/types.js';

export interface ContactListState {
  map: MapDocument;
  t: Translations;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Pieces of user text side by side, each isolated (`<bdi>`): one in Arabic cannot reorder the next. */
function isolated(parts: readonly string[]): TemplateResult[] {
  return parts.map((part, i) => html`${i > 0 ? ' · ' : ''}<bdi>${part}</bdi>`);
}

function renderEntry(state: ContactListState, actor: Actor): TemplateResult {
  const { t } = state;
  const label = actorLabel(t, actor);
  const details = [
    actor.name !== label ? actor.name : '',
    actor.role,
    categoryLabel(t, actor.category) !== label ? categoryLabel(t, actor.category) : '',
  ].filter(Boolean);
  const reach = [actor.phone, actor.email].filter(Boolean);
  return html`<li>
    <button
      type="button"
      class="entry status-${actor.status}"
      data-actor-id=${actor.id}
      aria-pressed=${actor.id === state.selectedId ? 'true' : 'false'}
      @click=${() => state.onSelect(actor.id)}
    >
      <span class="entry-title" dir="auto">${label}</span>
      ${details.length > 0 ? html`<span class="entry-detail">${isolated(details)}</span>` : ''}
      ${reach.length > 0 ? html`<span class="entry-detail">${isolated(reach)}</span>` : ''}
      ${actor.status !== 'active' ? html`<span class="entry-status">${t.statuses[actor.status]}</span>` : ''}
    </button>
  </li>`;
}

/** An entry is drawn again only when its actor, its selection or the language changed. */
function guardedEntry(state: ContactListState, actor: Actor): unknown {
  return guard([actor, actor.id === state.selectedId, state.t], () => renderEntry(state, actor));
}

/**
 * The map's twin as a list: every actor grouped by sector, the ones the family needs but lacks apart.
 * Selecting here selects on the map and the other way round.
 */
export function renderContactList(state: ContactListState): TemplateResult {
  const { map, t } = state;
  const needed = map.actors.filter((actor) => actor.status === 'needed');
  return html`<section class="contact-list" part="contact-list" aria-labelledby="contact-list-heading">
    <h2 id="contact-list-heading">${t.ui.contactList}</h2>
    ${map.actors.length === 0 ? html`<p class="empty-state">${t.ui.emptyMap}</p>` : ''}
    ${map.sectors.map((sector) => {
      const actors = map.actors.filter((actor) => actor.sector === sector.id && actor.status !== 'needed');
      return html`<h3 data-sector=${sector.id}>
          <span class="swatch" aria-hidden="true"></span><bdi>${sectorLabel(t, sector)}</bdi>
        </h3>
        <ul data-sector=${sector.id}>
          ${actors.length === 0 ? html`<li class="empty">${t.ui.emptySector}</li>` : actors.map((actor) => guardedEntry(state, actor))}
        </ul>`;
    })}
    ${
      needed.length > 0
        ? html`<h3 class="needed-heading">${t.ui.neededApart}</h3>
            <ul class="needed">
              ${needed.map((actor) => guardedEntry(state, actor))}
            </ul>`
        : ''
    }
  </section>`;
}
