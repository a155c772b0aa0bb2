import { html, noChange, nothing, type TemplateResult } from 'lit';
import { changeWords, type Comparison } from '../i18n/change-words.js';
import type { Translations } from '../i18n/index.js';
import { LIMITS } from '../model/limits.js';
import type { MapVersion } from '../model/types.js';

export interface VersionsPanelState {
  t: Translations;
  versions: readonly MapVersion[];
  readonly: boolean;
  /** Why the last "Spara version" was refused, in the UI language. */
  error: string;
  /** The comparison shown (`describeChanges`), if any. */
  comparison: Comparison | null;
  onSave: (label: string) => void;
  onView: (id: string) => void;
  onCompare: (from: string, to: string | null) => void;
  onCloseCompare: () => void;
}

/** "3 november 2026": a version's date as a parent reads it. */
export function versionDate(t: Translations, savedAt: string): string {
  return new Intl.DateTimeFormat(t.locale, { dateStyle: 'long' }).format(new Date(savedAt));
}

/**
 * The map's versions in the side panel: save the map as one (Kartläggning, Uppföljning, Avslut, or any name),
 * the list of them, each to look at read-only or to compare with now or with the one before; and what changed,
 * as a list a parent reads.
 */
export function renderVersionsPanel(state: VersionsPanelState): TemplateResult {
  const { t, versions } = state;
  const words = changeWords(t);
  const suggested = words.suggested[versions.length === 0 ? 0 : 1]!;
  const submit = (event: Event) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('versionLabel') as HTMLInputElement;
    state.onSave(input.value);
  };
  // Opened for a comparison or a refusal, and otherwise left as the user has it: closing it when the refusal is
  // mended would hide the button that has the focus.
  const open = state.comparison !== null || state.error !== '' ? true : noChange;
  return html`<details class="versions" part="versions" .open=${open}>
    <summary>${words.versions} (${versions.length})</summary>
    ${
      state.readonly
        ? nothing
        : html`<form class="version-form" @submit=${submit}>
            <label for="version-label">${words.saveAs}</label>
            <div class="version-form-row">
              <input
                id="version-label"
                name="versionLabel"
                type="text"
                dir="auto"
                list="version-labels"
                maxlength=${LIMITS.versionLabel}
                autocomplete="off"
                .value=${suggested}
                aria-invalid=${state.error ? 'true' : 'false'}
                aria-describedby=${state.error ? 'version-error' : nothing}
              />
              <datalist id="version-labels">${words.suggested.map((label) => html`<option value=${label}></option>`)}</datalist>
              <button type="submit">${words.save}</button>
            </div>
            ${state.error ? html`<p class="field-error" id="version-error" role="alert">${state.error}</p>` : nothing}
          </form>`
    }
    ${
      versions.length === 0
        ? html`<p class="empty-state">${words.noVersions}</p>`
        : html`<ol class="version-list">
            ${versions.map(
              (version, index) =>
                html`<li data-version-id=${version.id}>
                  <span class="version-title" dir="auto">${version.label}</span>
                  <span class="entry-detail"
                    >${versionDate(t, version.savedAt)} · ${words.contacts(version.map.actors.length)}</span
                  >
                  <span class="version-actions">
                    <button type="button" @click=${() => state.onView(version.id)}>${words.view}</button>
                    <button type="button" @click=${() => state.onCompare(version.id, null)}>${words.compareNow}</button>
                    ${
                      index > 0
                        ? html`<button type="button" @click=${() => state.onCompare(versions[index - 1]!.id, version.id)}>
                            ${words.compareWith(versions[index - 1]!.label)}
                          </button>`
                        : nothing
                    }
                  </span>
                </li>`,
            )}
          </ol>`
    }
    ${state.comparison ? renderChanges(state.t, state.comparison, state.onCloseCompare) : nothing}
  </details>`;
}

/** What changed, grouped, every contact named in full; each group with the sign that marks its contacts on the map. */
function renderChanges(t: Translations, { heading, groups }: Comparison, onClose: () => void): TemplateResult {
  const words = changeWords(t);
  return html`<section class="changes" aria-labelledby="changes-heading">
    <h3 id="changes-heading" tabindex="-1">${heading}</h3>
    ${
      groups.length === 0
        ? html`<p>${words.none}</p>`
        : html`<ul>
            ${groups.map(
              (group) =>
                html`<li>
                  ${group.glyph ? html`<span class="change-glyph" aria-hidden="true">${group.glyph}</span>` : nothing}
                  <strong>${group.heading}:</strong>
                  ${group.names.map((name, i) => html`${i > 0 ? ', ' : ''}<bdi>${name}</bdi>`)}.
                </li>`,
            )}
          </ul>`
    }
    <button type="button" @click=${onClose}>${words.closeCompare}</button>
  </section>`;
}
