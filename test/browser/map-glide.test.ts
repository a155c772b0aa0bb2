/**
 * After an edit, the actors that make room glide to their places. While they do, they are drawn on a layer of their
 * own over the map, their drawings on the map hidden, and at the end the map shows everything where it landed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { NatverkskartaEditor } from 'natverkskarta';
import { actorNode, eventually, mountEditor, shadow, unmountAll } from './helpers.js';

afterEach(unmountAll);

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Where the map draws an actor's node, from its `translate(x y)`. */
function drawnAt(group: Element): { x: number; y: number } {
  const [x, y] = /translate\(([-\d.e]+) ([-\d.e]+)\)/.exec(group.getAttribute('transform')!)!.slice(1).map(Number);
  return { x: x!, y: y! };
}

/** A map with a crowded slice: each new BUP contact pushes the ones already there aside. */
async function crowdedMap(): Promise<NatverkskartaEditor> {
  const editor = await mountEditor({ storage: 'none' });
  for (let i = 0; i < 6; i++) editor.addActor({ category: 'bup', name: `Kontakt ${i + 1}` });
  await editor.updateComplete;
  // The layers come with the forms' chunk, fetched once the map is on screen.
  await eventually(() => expect(shadow(editor).querySelector('.contact-list')).not.toBeNull());
  // The glides of those additions are over.
  for (let i = 0; i < 30; i++) await frame();
  return editor;
}

/** Adds one more, and the ids of the actors that must move for it, with where they were and where they go. */
function addOne(editor: NatverkskartaEditor, name: string) {
  const before = new Map(editor.map.actors.map((actor) => [actor.id, actor.position!]));
  const added = editor.addActor({ category: 'bup', name });
  const moved = editor.map.actors.filter((actor) => {
    const was = before.get(actor.id);
    return was && (was.x !== actor.position!.x || was.y !== actor.position!.y);
  });
  return { added, moved, before };
}

describe('the glide after an edit', () => {
  it('draws the actors that move on a layer of their own, and leaves the map as the document has it', async () => {
    const editor = await crowdedMap();
    const { added, moved, before } = addOne(editor, 'Ny kontakt');
    expect(moved.length).toBeGreaterThan(0);
    await editor.updateComplete;
    await frame();
    await frame();

    const layer = shadow(editor).querySelector('svg.glide-layer');
    expect(layer).not.toBeNull();
    expect(layer!.getAttribute('aria-hidden')).toBe('true');
    const onLayer = [...layer!.querySelectorAll('g.actor')].map((group) => group.getAttribute('data-actor-id'));
    expect(onLayer.sort()).toEqual(moved.map((actor) => actor.id).sort());
    // No tab stop on the layer: the map's own nodes keep the keyboard.
    expect(layer!.querySelectorAll('[tabindex="0"]')).toHaveLength(0);
    for (const actor of moved) {
      expect(actorNode(editor, actor.id).getAttribute('visibility')).toBe('hidden');
      // On its way: no longer where it was, not yet where it goes.
      const at = drawnAt(layer!.querySelector(`g.actor[data-actor-id="${actor.id}"]`)!);
      const from = before.get(actor.id)!;
      const to = actor.position!;
      const along = Math.hypot(at.x - from.x, at.y - from.y) / Math.hypot(to.x - from.x, to.y - from.y);
      expect(along).toBeGreaterThan(0);
      expect(along).toBeLessThan(1);
    }
    // The new actor and those that stay are drawn on the map, where the document has them.
    expect(actorNode(editor, added).hasAttribute('visibility')).toBe(false);
    expect(drawnAt(actorNode(editor, added))).toEqual(editor.map.actors.find((actor) => actor.id === added)!.position);

    await eventually(() => expect(shadow(editor).querySelector('svg.glide-layer')).toBeNull());
    expect(shadow(editor).querySelectorAll('[visibility]')).toHaveLength(0);
    for (const actor of editor.map.actors) expect(drawnAt(actorNode(editor, actor.id))).toEqual(actor.position);
  });

  it('takes an edit in the middle of a glide: on from where each actor is, and nothing left hidden', async () => {
    const editor = await crowdedMap();
    addOne(editor, 'Första');
    await editor.updateComplete;
    await frame();
    await frame();
    expect(shadow(editor).querySelector('svg.glide-layer')).not.toBeNull();
    editor.removeActor(editor.map.actors.at(-1)!.id);
    await editor.updateComplete;
    await eventually(() => {
      for (const actor of editor.map.actors) expect(drawnAt(actorNode(editor, actor.id))).toEqual(actor.position);
    });
    expect(shadow(editor).querySelector('svg.glide-layer')).toBeNull();
    expect(shadow(editor).querySelectorAll('[visibility]')).toHaveLength(0);
  });

  it('glides an actor moved by the keyboard on the map itself, with the focus on it all the way', async () => {
    const editor = await crowdedMap();
    const id = editor.map.actors[0]!.id;
    const node = actorNode(editor, id);
    node.focus();
    const from = drawnAt(node);
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await editor.updateComplete;
    await frame();
    await frame();
    const to = editor.map.actors.find((actor) => actor.id === id)!.position!;
    expect(to).not.toEqual(from);
    expect(shadow(editor).querySelector('svg.glide-layer')).toBeNull();
    expect(shadow(editor).activeElement).toBe(node);
    expect(node.hasAttribute('visibility')).toBe(false);
    expect(drawnAt(node)).not.toEqual(from);
    await eventually(() => expect(drawnAt(node)).toEqual(to));
    expect(shadow(editor).activeElement).toBe(node);
  });
});
