/**
 * Registers `<natverkskarta-editor>`. The one module with a side effect; loading it twice is harmless.
 */
import { NatverkskartaEditor } from './elements/natverkskarta-editor.js';

if (!customElements.get('natverkskarta-editor')) customElements.define('natverkskarta-editor', NatverkskartaEditor);

declare global {
  interface HTMLElementTagNameMap {
    'natverkskarta-editor': NatverkskartaEditor;
  }
}

export { NatverkskartaEditor };
