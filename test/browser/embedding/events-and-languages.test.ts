/**
 * The typed events (declared in GlobalEventHandlersEventMap, bubbling and composed) and a host's own language
 * registered with `registerTranslations`, switched live with the `lang` attribute.
 */
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import 'natverkskarta/define';
import {
  loadTranslations,
  registerTranslations,
  type MapDocument,
  type NatverkskartaEditor,
  type NkChangeEvent,
  type NkErrorEvent,
  type NkSelectEvent,
  type Translations,
} from 'natverkskarta';

afterEach(() => document.body.replaceChildren());

async function mountIn(parent: Node, attributes: Record<string, string>): Promise<NatverkskartaEditor> {
  const editor = document.createElement('natverkskarta-editor');
  for (const [name, value] of Object.entries(attributes)) editor.setAttribute(name, value);
  parent.appendChild(editor);
  await editor.updateComplete;
  await editor.ready;
  return editor;
}

describe('typed events', () => {
  it('are declared in GlobalEventHandlersEventMap and HTMLElementTagNameMap (checked by tsc)', () => {
    expectTypeOf<GlobalEventHandlersEventMap['nk-change']>().toEqualTypeOf<NkChangeEvent>();
    expectTypeOf<GlobalEventHandlersEventMap['nk-select']>().toEqualTypeOf<NkSelectEvent>();
    expectTypeOf<GlobalEventHandlersEventMap['nk-error']>().toEqualTypeOf<NkErrorEvent>();
    expectTypeOf<NkChangeEvent['detail']['map']>().toEqualTypeOf<MapDocument>();
    expectTypeOf<NkSelectEvent['detail']['actorId']>().toEqualTypeOf<string | null>();
    expectTypeOf<NkErrorEvent['detail']['error']>().toEqualTypeOf<Error>();
    expectTypeOf(document.createElement('natverkskarta-editor')).toEqualTypeOf<NatverkskartaEditor>();
    // A listener on any element or the document gets the typed event without a cast.
    const listen = (target: Document) =>
      target.addEventListener('nk-change', (event) => expectTypeOf(event.detail.map).toEqualTypeOf<MapDocument>());
    expect(listen).toBeTypeOf('function');
  });

  it('bubble and cross the shadow boundary of a host component', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const editor = await mountIn(root, { storage: 'none' });

    const heard: { type: string; bubbles: boolean; composed: boolean; target: EventTarget | null }[] = [];
    const record = (event: Event) =>
      heard.push({ type: event.type, bubbles: event.bubbles, composed: event.composed, target: event.target });
    for (const type of ['nk-change', 'nk-select', 'nk-error'] as const) document.addEventListener(type, record);
    try {
      const id = editor.addActor({ category: 'bup' });
      editor.select(id);
      await editor.importJson('{ not json').catch(() => undefined);
    } finally {
      for (const type of ['nk-change', 'nk-select', 'nk-error'] as const) document.removeEventListener(type, record);
    }
    expect(heard.map((event) => event.type)).toEqual(['nk-change', 'nk-select', 'nk-error']);
    for (const event of heard) {
      expect(event.bubbles).toBe(true);
      expect(event.composed).toBe(true);
      // Retargeted: outside the host's shadow root the event seems to come from the host.
      expect(event.target).toBe(host);
    }
  });
});

describe('a language registered by the host', () => {
  /** Norwegian (bokmål), in part: a real host would translate every entry; the rest falls back to English here. */
  async function norwegian(): Promise<Translations> {
    const en = await loadTranslations('en');
    return {
      ...en,
      locale: 'nb',
      sectors: { ...en.sectors, family: 'Familie og nære', municipality: 'Kommunen' },
      ui: { ...en.ui, addActor: 'Legg til kontakt', contactList: 'Kontaktliste', fitView: 'Tilpass visning' },
    };
  }

  it('switches live through the lang attribute, and back', async () => {
    registerTranslations('nb', await norwegian());
    const editor = await mountIn(document.body, { storage: 'none', lang: 'sv' });
    const text = () => editor.shadowRoot!.textContent ?? '';
    expect(text()).toContain('Lägg till kontakt');

    editor.setAttribute('lang', 'nb');
    await editor.updateComplete;
    expect(text()).toContain('Legg til kontakt');
    expect(text()).toContain('Familie og nære');
    expect(editor.shadowRoot!.querySelector('.editor')!.getAttribute('lang')).toBe('nb');

    // A regional tag finds the language's table.
    editor.lang = 'nb-NO';
    await editor.updateComplete;
    expect(text()).toContain('Legg til kontakt');

    editor.setAttribute('lang', 'en');
    await editor.updateComplete;
    expect(text()).toContain('Add contact');
    expect(text()).not.toContain('Legg til kontakt');
  });
});
