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

/** The map's own drawings of an actor (node and label) and of its ties. */
function drawingsOf(editor: NatverkskartaEditor, id: string): SVGElement[] {
  const key = CSS.escape(id);
  return [
    ...shadow(editor).querySelectorAll<SVGElement>(
      `svg.map g.actor[data-actor-id="${key}"], svg.map g.actor-label[data-actor-id="${key}"], svg.map line.tie[data-from="${key}"], svg.map line.tie[data-to="${key}"]`,
    ),
  ];
}

/** Where the map draws an actor's node, from its `translate(x y)`. */
function drawnAt(group: Element): { x: number; y: number } {
  const [x, y] = /translate\(([-\d.e]+) ([-\d.e]+)\)/.exec(group.getAttribute('transform')!)!.slice(1).map(Number);
  return { x: x!, y: y! };
}

/** A map with a crowded slice: each new BUP contact pushes the ones already there aside. */
async function crowdedMap(): Promise<NatverkskartaEditor> {
  const editor = await mountEditor({ storage: 'none' });
  let previous: string | null = null;
  for (let i = 0; i < 6; i++) {
    const id = editor.addActor({ category: 'bup', name: `Kontakt ${i + 1}` });
    if (previous) editor.addTie(previous, id);
    previous = id;
  }
  await editor.updateComplete;
  // The layers come with the forms' chunk, fetched once the map is on screen.
  await eventually(() => expect(shadow(editor).querySelector('.contact-list')).not.toBeNull());
  // The glides of those additions are over.
  for (let i = 0; i < 30; i++) await frame();
  return editor;
}

/** Two frames into the glide an edit starts: well inside its 260 ms. */
async function intoTheGlide(editor: NatverkskartaEditor): Promise<void> {
  await editor.updateComplete;
  await frame();
  await frame();
}

/**
 * Adds one more, and the actors that must move for it, with where they were (they go to their `position`); returns
 * two frames into their glide.
 */
async function addOne(editor: NatverkskartaEditor, name: string) {
  const before = new Map(editor.map.actors.map((actor) => [actor.id, actor.position!]));
  const added = editor.addActor({ category: 'bup', name });
  const moved = editor.map.actors.filter((actor) => {
    const was = before.get(actor.id);
    return was && (was.x !== actor.position!.x || was.y !== actor.position!.y);
  });
  await intoTheGlide(editor);
  return { added, moved, before };
}

describe('the glide after an edit', () => {
  it('draws the actors that move on a layer of their own, and leaves the map as the document has it', async () => {
    const editor = await crowdedMap();
    const { added, moved, before } = await addOne(editor, 'Ny kontakt');
    expect(moved.length).toBeGreaterThan(0);

    const layer = shadow(editor).querySelector('svg.glide-layer');
    expect(layer).not.toBeNull();
    expect(layer!.getAttribute('aria-hidden')).toBe('true');
    const ids = (selector: string) =>
      [...layer!.querySelectorAll(selector)].map((element) => element.getAttribute('data-actor-id'));
    const movedIds = moved.map((actor) => actor.id).sort();
    expect(ids('g.actor').sort()).toEqual(movedIds);
    expect(ids('g.actor-label').sort()).toEqual(movedIds);
    const movingTies = editor.map.ties.filter((tie) => movedIds.includes(tie.from) || movedIds.includes(tie.to));
    expect(movingTies.length).toBeGreaterThan(0);
    expect([...layer!.querySelectorAll('line.tie')].map((line) => line.getAttribute('data-tie-id')).sort()).toEqual(
      movingTies.map((tie) => tie.id).sort(),
    );
    // Laid exactly over the map, in its view.
    const map = shadow(editor).querySelector('svg.map')!;
    expect(layer!.getAttribute('viewBox')).toBe(map.getAttribute('viewBox'));
    const [box, over] = [map.getBoundingClientRect(), layer!.getBoundingClientRect()];
    expect([over.left, over.top, over.width, over.height]).toEqual([box.left, box.top, box.width, box.height]);
    // No tab stop on the layer: the map's own nodes keep the keyboard.
    expect(layer!.querySelectorAll('[tabindex="0"]')).toHaveLength(0);
    for (const actor of moved) {
      // Transparent on the map, not hidden: still in the tab order and the accessibility tree.
      for (const element of drawingsOf(editor, actor.id)) expect(element.style.opacity).toBe('0');
      expect(actorNode(editor, actor.id).checkVisibility()).toBe(true);
      // On its way: no longer where it was, not yet where it goes.
      const at = drawnAt(layer!.querySelector(`g.actor[data-actor-id="${actor.id}"]`)!);
      const from = before.get(actor.id)!;
      const to = actor.position!;
      const along = Math.hypot(at.x - from.x, at.y - from.y) / Math.hypot(to.x - from.x, to.y - from.y);
      expect(along).toBeGreaterThan(0);
      expect(along).toBeLessThan(1);
    }
    // The new actor and those that stay are drawn on the map, where the document has them.
    expect(actorNode(editor, added).style.opacity).toBe('');
    expect(drawnAt(actorNode(editor, added))).toEqual(editor.map.actors.find((actor) => actor.id === added)!.position);

    await eventually(() => expect(shadow(editor).querySelector('svg.glide-layer')).toBeNull());
    expect(shadow(editor).querySelectorAll('[style*="opacity"], [visibility]')).toHaveLength(0);
    for (const actor of editor.map.actors) expect(drawnAt(actorNode(editor, actor.id))).toEqual(actor.position);
  });

  it('takes an edit in the middle of a glide: on from where each actor is, and nothing left hidden', async () => {
    const editor = await crowdedMap();
    await addOne(editor, 'Första');
    expect(shadow(editor).querySelector('svg.glide-layer')).not.toBeNull();
    editor.removeActor(editor.map.actors.at(-1)!.id);
    await editor.updateComplete;
    await eventually(() => {
      for (const actor of editor.map.actors) expect(drawnAt(actorNode(editor, actor.id))).toEqual(actor.position);
    });
    expect(shadow(editor).querySelector('svg.glide-layer')).toBeNull();
    expect(shadow(editor).querySelectorAll('[style*="opacity"], [visibility]')).toHaveLength(0);
  });

  it('glides an actor moved by the keyboard on the map itself, with the focus on it all the way', async () => {
    const editor = await crowdedMap();
    const id = editor.map.actors[0]!.id;
    const node = actorNode(editor, id);
    node.focus();
    const from = drawnAt(node);
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await intoTheGlide(editor);
    const to = editor.map.actors.find((actor) => actor.id === id)!.position!;
    expect(to).not.toEqual(from);
    expect(shadow(editor).querySelector('svg.glide-layer')).toBeNull();
    expect(shadow(editor).activeElement).toBe(node);
    expect(node.style.opacity).toBe('');
    expect(drawnAt(node)).not.toEqual(from);
    await eventually(() => expect(drawnAt(node)).toEqual(to));
    expect(shadow(editor).activeElement).toBe(node);
  });

  it('draws an actor on the map again, with its focus ring, when the arrow keys reach it on its way', async () => {
    const editor = await crowdedMap();
    const { moved } = await addOne(editor, 'Ny kontakt');
    const gliding = moved[0]!;
    const order = editor.map.actors.map((actor) => actor.id);
    const before = actorNode(editor, order[order.indexOf(gliding.id) - 1] ?? order[order.indexOf(gliding.id) + 1]!);
    before.focus();
    await userEvent.keyboard(order.indexOf(gliding.id) > 0 ? '{ArrowRight}' : '{ArrowLeft}');
    const node = actorNode(editor, gliding.id);
    expect(shadow(editor).activeElement).toBe(node);
    await frame();
    expect(node.style.opacity).toBe('');
    expect(shadow(editor).querySelector('svg.glide-layer')).toBeNull();
    await eventually(() => expect(drawnAt(node)).toEqual(gliding.position));
  });

  it('lands the glide when a drag begins, and the dragged actor’s layer shows its ties where they landed', async () => {
    const editor = await crowdedMap();
    const { moved } = await addOne(editor, 'Ny kontakt');
    expect(shadow(editor).querySelector('svg.glide-layer')).not.toBeNull();
    // An actor tied to one that is on its way.
    const tie = editor.map.ties.find((each) => moved.some((actor) => actor.id === each.to) && each.from !== 'centre')!;
    const node = actorNode(editor, tie.from);
    const box = node.getBoundingClientRect();
    const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
    const pointer = (target: Element, type: string, px: number, py: number) =>
      target.dispatchEvent(
        new PointerEvent(type, {
          pointerId: 7,
          pointerType: 'mouse',
          button: 0,
          clientX: px,
          clientY: py,
          bubbles: true,
          composed: true,
        }),
      );
    const map = shadow(editor).querySelector('svg.map')!;
    pointer(node, 'pointerdown', x, y);
    pointer(map, 'pointermove', x + 30, y + 10);
    await editor.updateComplete;
    pointer(map, 'pointermove', x + 40, y + 10);
    expect(shadow(editor).querySelector('svg.glide-layer')).toBeNull();
    const copy = shadow(editor).querySelector<SVGLineElement>(`svg.drag-layer line.tie[data-tie-id="${tie.id}"]`)!;
    expect(copy).not.toBeNull();
    expect(copy.style.opacity).toBe('');
    const landedEnd = [copy.getAttribute('x2'), copy.getAttribute('y2')];
    pointer(map, 'pointercancel', x + 40, y + 10);
    await editor.updateComplete;
    const line = shadow(editor).querySelector(`svg.map line.tie[data-tie-id="${tie.id}"]`)!;
    expect(landedEnd).toEqual([line.getAttribute('x2'), line.getAttribute('y2')]);
    expect(shadow(editor).querySelectorAll('[style*="opacity"], [visibility]')).toHaveLength(0);
  });
});
