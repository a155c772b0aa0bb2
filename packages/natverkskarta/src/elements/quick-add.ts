import { html, nothing, type TemplateResult } from 'lit';
import type { QuickAddController } from '../controllers/quick-add-controller.js';
import { findCategories } from '../i18n/category-search.js';
import { sectorLabel, type Translations } from '../i18n/index.js';
import { catalogueEntry } from '../model/catalogue.js';
import type { MapDocument } from '../model/types.js';

export { findCategories };
export { QuickAddController } from '../controllers/quick-add-controller.js';

const optionId = (index: number) => `quick-add-option-${index}`;

/** The intake's two ways in, beside the family's name: adding by typing, and the kartläggning. */
export function renderIntake(t: Translations, map: MapDocument, state: QuickAddController, walk: TemplateResult): TemplateResult {
  return html`${renderField(t, map, state)} ${walk}`;
}

/**
 * The field that adds a contact by typing its kind ("FK", "habben", "kurator"), built as the APG's combobox with
 * a list: the focus stays in the field, the active option is `aria-activedescendant`, and the list says each
 * kind's sector.
 */
function renderField(t: Translations, map: MapDocument, state: QuickAddController): TemplateResult {
  const options = state.options;
  const open = state.expanded && options.length > 0;
  const active = Math.min(state.active, options.length - 1);
  const sectorOf = (category: string) => {
    const sector = map.sectors.find((candidate) => candidate.id === catalogueEntry(category)?.sector);
    return sector ? sectorLabel(t, sector) : '';
  };
  return html`<div class="quick-add" part="quick-add">
    <label id="quick-add-label" for="quick-add-input">${t.ui.quickAdd}</label>
    <div class="quick-add-row">
      <input
        id="quick-add-input"
        type="text"
        dir="auto"
        role="combobox"
        aria-labelledby="quick-add-label"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="quick-add-list"
        aria-activedescendant=${open ? optionId(active) : nothing}
        aria-describedby=${state.error ? 'quick-add-error quick-add-hint' : 'quick-add-hint'}
        aria-invalid=${state.error ? 'true' : 'false'}
        placeholder=${t.ui.quickAddPlaceholder}
        .value=${state.query}
        @input=${state.onInput}
        @keydown=${state.onKeyDown}
        @blur=${state.onBlur}
      />
      <button type="button" class="needed-toggle" aria-pressed=${state.needed ? 'true' : 'false'} @click=${state.onToggleNeeded}>
        ${t.ui.quickAddNeeded}
      </button>
    </div>
    <p id="quick-add-hint" class="visually-hidden">${t.ui.quickAddHint}</p>
    ${state.error ? html`<p class="field-error" id="quick-add-error" role="alert">${state.error}</p>` : nothing}
    <ul id="quick-add-list" role="listbox" aria-label=${t.ui.quickAdd} ?hidden=${!open}>
      ${
        open
          ? options.map(
              (option, index) =>
                // The keyboard never focuses an option: it walks them from the field (aria-activedescendant).
                // eslint-disable-next-line lit-a11y/click-events-have-key-events
                html`<li
                  id=${optionId(index)}
                  role="option"
                  aria-selected=${index === active ? 'true' : 'false'}
                  @mousedown=${(event: Event) => event.preventDefault()}
                  @click=${() => state.choose(option, state.needed)}
                >
                  ${
                    option.organisation !== undefined
                      ? html`<bdi>${t.ui.quickAddOther(option.organisation)}</bdi>`
                      : html`<span>${t.categories[option.category]}</span>
                          <span class="option-sector">${sectorOf(option.category)}</span>`
                  }
                </li>`,
            )
          : nothing
      }
    </ul>
  </div>`;
}
