/**
 * A React 19 app embedding the editor, as a municipality with a React site would (no JSX needed). React 19 sets
 * a custom element's known members as properties (`map`, `lang`, `storage`) and `on<event-name>` props as listeners.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createElement, useState, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { act } from 'react';
import 'natverkskarta/define';
import { createMap, type MapDocument, type NatverkskartaEditor, type NkChangeEvent, type NkSelectEvent } from 'natverkskarta';
import { eventually } from '../helpers.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const roots: Root[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
  document.body.replaceChildren();
});

interface Seen {
  changes: MapDocument[];
  selections: (string | null)[];
}

function App(props: { initial: MapDocument; seen: Seen; lang: string }): ReactElement {
  const [map, setMap] = useState(props.initial);
  const [selected, setSelected] = useState<string | null>(null);
  return createElement(
    'div',
    null,
    createElement('p', { id: 'summary' }, `${map.actors.length} contacts; selected ${selected ?? 'none'}`),
    createElement('natverkskarta-editor', {
      lang: props.lang,
      storage: 'none',
      map,
      style: { width: '1000px' },
      'onnk-change': (event: NkChangeEvent) => {
        props.seen.changes.push(event.detail.map);
        setMap(event.detail.map);
      },
      'onnk-select': (event: NkSelectEvent) => {
        props.seen.selections.push(event.detail.actorId);
        setSelected(event.detail.actorId);
      },
    }),
  );
}

function render(element: ReactElement): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  roots.push(root);
  act(() => root.render(element));
  return container;
}

describe('in a React 19 app', () => {
  it('passes lang, storage and map as properties and hears nk-change and nk-select', async () => {
    const initial = { ...createMap({ id: 'react-map' }), title: 'Familjen Lind' };
    const seen: Seen = { changes: [], selections: [] };
    const container = render(createElement(App, { initial, seen, lang: 'en' }));
    const editor = container.querySelector('natverkskarta-editor') as NatverkskartaEditor;
    await editor.updateComplete;
    expect(editor.lang).toBe('en');
    expect(editor.storage).toBe('none');
    expect(editor.map.title).toBe('Familjen Lind');
    expect(editor.shadowRoot!.textContent).toContain('Add contact');

    let id = '';
    await act(async () => {
      id = editor.addActor({ category: 'habilitering', name: 'Sara' });
    });
    expect(seen.changes.at(-1)!.actors.map((actor) => actor.name)).toEqual(['Sara']);
    // React re-renders with the map it got from the event; the editor keeps it (no loop, no lost edit).
    expect(container.querySelector('#summary')!.textContent).toContain('1 contacts');
    expect(editor.map.actors).toHaveLength(1);
    // Handing back the map the editor sent is no replacement: the undo history stays.
    expect(editor.canUndo).toBe(true);

    await act(async () => editor.select(id));
    expect(seen.selections).toContain(id);
    await eventually(() => expect(container.querySelector('#summary')!.textContent).toContain(`selected ${id}`));
  });

  it('switches the language when React passes another lang', async () => {
    const initial = createMap({ id: 'react-lang' });
    const seen: Seen = { changes: [], selections: [] };
    const container = render(createElement(App, { initial, seen, lang: 'en' }));
    const editor = container.querySelector('natverkskarta-editor') as NatverkskartaEditor;
    await editor.updateComplete;
    expect(editor.shadowRoot!.textContent).toContain('Add contact');
    act(() => roots[0]!.render(createElement(App, { initial, seen, lang: 'sv' })));
    await editor.updateComplete;
    expect(editor.shadowRoot!.textContent).toContain('Lägg till kontakt');
  });
});
