/**
 * The map a coordinator and a parent look at together: a 30-contact family in a 1280 × 800 window, at the view
 * the editor opens with. Measured on the real DOM in Chromium: everything in view, every text at least 11 CSS px,
 * every name in full, no label over another, no tie or ring line through a label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import type { NatverkskartaEditor } from 'natverkskarta';
import { actorLabel, categoryLabel, translations } from '../../packages/natverkskarta/src/i18n/index.js';
import { FAMILY_30 } from '../fixtures/families.js';
import type { MapPicture } from '../../packages/natverkskarta/src/scene/index.js';
import { $, $$, unmountAll } from './helpers.js';
import 'natverkskarta/define';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Whether the segment runs through the box (Liang–Barsky). */
function crosses(x1: number, y1: number, x2: number, y2: number, box: Box): boolean {
  let low = 0;
  let high = 1;
  for (const [p, q] of [
    [x1 - x2, x1 - box.left],
    [x2 - x1, box.right - x1],
    [y1 - y2, y1 - box.top],
    [y2 - y1, box.bottom - y1],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) low = Math.max(low, r);
    else high = Math.min(high, r);
    if (low > high) return false;
  }
  return true;
}

/** A box shrunk by `by` px on every side: the glyphs' own box is a little smaller than the line's. */
const inset = (box: DOMRect, by = 1): Box => ({
  left: box.left + by,
  top: box.top + by,
  right: box.right - by,
  bottom: box.bottom - by,
});

/** An SVG element's point in screen (CSS) pixels. */
function screenPoint(element: SVGGraphicsElement, x: number, y: number): DOMPoint {
  return new DOMPoint(x, y).matrixTransform(element.getScreenCTM()!);
}

let editor: NatverkskartaEditor;

describe('a 30-contact map in a 1280 × 800 window, at the default view', () => {
  beforeAll(async () => {
    await page.viewport(1280, 800);
    document.body.style.margin = '0';
    editor = document.createElement('natverkskarta-editor');
    editor.setAttribute('storage', 'none');
    document.body.append(editor);
    await editor.updateComplete;
    editor.setTitle('Familjen Lind');
    for (const { tie, ...input } of FAMILY_30) {
      const id = editor.addActor(input);
      if (tie) editor.addTie('centre', id, tie);
    }
    await editor.updateComplete;
    // The glide after the last edit: the default view is the map at rest.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await editor.updateComplete;
  });

  afterAll(unmountAll);

  it('shows the whole map', () => {
    const svg = $<SVGSVGElement>(editor, 'svg.map');
    const view = svg.getBoundingClientRect();
    expect(view.bottom).toBeLessThanOrEqual(800);
    expect(view.right).toBeLessThanOrEqual(1280);
    for (const element of $$<SVGGraphicsElement>(editor, 'svg.map text, svg.map circle.node, svg.map path.wedge')) {
      const box = element.getBoundingClientRect();
      expect(box.left, element.textContent ?? element.tagName).toBeGreaterThanOrEqual(view.left - 0.5);
      expect(box.right, element.textContent ?? element.tagName).toBeLessThanOrEqual(view.right + 0.5);
      expect(box.top, element.textContent ?? element.tagName).toBeGreaterThanOrEqual(view.top - 0.5);
      expect(box.bottom, element.textContent ?? element.tagName).toBeLessThanOrEqual(view.bottom + 0.5);
    }
    expect($$(editor, 'svg.map g.actor[data-actor-id]')).toHaveLength(30);
  });

  it('draws every text on the map at 11 CSS px or more', () => {
    const texts = $$<SVGTextElement>(editor, 'svg.map text');
    expect(texts.length).toBeGreaterThan(60);
    for (const text of texts) {
      const size = Number.parseFloat(getComputedStyle(text).fontSize);
      const scale = text.getScreenCTM()!.a;
      expect(size * scale, text.textContent!).toBeGreaterThanOrEqual(11);
    }
  });

  it('names every contact in full: organisation, or person, and the person under an organisation', () => {
    const t = translations('sv');
    for (const actor of editor.map.actors) {
      const label = $(editor, `g.actor-label[data-actor-id="${actor.id}"]`);
      const shown = label.textContent!.replace(/\s+/g, ' ').trim();
      expect(shown, actor.id).not.toContain('…');
      expect(shown.startsWith(actorLabel(t, actor)), `${shown} / ${actorLabel(t, actor)}`).toBe(true);
      if (actor.organisation && actor.name) expect(shown).toContain(actor.name);
      if (!actor.organisation && actor.name) expect(shown).toContain(actor.role || categoryLabel(t, actor.category));
      // Drawn, not clipped: each line lies wholly inside the map's view.
      for (const line of label.querySelectorAll('text')) expect(line.getComputedTextLength()).toBeGreaterThan(0);
    }
  });

  it('lets no label lie over another, nor over a circle or the family', () => {
    const labels = $$<SVGTextElement>(editor, 'svg.map text:not(.glyph)').map((text) => ({
      text,
      box: inset(text.getBoundingClientRect()),
    }));
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i]!;
        const b = labels[j]!;
        if (a.text.parentElement === b.text.parentElement && a.text.parentElement!.matches('.actor-label, .centre, .sector'))
          continue;
        expect(overlap(a.box, b.box), `"${a.text.textContent}" over "${b.text.textContent}"`).toBe(false);
      }
    const circles = $$<SVGCircleElement>(editor, 'svg.map circle.node').map((circle) => inset(circle.getBoundingClientRect(), 2));
    for (const { text, box } of labels)
      for (const circle of circles) expect(overlap(box, circle), `"${text.textContent}" over a circle`).toBe(false);
  });

  it('paints the scene and nothing else: each actor’s label lines and marks, and every tie', () => {
    // The scene is what the PDF paints too (test/unit/pdf-map.test.ts reads the same lines back from the PDF).
    const scene = (editor as unknown as { picture: MapPicture }).picture.scene(editor.map);
    expect(scene.actors).toHaveLength(30);
    for (const actor of scene.actors) {
      const label = $(editor, `g.actor-label[data-actor-id="${actor.id}"]`);
      expect([...label.querySelectorAll('text')].map((text) => text.textContent)).toEqual(
        actor.label.lines.map((line) => line.text + line.tail),
      );
      const node = $(editor, `g.actor[data-actor-id="${actor.id}"]`);
      expect(node.querySelector('.mark.functioning') !== null, actor.id).toBe(actor.functioning !== null);
      expect(node.querySelector('.mark.consent') !== null, actor.id).toBe(actor.consent);
      expect(node.querySelector('.glyph') !== null, actor.id).toBe(actor.status === 'needed');
    }
    const ties = $$<SVGLineElement>(editor, 'svg.map line.tie[data-tie-id]');
    expect(ties.map((tie) => tie.dataset.tieId)).toEqual(scene.ties.map((tie) => tie.id));
    ties.forEach((tie, i) => {
      const drawn = scene.ties[i]!;
      expect(tie.classList.contains(`tie-${drawn.kind}`)).toBe(true);
      // SVG keeps coordinates in single precision.
      expect(tie.x1.baseVal.value).toBeCloseTo(drawn.x1, 2);
      expect(tie.y1.baseVal.value).toBeCloseTo(drawn.y1, 2);
      expect(tie.x2.baseVal.value).toBeCloseTo(drawn.x2, 2);
      expect(tie.y2.baseVal.value).toBeCloseTo(drawn.y2, 2);
    });
  });

  it('runs no tie and no ring line through a label', () => {
    const labels = $$<SVGTextElement>(editor, 'svg.map text:not(.glyph)').map((text) => ({
      text,
      box: inset(text.getBoundingClientRect()),
    }));
    const ties = $$<SVGLineElement>(editor, 'svg.map line.tie[data-tie-id]');
    expect(ties.length).toBe(FAMILY_30.filter((contact) => contact.tie).length);
    for (const tie of ties) {
      const a = screenPoint(tie, tie.x1.baseVal.value, tie.y1.baseVal.value);
      const b = screenPoint(tie, tie.x2.baseVal.value, tie.y2.baseVal.value);
      for (const { text, box } of labels)
        expect(crosses(a.x, a.y, b.x, b.y, box), `tie ${tie.dataset.from}–${tie.dataset.to} through "${text.textContent}"`).toBe(
          false,
        );
    }
    // The ring lines, walked in steps of about a pixel.
    const rings = $$<SVGPathElement>(editor, 'svg.map path.ring');
    expect(rings).toHaveLength(3);
    for (const ring of rings) {
      const length = ring.getTotalLength();
      for (let at = 0; at <= length; at += 1) {
        const point = ring.getPointAtLength(at);
        const screen = screenPoint(ring, point.x, point.y);
        for (const { text, box } of labels) {
          const inside = screen.x > box.left && screen.x < box.right && screen.y > box.top && screen.y < box.bottom;
          expect(inside, `ring ${ring.dataset.ring} through "${text.textContent}"`).toBe(false);
        }
      }
    }
  });
});
