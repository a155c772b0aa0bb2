import { css } from 'lit';

/**
 * The styles of what comes in the forms' chunk (`panels.ts`): the edit form's parts, the legend, the help dialog,
 * adding by typing and the kartläggning. They come with it and are adopted then, so that the editor's first
 * download holds only what its first picture needs.
 */
export const panelStyles = css`
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
    align-items: center;
    gap: 0.5rem;
  }
  .quick-add label {
    font-weight: 600;
  }
  .quick-add-row {
    display: flex;
    gap: 0.25rem;
  }
  .quick-add input {
    width: 14rem;
    max-width: 50vw;
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
