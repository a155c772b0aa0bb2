/**
 * A Vue 3 page embedding the editor with render functions (`h`): the runtime-only build, no template compiler.
 * Vue sets a custom element's known members as properties and turns `onNkChange` into a listener for `nk-change`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, defineComponent, h, nextTick, ref, shallowRef, type App } from 'vue';
import 'natverkskarta/define';
import { createMap, type MapDocument, type NatverkskartaEditor, type NkChangeEvent, type NkSelectEvent } from 'natverkskarta';
import { eventually } from '../helpers.js';

const apps: App[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.unmount();
  document.body.replaceChildren();
});

describe('in a Vue 3 page', () => {
  it('passes lang, storage and map as properties and hears nk-change and nk-select', async () => {
    const changes: MapDocument[] = [];
    const selections: (string | null)[] = [];
    const lang = ref('en');
    const map = shallowRef<MapDocument>({ ...createMap({ id: 'vue-map' }), title: 'Familjen Haddad' });
    const selected = ref<string | null>(null);

    const Page = defineComponent({
      setup() {
        return () =>
          h('div', [
            h('p', { id: 'summary' }, `${map.value.actors.length} contacts; selected ${selected.value ?? 'none'}`),
            h('natverkskarta-editor', {
              lang: lang.value,
              storage: 'none',
              '.map': map.value,
              style: { width: '1000px' },
              onNkChange: (event: NkChangeEvent) => {
                changes.push(event.detail.map);
                map.value = event.detail.map;
              },
              onNkSelect: (event: NkSelectEvent) => {
                selections.push(event.detail.actorId);
                selected.value = event.detail.actorId;
              },
            }),
          ]);
      },
    });
    const container = document.createElement('div');
    document.body.append(container);
    const app = createApp(Page);
    apps.push(app);
    app.mount(container);

    const editor = container.querySelector('natverkskarta-editor') as NatverkskartaEditor;
    await editor.updateComplete;
    expect(editor.lang).toBe('en');
    expect(editor.storage).toBe('none');
    expect(editor.map.title).toBe('Familjen Haddad');
    expect(editor.shadowRoot!.textContent).toContain('Add contact');

    const id = editor.addActor({ category: 'skola', name: 'Mentor Amina' });
    expect(changes.at(-1)!.actors.map((actor) => actor.name)).toEqual(['Mentor Amina']);
    await nextTick();
    expect(container.querySelector('#summary')!.textContent).toContain('1 contacts');
    expect(editor.map.actors).toHaveLength(1);

    editor.select(id);
    expect(selections).toEqual([id]);
    await eventually(() => expect(container.querySelector('#summary')!.textContent).toContain(`selected ${id}`));

    lang.value = 'sv';
    await nextTick();
    await editor.updateComplete;
    expect(editor.getAttribute('lang')).toBe('sv');
    expect(editor.shadowRoot!.textContent).toContain('Lägg till kontakt');
  });
});
