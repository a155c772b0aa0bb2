import { css } from 'lit';

/**
 * The styles of what comes in the forms' chunk (`panels.ts`): the contact list, the edit form's parts, the legend,
 * the toolbar's menu, the help dialog, adding by typing, the kartläggning, and the page as the browser prints it. They come with it and are adopted then, so that the editor's first
 * download holds only what its first picture needs.
 */
export const panelStyles = css`
  /* The layers of a dragged actor and of gliding ones, laid over the map (see map-layer.ts). */
  .map-layer {
    position: absolute;
    pointer-events: none;
    will-change: transform;
    overflow: hidden;
    border: 1px solid transparent;
  }
  /* the versions */
  .versions {
    padding: 0.5rem 0.75rem;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .versions summary {
    display: flex;
    align-items: center;
    min-height: 44px;
    font-weight: 600;
    cursor: pointer;
  }
  .version-form {
    display: grid;
    gap: 0.25rem;
  }
  .version-form label {
    font-weight: 600;
  }
  .version-form-row {
    display: flex;
    gap: 0.25rem;
  }
  .version-form-row input {
    flex: 1;
    min-width: 0;
  }
  .version-list {
    display: grid;
    gap: 0.5rem;
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
  }
  .version-list li {
    display: grid;
    gap: 0.15rem;
  }
  .version-title {
    font-weight: 600;
  }
  .version-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .changes {
    margin-top: 0.75rem;
  }
  .changes h3 {
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }
  .change-glyph {
    display: inline-grid;
    place-items: center;
    width: 1.25em;
    height: 1.25em;
    margin-inline-end: 0.25em;
    border: 1.5px solid var(--_stroke);
    border-radius: 2px;
    font-size: 0.85em;
    font-weight: 700;
  }
  .changes ul {
    margin: 0 0 0.5rem;
    padding-inline-start: 1.1rem;
  }
  /* the contact list */
  .contact-list h2 {
    margin: 0 0 0.25rem;
    font-size: 1.1rem;
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
  /* Printing from the browser: the map and the contact list, nothing to click. */
  @media print {
    .toolbar,
    .map-controls,
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
  .toolbar-menu {
    position: absolute;
    inset-block-start: calc(100% + 0.25rem);
    inset-inline-end: 0;
    z-index: 5;
    display: flex;
    flex-direction: column;
    min-width: 12rem;
    padding: 0.25rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.18);
  }
  .toolbar-menu [role^='menuitem'] {
    border-color: transparent;
    outline-offset: -3px;
    text-align: start;
  }
  .toolbar-menu [aria-checked]::before {
    display: inline-block;
    width: 1.25em;
    content: '';
  }
  .toolbar-menu [aria-checked='true']::before {
    content: '✓';
  }
  .toolbar-menu [aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .toolbar-menu [role='separator'] {
    margin: 0.25rem 0;
    border-top: 1px solid var(--_border);
  }
  .form-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
  }
  .checkbox {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-top: 0.35rem;
  }
  .checkbox input {
    width: 24px;
    min-height: 24px;
    height: 24px;
  }
  .checkbox label {
    margin: 0;
  }
  fieldset.ties-editor {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0.5rem 0 0;
    padding: 0.5rem;
  }
  fieldset.ties-editor legend {
    font-weight: 600;
  }
  .ties-editor ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.3rem;
  }
  .ties-editor li {
    display: grid;
    grid-template-columns: 1fr 9rem auto;
    gap: 0.3rem;
    align-items: center;
  }
  .tie-add {
    display: grid;
    gap: 0.3rem;
    margin-top: 0.5rem;
  }
  .legend {
    margin-top: 0.5rem;
    padding: 0.5rem 0.75rem;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .legend summary {
    cursor: pointer;
    font-weight: 600;
    min-height: 44px;
    display: flex;
    align-items: center;
  }
  .legend-groups {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0.5rem 1.25rem;
  }
  .legend h3 {
    font-size: 0.95rem;
    margin: 0.5rem 0 0.25rem;
  }
  .legend ul,
  .legend ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.2rem;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .legend .ring-number {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.5rem;
    height: 1.5rem;
    border: 1.5px dashed var(--_border);
    border-radius: 50%;
    font-weight: 700;
  }
  .legend-sample {
    flex: none;
    overflow: visible;
  }

  /* help */
  dialog.help {
    max-width: min(40rem, 92vw);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
    padding: 1rem 1.25rem;
  }
  dialog.help::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog.help table {
    border-collapse: collapse;
    width: 100%;
  }
  dialog.help th,
  dialog.help td {
    text-align: start;
    padding: 0.35rem 0.5rem;
    border-bottom: 1px solid var(--_surface-alt);
    vertical-align: top;
  }
  kbd {
    display: inline-block;
    min-width: 1.6em;
    padding: 0.05rem 0.35rem;
    border: 1px solid var(--_border);
    border-bottom-width: 2px;
    border-radius: 4px;
    background: var(--_surface-alt);
    font: inherit;
    font-size: 0.9em;
    text-align: center;
  }

  .quick-add {
    position: relative;
    display: flex;
    flex: 1 1 18rem;
    flex-direction: column;
    gap: 0.25rem;
    max-width: 30rem;
  }
  .quick-add label {
    font-weight: 600;
  }
  .quick-add-row {
    display: flex;
    gap: 0.25rem;
  }
  .quick-add input {
    flex: 1;
    min-width: 0;
    min-height: 44px;
    padding: 0 0.5rem;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .quick-add [role='listbox'] {
    position: absolute;
    top: 100%;
    left: 0;
    z-index: 3;
    min-width: 100%;
    margin: 0.25rem 0 0;
    padding: 0.25rem;
    list-style: none;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 18%);
  }
  .quick-add [role='listbox'][hidden] {
    display: none;
  }
  .quick-add [role='option'] {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    align-items: center;
    min-height: 44px;
    padding: 0 0.5rem;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .quick-add [role='option'][aria-selected='true'] {
    color: var(--_on-accent);
    background: var(--_accent);
  }
  .quick-add .option-sector {
    font-size: 0.875em;
    opacity: 0.85;
  }
  .walk-progress {
    margin: 0;
    font-weight: 600;
    color: var(--_muted);
  }
  .walk-question {
    margin: 0.25rem 0;
    font-size: 1.15em;
    font-weight: 600;
  }
  .walk-hint {
    margin: 0 0 0.5rem;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .walk-answers kbd {
    margin-left: 0.25rem;
  }
`;

/** Adds the panels' styles to the editor's shadow root; where constructable style sheets are not, as Lit itself does. */
export function adoptPanelStyles(root: ShadowRoot): void {
  const sheet = panelStyles.styleSheet;
  if (sheet && root.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  else root.append(Object.assign(document.createElement('style'), { textContent: panelStyles.cssText }));
}
