/**
 * The demo's theme switch: the default look or high contrast. The editor is themed only through its public
 * custom properties and `::part` (see styles.css, `[data-theme='contrast']`), as a host site would theme it.
 * The first choice follows the system's "more contrast" setting; nothing is stored.
 */
import { byId } from './dom.js';

export type Theme = 'default' | 'contrast';

export function setTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'contrast') root.dataset['theme'] = 'contrast';
  else delete root.dataset['theme'];
  byId<HTMLButtonElement>('theme-switch').setAttribute('aria-pressed', String(theme === 'contrast'));
}

export function setupThemeSwitch(): void {
  const button = byId<HTMLButtonElement>('theme-switch');
  setTheme(matchMedia('(prefers-contrast: more)').matches ? 'contrast' : 'default');
  button.addEventListener('click', () => {
    setTheme(button.getAttribute('aria-pressed') === 'true' ? 'default' : 'contrast');
  });
}
