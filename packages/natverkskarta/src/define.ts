/**
 * Registers `<natverkskarta-editor>`. The one module with a side effect; loading it twice is harmless.
 */
import { NatverkskartaEditor } from './elements/natverkskarta-editor.js';

export const EDITOR_TAG = 'natverkskarta-editor';

if (!customElements.get(EDITOR_TAG)) customElements.define(EDITOR_TAG, NatverkskartaEditor);

declare global {
  interface HTMLElementTagNameMap {
    'natverkskarta-editor': NatverkskartaEditor;
  }
}

export { NatverkskartaEditor };
