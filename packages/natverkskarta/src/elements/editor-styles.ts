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
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .toolbar .spacer {
    flex: 1;
  }
  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.5rem;
  }
  .title-field {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    font-weight: 600;
  }
  .title-field input {
    flex: 0 1 20rem;
    min-width: 0;
    max-width: 100%;
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
  button:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
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
  .file-button {
    position: relative;
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0.4rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .file-button:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .editor {
    position: relative;
  }
  .drop-hint {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    font-size: 1.3rem;
    font-weight: 600;
    background: color-mix(in srgb, var(--_surface) 85%, transparent);
    border: 3px dashed var(--_accent);
    border-radius: var(--_radius);
    pointer-events: none;
  }
  .message.info {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    background: #f0fdf4;
    border: 1px solid #15803d;
  }
  .message.hint {
    background: #eff6ff;
    border: 1px solid var(--_accent);
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
  /* The dragged actor's own layer, laid over the map (see drag-layer.ts). */
  .drag-layer {
    position: absolute;
    pointer-events: none;
    will-change: transform;
    overflow: hidden;
    border: 1px solid transparent;
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
  .actor-form h2,
  .contact-list h2 {
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
  .empty-state {
    color: var(--_muted);
    margin: 0.25rem 0;
  }
  .contact-list h3 {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-size: 0.95rem;
    margin: 0.75rem 0 0.25rem;
  }
  .swatch {
    width: 0.9rem;
    height: 0.9rem;
    border-radius: 50%;
    background: var(--_sector);
    border: 1.5px solid var(--_stroke);
  }
  .contact-list ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .contact-list li.empty {
    color: var(--_muted);
    font-style: italic;
    padding-left: 1.3rem;
  }
  .entry {
    display: grid;
    width: 100%;
    text-align: start;
    gap: 0.1rem;
    border-color: transparent;
    background: var(--_surface-alt);
  }
  .entry[aria-pressed='true'] {
    border-color: var(--_accent);
    outline: 2px solid var(--_accent);
  }
  .entry-title {
    font-weight: 600;
  }
  .entry-detail {
    color: var(--_muted);
    font-size: 0.9rem;
    overflow-wrap: anywhere;
  }
  .entry-status {
    font-size: 0.85rem;
    font-weight: 600;
  }
  .entry.status-needed {
    border: 2px dashed var(--_border);
    background: var(--_surface);
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

  /* legend */
  .view-switch {
    display: inline-flex;
    gap: 0.25rem;
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
    .toolbar .spacer {
      display: none;
    }
  }

  /* Printing from the browser: the map and the contact list, nothing to click. */
  @media print {
    .toolbar,
    .actor-form,
    .message.hint,
    .loading {
      display: none !important;
    }
    .body {
      display: block;
    }
    .title-field input {
      border: none;
      padding: 0;
      font-size: 1.4em;
    }
    svg.map {
      height: auto;
      aspect-ratio: 3 / 2;
      max-height: 60vh;
      border: none;
      break-after: page;
    }
    .panel {
      max-height: none;
      overflow: visible;
    }
    .entry {
      border: none;
      background: none;
      padding: 0.2rem 0;
      min-height: 0;
      break-inside: avoid;
    }
    .contact-list h3 {
      break-after: avoid;
    }
  }
`;
