import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { $, button, mountEditor, unmountAll } from './helpers.js';

afterEach(unmountAll);

function viewBox(svg: Element): number[] {
  return svg.getAttribute('viewBox')!.split(' ').map(Number);
}

function touch(svg: Element, type: string, pointerId: number, x: number, y: number): void {
  svg.dispatchEvent(
    new PointerEvent(type, {
      pointerId,
      pointerType: 'touch',
      clientX: x,
      clientY: y,
      bubbles: true,
      isPrimary: pointerId === 1,
    }),
  );
}

describe('zoom, pan and fit', () => {
  it('zooms with the buttons and fits the whole map again', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const svg = $(editor, 'svg.map');
    const fitted = viewBox(svg);
    await userEvent.click(button(editor, 'Zooma in'));
    await editor.updateComplete;
    expect(viewBox(svg)[2]).toBeCloseTo(fitted[2]! / 1.25);
    await userEvent.click(button(editor, 'Anpassa vy'));
    await editor.updateComplete;
    expect(viewBox(svg)).toEqual(fitted);
  });

  it('pans with one finger and zooms with a pinch of two', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const svg = $(editor, 'svg.map');
    const box = svg.getBoundingClientRect();
    const cx = box.left + box.width / 2;
    const cy = box.top + box.height / 2;
    const start = viewBox(svg);

    touch(svg, 'pointerdown', 1, cx, cy);
    touch(svg, 'pointermove', 1, cx + 60, cy + 30);
    touch(svg, 'pointerup', 1, cx + 60, cy + 30);
    await editor.updateComplete;
    const panned = viewBox(svg);
    expect(panned[0]).toBeLessThan(start[0]!);
    expect(panned[1]).toBeLessThan(start[1]!);
    expect(panned[2]).toBe(start[2]);

    touch(svg, 'pointerdown', 1, cx - 40, cy);
    touch(svg, 'pointerdown', 2, cx + 40, cy);
    touch(svg, 'pointermove', 2, cx + 120, cy);
    touch(svg, 'pointerup', 1, cx - 40, cy);
    touch(svg, 'pointerup', 2, cx + 120, cy);
    await editor.updateComplete;
    expect(viewBox(svg)[2]).toBeLessThan(panned[2]! * 0.8);
  });

  it('zooms with Ctrl + wheel around the pointer, and leaves a plain wheel to scroll the page', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const svg = $(editor, 'svg.map');
    const start = viewBox(svg);
    const box = svg.getBoundingClientRect();
    svg.dispatchEvent(
      new WheelEvent('wheel', { deltaY: 100, clientX: box.left + 10, clientY: box.top + 10, bubbles: true, cancelable: true }),
    );
    await editor.updateComplete;
    expect(viewBox(svg)).toEqual(start);
    svg.dispatchEvent(
      new WheelEvent('wheel', {
        deltaY: -200,
        ctrlKey: true,
        clientX: box.left + 10,
        clientY: box.top + 10,
        bubbles: true,
        cancelable: true,
      }),
    );
    await editor.updateComplete;
    expect(viewBox(svg)[2]).toBeLessThan(start[2]!);
  });
});

describe('dragging an actor', () => {
  function pointer(target: Element, type: string, x: number, y: number): void {
    target.dispatchEvent(
      new PointerEvent(type, {
        pointerId: 7,
        pointerType: 'mouse',
        button: 0,
        clientX: x,
        clientY: y,
        bubbles: true,
        composed: true,
      }),
    );
  }

  it('draws the dragged actor on a layer of its own, and leaves nothing behind on drop or cancel', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const a = editor.addActor({ category: 'bup', name: 'Dras' });
    const b = editor.addActor({ category: 'lss' });
    editor.addTie(a, b, 'weak');
    await editor.updateComplete;
    const svg = $(editor, 'svg.map');
    const node = editor.shadowRoot!.querySelector(`g.actor[data-actor-id="${a}"]`)!;
    const box = node.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;

    pointer(node, 'pointerdown', x, y);
    pointer(svg, 'pointermove', x + 40, y + 10);
    pointer(svg, 'pointermove', x + 60, y + 20);
    const layer = editor.shadowRoot!.querySelector('svg.drag-layer')!;
    expect(layer).not.toBeNull();
    expect(layer.querySelectorAll('g.actor, g.actor-label, line.tie')).toHaveLength(3);
    expect(node.getAttribute('visibility')).toBe('hidden');
    expect(editor.map.actors[0]!.pinned).toBe(false);

    pointer(svg, 'pointercancel', x + 60, y + 20);
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('svg.drag-layer')).toBeNull();
    expect(node.hasAttribute('visibility')).toBe(false);
    expect(editor.map.actors[0]!.pinned).toBe(false);

    pointer(node, 'pointerdown', x, y);
    pointer(svg, 'pointermove', x + 50, y);
    pointer(svg, 'pointerup', x + 50, y);
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('svg.drag-layer')).toBeNull();
    expect(editor.shadowRoot!.querySelectorAll('[visibility="hidden"]')).toHaveLength(0);
    expect(editor.map.actors[0]!.pinned).toBe(true);
  });
});
