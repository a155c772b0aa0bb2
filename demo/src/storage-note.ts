import { isStoragePersistent } from 'natverkskarta';
import { h } from './dom.js';

/**
 * Tells whether the browser has promised to keep the stored maps (`navigator.storage.persist()`, which the editor
 * asks for at the first edit), and reminds that the exported file is the only backup either way.
 */
export function createStorageNote(): { element: HTMLElement; refresh(): Promise<void> } {
  const state = h('strong', { class: 'storage-note__state' }, 'Kontrollerar lagringen …');
  const detail = h('span', { class: 'storage-note__detail' });
  const element = h(
    'aside',
    { class: 'storage-note', 'aria-label': 'Lagring och säkerhetskopia' },
    h('p', {}, state, ' ', detail),
    h(
      'p',
      { class: 'storage-note__backup' },
      'Den exporterade filen (”Exportera fil” i kartan) är den enda säkerhetskopian. Spara den och lämna den till familjen.',
    ),
  );
  const refresh = async () => {
    const persistent = await isStoragePersistent();
    element.dataset['persistent'] = String(persistent);
    state.textContent = persistent ? 'Lagringen är beständig.' : 'Lagringen är inte beständig.';
    detail.textContent = persistent
      ? 'Webbläsaren har lovat att inte rensa kartorna av sig själv.'
      : 'Webbläsaren kan rensa kartorna om utrymmet tar slut, i privat läge eller efter en tid utan besök.';
  };
  void refresh();
  return { element, refresh };
}
