import { html, type TemplateResult } from 'lit';
import type { Translations } from '../i18n/index.js';

export type EditorView = 'map' | 'list';

export interface ToolbarState {
  t: Translations;
  readonly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  hasSelection: boolean;
  tying: boolean;
  view: EditorView;
  onAdd: () => void;
  onTie: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onZoom: (factor: number) => void;
  onFit: () => void;
  onView: (view: EditorView) => void;
  onHelp: () => void;
  onPdf: () => void;
  makingPdf: boolean;
  onExportFile: () => void;
  onImportFile: (file: File) => void;
}

/** The buttons above the map. Every one of them is a real button with a visible or accessible name. */
export function renderToolbar(state: ToolbarState): TemplateResult {
  const { t } = state;
  const edits = state.readonly
    ? html`<span class="readonly-note">${t.ui.readonlyNotice}</span>`
    : html`<button type="button" class="primary" @click=${state.onAdd}>${t.ui.addActor}</button>
        <button
          type="button"
          ?disabled=${!state.hasSelection && !state.tying}
          aria-pressed=${state.tying ? 'true' : 'false'}
          @click=${state.onTie}
        >
          ${state.tying ? t.ui.cancelTie : t.ui.startTie}
        </button>
        <button type="button" ?disabled=${!state.canUndo} @click=${state.onUndo}>${t.ui.undo}</button>
        <button type="button" ?disabled=${!state.canRedo} @click=${state.onRedo}>${t.ui.redo}</button>`;
  const files = html`<button type="button" class="pdf-button" ?disabled=${state.makingPdf} @click=${state.onPdf}>
      ${state.makingPdf ? t.ui.makingPdf : t.ui.exportPdf}
    </button>
    <button type="button" @click=${state.onExportFile}>${t.ui.exportFile}</button>
    ${
      state.readonly
        ? ''
        : html`<label class="file-button">
            <input
              type="file"
              accept=".json,application/json"
              class="visually-hidden"
              @change=${(event: Event) => {
                const input = event.target as HTMLInputElement;
                const file = input.files?.[0];
                input.value = '';
                if (file) state.onImportFile(file);
              }}
            />
            <span>${t.ui.importFile}</span>
          </label>`
    }`;
  const viewButton = (view: EditorView, label: string) =>
    html`<button
      type="button"
      class="view-button"
      aria-pressed=${state.view === view ? 'true' : 'false'}
      @click=${() => state.onView(view)}
    >
      ${label}
    </button>`;
  return html`<div class="toolbar" part="toolbar" role="group" aria-label=${t.ui.toolbar}>
    ${edits} ${files}
    <span class="spacer"></span>
    <span class="view-switch" role="group" aria-label=${t.ui.viewLabel}
      >${viewButton('map', t.ui.viewMap)}${viewButton('list', t.ui.viewList)}</span
    >
    ${
      state.view === 'map'
        ? html`<button
              type="button"
              class="icon"
              aria-label=${t.ui.zoomOut}
              title=${t.ui.zoomOut}
              @click=${() => state.onZoom(1 / 1.25)}
            >
              −
            </button>
            <button type="button" class="icon" aria-label=${t.ui.zoomIn} title=${t.ui.zoomIn} @click=${() => state.onZoom(1.25)}>
              +
            </button>
            <button type="button" @click=${state.onFit}>${t.ui.fitView}</button>`
        : ''
    }
    <button type="button" class="icon help-button" aria-label=${t.ui.helpTitle} title=${t.ui.helpTitle} @click=${state.onHelp}>
      ?
    </button>
  </div>`;
}
