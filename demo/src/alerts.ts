import { h } from './dom.js';

export interface AlertRegion {
  element: HTMLElement;
  show(message: string): void;
  clear(): void;
}

/**
 * A live region that stays in the page so assistive technology announces what is put into it;
 * a message appears as a visible banner that the user can close.
 */
export function createAlertRegion(focusAfterClose: () => HTMLElement | null): AlertRegion {
  const element = h('div', { class: 'alert-region', role: 'alert' });
  const clear = () => element.replaceChildren();
  const show = (message: string) => {
    const close = h('button', { type: 'button', class: 'button button--quiet banner__close' }, 'Stäng');
    close.addEventListener('click', () => {
      clear();
      focusAfterClose()?.focus();
    });
    element.replaceChildren(
      h('div', { class: 'banner' }, h('p', { class: 'banner__text' }, h('strong', {}, 'Något gick fel. '), message), close),
    );
  };
  return { element, show, clear };
}

/** A polite status line for screen readers: "the map was deleted" and the like. */
export function createStatus(): { element: HTMLElement; say(message: string): void } {
  const element = h('p', { class: 'visually-hidden', role: 'status' });
  return {
    element,
    say(message: string) {
      element.textContent = '';
      // A fresh text node after a tick, so the same message twice is still announced.
      setTimeout(() => (element.textContent = message), 50);
    },
  };
}
