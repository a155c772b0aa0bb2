import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { WalkAnswer, WalkController } from '../controllers/walk-controller.js';
import { sectorLabel, type Translations } from '../i18n/index.js';
import { walkQuestion } from '../i18n/walk-questions.js';
import { TEXT_LIMITS } from '../model/validation.js';
import type { MapDocument } from '../model/types.js';
import { placeInSector, walkEntries } from '../model/walk.js';
import type { FieldErrors } from './actor-form.js';

export { WalkController } from '../controllers/walk-controller.js';

const FIELDS = ['organisation', 'name', 'phone'] as const;

/** What was typed for the question, as `answer` takes it. */
function typed(section: HTMLElement): Partial<Record<(typeof FIELDS)[number], string>> {
  const fields: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const field of FIELDS) {
    const value = section.querySelector<HTMLInputElement>(`[name="${field}"]`)?.value.trim();
    if (value) fields[field] = value;
  }
  return fields;
}

/**
 * The kartläggning in the side panel: where it is ("Kommunen, 3 av 7"), the question, the contact's details if
 * they are at hand, and the three answers, each with its key; at the end, what the map now holds.
 */
export function renderWalk(t: Translations, map: MapDocument, walk: WalkController, errors: FieldErrors): TemplateResult {
  const { ui } = t;
  const close = html`<button type="button" class="icon" aria-label=${ui.close} title=${ui.close} @click=${() => walk.close()}>
    ✕
  </button>`;
  const entry = walkEntries(map)[walk.at];
  if (!entry) {
    const needed = map.actors.filter((actor) => actor.status === 'needed').length;
    return html`<section class="walk actor-form" part="form" aria-labelledby="walk-heading">
      <div class="form-head">
        <h2 id="walk-heading">${ui.walkDone}</h2>
        ${close}
      </div>
      <p class="walk-question" tabindex="-1" role="status">${ui.walkSummary(map.actors.length, needed)}</p>
      <div class="form-actions"><button type="button" class="primary" @click=${() => walk.close()}>${ui.close}</button></div>
    </section>`;
  }
  const place = placeInSector(map, walk.at);
  const sector = map.sectors.find((candidate) => candidate.id === place.sector);
  const answerFrom = (event: Event, answer: WalkAnswer) =>
    walk.answer(answer, typed((event.currentTarget as HTMLElement).closest('section')!));
  const keys = ui.walkKeys;
  const onKeyDown = (event: KeyboardEvent) => {
    // A key held down, or a character still being composed, answers nothing.
    if (event.repeat || event.isComposing) return;
    const target = event.composedPath()[0] as HTMLElement;
    const inField = target.tagName === 'INPUT';
    if (event.key === 'Escape') walk.close();
    else if (inField && event.key === 'Enter') answerFrom(event, 'present');
    else if (!inField && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const answer = (Object.keys(keys) as WalkAnswer[]).find((key) => keys[key] === event.key.toLowerCase());
      if (!answer) return;
      answerFrom(event, answer);
    } else return;
    // The editor's own keys (N adds, Escape deselects) are not for the walk.
    event.preventDefault();
    event.stopPropagation();
  };
  const button = (answer: WalkAnswer, label: string, primary = false) =>
    html`<button type="button" class=${primary ? 'primary' : nothing} @click=${(event: Event) => answerFrom(event, answer)}>
      ${label} <kbd aria-hidden="true">${keys[answer].toUpperCase()}</kbd>
    </button>`;
  return html`<section class="walk actor-form" part="form" aria-labelledby="walk-heading" @keydown=${onKeyDown}>
    <div class="form-head">
      <h2 id="walk-heading">${ui.walkTitle}</h2>
      ${close}
    </div>
    <p class="walk-progress" id="walk-progress">
      ${ui.walkProgress(sector ? sectorLabel(t, sector) : '', place.position, place.of)}
    </p>
    ${keyed(
      entry.id,
      // The question takes the focus at each step, and is read with where the walk is.
      html`<p class="walk-question" id="walk-question" tabindex="-1" aria-describedby="walk-progress">
          ${walkQuestion(t.locale, entry.id) ?? ui.walkQuestion(t.categories[entry.id])}
        </p>
        <p class="walk-hint" id="walk-hint">${ui.walkHint}</p>
        ${FIELDS.map(
          (field) =>
            html`<label for="walk-${field}">${t.fields[field]}</label>
              <input
                id="walk-${field}"
                name=${field}
                type=${field === 'phone' ? 'tel' : 'text'}
                dir="auto"
                maxlength=${TEXT_LIMITS[field]}
                autocomplete="off"
                aria-invalid=${errors[field] ? 'true' : 'false'}
                aria-describedby=${errors[field] ? `error-${field}` : nothing}
              />
              ${errors[field] ? html`<p class="field-error" id="error-${field}" role="alert">${errors[field]}</p>` : nothing}`,
        )}`,
    )}
    ${errors.form ? html`<p class="field-error" id="error-form" role="alert">${errors.form}</p>` : nothing}
    <div class="form-actions walk-answers" role="group" aria-labelledby="walk-question" aria-describedby="walk-hint">
      ${button('present', ui.walkPresent, true)} ${button('needed', ui.walkNeeded)} ${button('skip', ui.walkSkip)}
    </div>
  </section>`;
}
