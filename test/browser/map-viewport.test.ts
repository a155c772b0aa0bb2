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
