import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { keyed } from 'lit/directives/keyed.js';
import { actorLabel, formatIssue, sectorLabel, type Translations } from '../i18n/index.js';
import { CATALOGUE } from '../model/catalogue.js';
import {
  ACTOR_STATUSES,
  CENTRE_ID,
  FUNCTIONINGS,
  RINGS,
  TIE_KINDS,
  type Actor,
  type ActorInput,
  type ActorPatch,
  type ActorStatus,
  type MapDocument,
  type Ring,
  type TieKind,
} from '../model/types.js';
import { TEXT_LIMITS, type ValidationIssue } from '../model/validation.js';

/** Field errors by field name, already in the UI language. */
export type FieldErrors = Partial<Record<string, string>>;

/** A refusal's issues by the field of the form they belong to (an actor's own field, else the form as a whole). */
export function fieldErrorsOf(t: Translations, issues: readonly ValidationIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.path.split('.')[0] || 'form'] = formatIssue(t, issue);
  return errors;
}

function categoryOptions(t: Translations, map: MapDocument, selected: string): TemplateResult {
  return html`${map.sectors.map((sector) => {
      const entries = CATALOGUE.filter((entry) => entry.sector === sector.id && entry.id !== 'annan');
      if (entries.length === 0) return nothing;
      return html`<optgroup label=${sectorLabel(t, sector)}>
        ${entries.map((entry) => html`<option value=${entry.id} ?selected=${entry.id === selected}>${t.categories[entry.id]}</option>`)}
      </optgroup>`;
    })}
    <option value="annan" ?selected=${selected === 'annan'}>${t.categories.annan}</option>`;
}

function errorFor(errors: FieldErrors, field: string): TemplateResult | typeof nothing {
  const message = errors[field];
  return message ? html`<p class="field-error" id="error-${field}" role="alert">${message}</p>` : nothing;
}

/**
 * After a form was refused: the focus on the first field in error (in view, read out with its message), or the first
 * message in view when it is the form's own (the map is full).
 */
export function showFirstError(form: Element | null): void {
  const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (field) field.focus();
  else form?.querySelector('.field-error')?.scrollIntoView({ block: 'nearest' });
}

export interface AddFormState {
  t: Translations;
  map: MapDocument;
  errors: FieldErrors;
  /** The new actor as the form has it, to check and add. */
  onSubmit: (input: ActorInput) => void;
  onCancel: () => void;
}

/** The quick way in: choose "BUP", type a name and a phone number, press Enter. */
export function renderAddForm(state: AddFormState): TemplateResult {
  const { t, map, errors } = state;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (field: string) => String(data.get(field) ?? '');
    state.onSubmit({
      category: text('category') || undefined,
      organisation: text('organisation'),
      name: text('name'),
      phone: text('phone'),
      email: text('email'),
      helpsWith: text('helpsWith'),
      // The form's own options; a ring left as it is is the catalogue's for the kind of contact.
      ...(text('status') ? { status: text('status') as ActorStatus } : {}),
      ...(text('ring') ? { ring: Number(text('ring')) as Ring } : {}),
    });
  };
  const input = (field: 'organisation' | 'name' | 'phone' | 'email', type = 'text') =>
    html`<label for="add-${field}">${t.fields[field]}</label>
      <input
        id="add-${field}"
        name=${field}
        type=${type}
        dir="auto"
        maxlength=${TEXT_LIMITS[field]}
        autocomplete="off"
        aria-invalid=${errors[field] ? 'true' : 'false'}
        aria-describedby=${errors[field] ? `error-${field}` : nothing}
      />
      ${errorFor(errors, field)}`;
  // `novalidate`: the editor checks every field itself and says what is wrong in the UI's language; the browser's own
  // check of the e-mail field would speak the browser's language, in a bubble of its own.
  return html`<form class="actor-form add-form" part="form" aria-labelledby="add-heading" novalidate @submit=${submit}>
    <h2 id="add-heading">${t.ui.addActorTitle}</h2>
    <label for="add-category">${t.fields.category}</label>
    <select id="add-category" name="category">
      ${categoryOptions(t, map, 'bup')}
    </select>
    ${input('organisation')} ${input('name')} ${input('phone', 'tel')} ${input('email', 'email')}
    <label for="add-status">${t.fields.status}</label>
    <select id="add-status" name="status">
      ${ACTOR_STATUSES.map((status) => html`<option value=${status} ?selected=${status === 'active'}>${t.statuses[status]}</option>`)}
    </select>
    <label for="add-ring">${t.fields.ring}</label>
    <select id="add-ring" name="ring">
      <option value="" selected>${t.ui.ringOfCategory}</option>
      ${RINGS.map((ring) => html`<option value=${ring}>${t.rings[ring]}</option>`)}
    </select>
    <label for="add-helpsWith">${t.fields.helpsWith}</label>
    <textarea
      id="add-helpsWith"
      name="helpsWith"
      dir="auto"
      rows="2"
      maxlength=${TEXT_LIMITS.helpsWith}
      aria-invalid=${errors.helpsWith ? 'true' : 'false'}
      aria-describedby=${errors.helpsWith ? 'error-helpsWith' : nothing}
    ></textarea>
    ${errorFor(errors, 'helpsWith')} ${errorFor(errors, 'form')}
    <div class="form-actions">
      <button type="submit" class="primary">${t.ui.add}</button>
      <button type="button" @click=${state.onCancel}>${t.ui.cancel}</button>
    </div>
  </form>`;
}

export interface EditFormState {
  t: Translations;
  map: MapDocument;
  actor: Actor;
  errors: FieldErrors;
  readonly: boolean;
  /** Applies an edit: the actor as saved, or null when it was refused (the form then shows why). */
  onChange: (patch: ActorPatch, field: string) => Actor | null;
  /** The buttons of the commands on the selected contact (elements/actions.ts): tie, remove. */
  commands: TemplateResult;
  onClose: () => void;
  onAddTie: (to: string, kind: TieKind) => void;
  onTieKind: (tieId: string, kind: TieKind) => void;
  onRemoveTie: (tieId: string) => void;
}

type TextField = keyof typeof TEXT_LIMITS;

/**
 * Saves what was typed in a text field and, once saved, shows it as saved (cleaned and trimmed), even where that is
 * what the actor had already and Lit has nothing new to write. A refused value stays in the field to be mended.
 */
function commitTyped(state: EditFormState, event: Event, field: TextField): void {
  const input = event.target as HTMLInputElement | HTMLTextAreaElement;
  const saved = state.onChange({ [field]: input.value }, field);
  if (saved) input.value = saved[field];
}

/**
 * Every field of an actor. Each change is one undoable edit, saved at once; a wrong value is explained beside it.
 *
 * A field's value is set only when the actor's value changes (no `live`): a redraw while someone types, or after a
 * wrong value was turned down, leaves their text in the field. The form is keyed by the actor, so a draft never
 * carries over to the next contact's form.
 */
export function renderEditForm(state: EditFormState): TemplateResult {
  return html`${keyed(state.actor.id, editForm(state))}`;
}

function editForm(state: EditFormState): TemplateResult {
  const { t, map, actor, errors, readonly } = state;
  const label = actorLabel(t, actor);
  const text = (field: TextField, type = 'text') =>
    html`<label for="edit-${field}">${t.fields[field]}</label>
      <input
        id="edit-${field}"
        name=${field}
        type=${type}
        dir="auto"
        maxlength=${TEXT_LIMITS[field]}
        autocomplete="off"
        ?readonly=${readonly}
        .value=${actor[field]}
        aria-invalid=${errors[field] ? 'true' : 'false'}
        aria-describedby=${errors[field] ? `error-${field}` : nothing}
        @change=${(event: Event) => commitTyped(state, event, field)}
      />
      ${errorFor(errors, field)}`;
  const area = (field: 'helpsWith' | 'note') =>
    html`<label for="edit-${field}">${t.fields[field]}</label>
      <textarea
        id="edit-${field}"
        name=${field}
        dir="auto"
        rows="2"
        maxlength=${TEXT_LIMITS[field]}
        ?readonly=${readonly}
        .value=${actor[field]}
        @change=${(event: Event) => commitTyped(state, event, field)}
      ></textarea>
      ${errorFor(errors, field)}`;
  const select = <V extends string | number>(
    field: string,
    value: V,
    options: readonly { value: V; label: string }[],
    toPatch: (raw: string) => ActorPatch,
  ) =>
    html`<label for="edit-${field}">${t.fields[field as keyof Translations['fields']]}</label>
      <select
        id="edit-${field}"
        name=${field}
        ?disabled=${readonly}
        @change=${(event: Event) => state.onChange(toPatch((event.target as HTMLSelectElement).value), field)}
      >
        ${options.map((option) => html`<option value=${String(option.value)} ?selected=${option.value === value}>${option.label}</option>`)}
      </select>
      ${errorFor(errors, field)}`;

  const ties = map.ties.filter((tie) => tie.from === actor.id || tie.to === actor.id);
  const nameOf = (id: string) =>
    id === CENTRE_ID
      ? map.title || t.ui.family
      : actorLabel(
          t,
          map.actors.find((a) => a.id === id)!,
        );
  const tied = new Set(ties.map((tie) => (tie.from === actor.id ? tie.to : tie.from)));
  const candidates = [CENTRE_ID, ...map.actors.map((a) => a.id)].filter((id) => id !== actor.id && !tied.has(id));

  return html`<form
    class="actor-form edit-form"
    part="form"
    aria-labelledby="edit-heading"
    @submit=${(event: Event) => event.preventDefault()}
  >
    <div class="form-head">
      <h2 id="edit-heading" tabindex="-1">${label}</h2>
      <button type="button" class="icon" aria-label=${t.ui.close} title=${t.ui.close} @click=${state.onClose}>✕</button>
    </div>
    <label for="edit-category">${t.fields.category}</label>
    <select
      id="edit-category"
      name="category"
      ?disabled=${readonly}
      @change=${(event: Event) => state.onChange({ category: (event.target as HTMLSelectElement).value }, 'category')}
    >
      ${categoryOptions(t, map, actor.category)}
    </select>
    ${select(
      'sector',
      actor.sector,
      map.sectors.map((sector) => ({ value: sector.id, label: sectorLabel(t, sector) })),
      (sector) => ({ sector }),
    )}
    ${select(
      'ring',
      actor.ring,
      RINGS.map((ring) => ({ value: ring, label: t.rings[ring] })),
      (ring) => ({ ring: Number(ring) as Actor['ring'] }),
    )}
    ${text('organisation')} ${text('name')} ${text('role')} ${text('phone', 'tel')} ${text('email', 'email')} ${text('address')}
    ${area('helpsWith')}
    ${select(
      'status',
      actor.status,
      ACTOR_STATUSES.map((status) => ({ value: status, label: t.statuses[status] })),
      (status) => ({ status: status as Actor['status'] }),
    )}
    ${select(
      'functioning',
      actor.functioning ?? '',
      [
        { value: '', label: t.functionings.unknown },
        ...FUNCTIONINGS.map((f) => ({ value: f as string, label: t.functionings[f] })),
      ],
      (f) => ({
        functioning: f === '' ? null : (f as Actor['functioning']),
      }),
    )}
    <div class="checkbox">
      <input
        id="edit-consent"
        type="checkbox"
        ?disabled=${readonly}
        .checked=${live(actor.consent.given)}
        @change=${(event: Event) => state.onChange({ consent: { ...actor.consent, given: (event.target as HTMLInputElement).checked } }, 'consent')}
      />
      <label for="edit-consent">${t.fields.consent}</label>
    </div>
    <label for="edit-consentDate">${t.fields.consentDate}</label>
    <input
      id="edit-consentDate"
      type="date"
      ?readonly=${readonly}
      .value=${actor.consent.date}
      aria-invalid=${errors.consent ? 'true' : 'false'}
      @change=${(event: Event) => state.onChange({ consent: { ...actor.consent, date: (event.target as HTMLInputElement).value } }, 'consent')}
    />
    ${errorFor(errors, 'consent')}
    <label for="edit-nextContact">${t.fields.nextContact}</label>
    <input
      id="edit-nextContact"
      type="date"
      ?readonly=${readonly}
      .value=${actor.nextContact}
      aria-invalid=${errors.nextContact ? 'true' : 'false'}
      @change=${(event: Event) => state.onChange({ nextContact: (event.target as HTMLInputElement).value }, 'nextContact')}
    />
    ${errorFor(errors, 'nextContact')} ${area('note')}

    <fieldset class="ties-editor">
      <legend>${t.ui.tiesHeading}</legend>
      ${ties.length === 0 ? html`<p class="empty-state">${t.ui.noTies}</p>` : nothing}
      <ul>
        ${ties.map((tie) => {
          const other = tie.from === actor.id ? tie.to : tie.from;
          return html`<li data-tie-id=${tie.id}>
            <span class="tie-name">${nameOf(other)}</span>
            <select
              aria-label="${t.fields.kind}: ${nameOf(other)}"
              ?disabled=${readonly}
              @change=${(event: Event) => state.onTieKind(tie.id, (event.target as HTMLSelectElement).value as TieKind)}
            >
              ${TIE_KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === tie.kind}>${t.tieKinds[kind]}</option>`)}
            </select>
            ${readonly ? nothing : html`<button type="button" class="icon" aria-label=${t.ui.removeTie(nameOf(other))} title=${t.ui.removeTie(nameOf(other))} @click=${() => state.onRemoveTie(tie.id)}>✕</button>`}
          </li>`;
        })}
      </ul>
      ${
        readonly || candidates.length === 0
          ? nothing
          : html`<div class="tie-add">
              <label for="tie-to">${t.ui.tieTo}</label>
              <select id="tie-to">
                ${candidates.map((id) => html`<option value=${id}>${nameOf(id)}</option>`)}
              </select>
              <label for="tie-kind">${t.fields.kind}</label>
              <select id="tie-kind">
                ${TIE_KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === 'normal'}>${t.tieKinds[kind]}</option>`)}
              </select>
              <button
                type="button"
                @click=${(event: Event) => {
                  const root = (event.currentTarget as HTMLElement).closest('.tie-add')!;
                  const to = root.querySelector<HTMLSelectElement>('#tie-to')!.value;
                  const kind = root.querySelector<HTMLSelectElement>('#tie-kind')!.value as TieKind;
                  state.onAddTie(to, kind);
                }}
              >
                ${t.ui.addTie}
              </button>
            </div>`
      }
    </fieldset>
    ${readonly ? nothing : html`<div class="form-actions">${state.commands}</div>`}
  </form>`;
}
