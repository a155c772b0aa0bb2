import { css } from 'lit';

/**
 * The editor's look. Every colour and size a host may want to change is a custom property with a default;
 * the font is inherited from the host page.
 */
export const editorStyles = css`
  :host {
    --_accent: var(--nk-accent, #1d4ed8);
    --_on-accent: var(--nk-on-accent, #ffffff);
    --_text: var(--nk-text, #111827);
    --_muted: var(--nk-muted, #4b5563);
    --_surface: var(--nk-surface, #ffffff);
    --_surface-alt: var(--nk-surface-alt, #f3f4f6);
    --_border: var(--nk-border, #6b7280);
    --_stroke: var(--nk-stroke, #1f2937);
    --_danger: var(--nk-danger, #b91c1c);
    --_focus: var(--nk-focus, #c2410c);
    --_radius: var(--nk-radius, 6px);
    display: block;
    font-family: var(--nk-font-family, inherit);
    color: var(--_text);
    background: var(--_surface);
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .editor {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  /*
   * One row, never wrapped: what does not fit folds into the menu (controllers/toolbar-fold-controller.ts), and
   * folding never changes the toolbar's height, which the fold is measured by.
   */
  .toolbar {
    position: relative;
    display: flex;
    flex-wrap: nowrap;
    /* Until the fold is measured (a frame after the first picture), a narrow row is cut, not spilled. */
    overflow-x: clip;
    align-items: center;
    gap: 0.375rem;
    padding: 0.5rem;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .toolbar .group {
    display: flex;
    flex: none;
    align-items: center;
    gap: 0.25rem;
  }
  .toolbar .group + .group {
    padding-inline-start: 0.375rem;
    border-inline-start: 1px solid var(--_border);
  }
  .toolbar .group-view {
    margin-inline-start: auto;
  }
  .toolbar button {
    flex: none;
    padding-inline: 0.45rem;
    white-space: nowrap;
  }
  /* Out of the row and unseen, but measured still (never display: none, which has no width). */
  .toolbar .folded,
  .toolbar .group.empty {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    visibility: hidden;
    pointer-events: none;
  }
  .more {
    position: relative;
    flex: none;
  }
  /* Under the map: whether the map is stored, and the zoom buttons. */
  .map-footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
    margin-top: 0.25rem;
  }
  .save-state {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .save-state.failed {
    color: var(--_danger);
  }
  .map-controls {
    display: flex;
    gap: 0.25rem;
    margin-inline-start: auto;
  }
  /* The family's name, adding by typing and the kartläggning: labels above their fields, on one row if they fit. */
  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5rem 1rem;
  }
  .title-field {
    display: flex;
    flex: 1 1 14rem;
    flex-direction: column;
    gap: 0.25rem;
    max-width: 24rem;
    font-weight: 600;
  }
  .title-field input {
    font-weight: 600;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: 44px;
    min-width: 44px;
    padding: 0.4rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  button:hover:not(:disabled, [aria-disabled='true']) {
    border-color: var(--_accent);
  }
  /* A command that cannot run now is only marked so (see elements/toolbar.ts): it keeps the focus. */
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  /* Busy: the PDF being made, a file taken in; its label says so. */
  button[aria-disabled='true'].busy {
    cursor: progress;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button.danger {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  button.icon {
    padding: 0.4rem;
    font-weight: 600;
    line-height: 1;
  }
  button[aria-pressed='true'] {
    outline: 2px solid var(--_accent);
  }
  input,
  select,
  textarea {
    min-height: 44px;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    width: 100%;
  }
  textarea {
    resize: vertical;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .message {
    margin: 0;
    padding: 0.6rem 0.8rem;
    border-radius: var(--_radius);
  }
  .message.error {
    background: #fef2f2;
    color: var(--_danger);
    border: 1px solid var(--_danger);
  }
  .editor {
    position: relative;
  }
  .readonly-note {
    color: var(--_muted);
  }

  .body {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(16rem, 20rem);
    gap: 0.75rem;
    align-items: start;
  }
  @container (max-width: 760px) {
    .body {
      grid-template-columns: minmax(0, 1fr);
    }
    svg.map {
      height: auto;
      aspect-ratio: 3 / 2;
      max-height: var(--nk-map-height, 80vh);
    }
  }
  .map-area {
    position: relative;
    min-width: 0;
  }
  svg.map {
    display: block;
    width: 100%;
    height: var(--nk-map-height, min(80vh, 760px));
    min-height: 280px;
    touch-action: none;
    user-select: none;
    background: var(--_surface);
    border: 1px solid var(--_surface-alt);
    border-radius: var(--_radius);
    cursor: grab;
  }
  .loading {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    margin: 0;
    background: color-mix(in srgb, var(--_surface) 80%, transparent);
  }

  /* the panel */
  .panel {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    min-width: 0;
    max-height: var(--nk-map-height, min(80vh, 760px));
    overflow-y: auto;
    padding: 2px;
  }
  @container (max-width: 760px) {
    .panel {
      max-height: none;
    }
  }
  .actor-form {
    display: grid;
    gap: 0.3rem;
    padding: 0.75rem;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .actor-form h2 {
    margin: 0 0 0.25rem;
    font-size: 1.1rem;
  }
  .actor-form label {
    font-weight: 600;
    margin-top: 0.35rem;
  }
  .form-actions {
    display: flex;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }

  /* list view: the list takes the whole width */
  .body.list-view {
    grid-template-columns: minmax(0, 1fr);
  }
  .body.list-view .panel {
    max-height: none;
  }
  [hidden] {
    display: none !important;
  }
  /* On a phone the list comes first: it is the easier way in on a small screen. */
  @container (max-width: 480px) {
    .panel {
      order: -1;
    }
  }
`;
