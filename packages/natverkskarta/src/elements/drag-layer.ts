import type { Point } from '../model/types.js';
import { layOver, mapLayer, SVG_NS } from './map-layer.js';

/**
 * While an actor is dragged, it — node, label and ties — is drawn on a small SVG of its own laid over the map,
 * on a compositor layer of its own, and the originals are hidden. A move then repaints that layer only, not the
 * whole map: with 200 actors that is the difference between every other frame late and none (see
 * docs/performance.md). Drop or cancel ends it, and the next render draws the actor where it landed.
 */
export class DragLayer {
  private layer: SVGSVGElement | null = null;
  private id = '';
  private moving: SVGGElement[] = [];
  private fromEnds: SVGLineElement[] = [];
  private toEnds: SVGLineElement[] = [];
  private hidden: Element[] = [];

  move(svg: SVGSVGElement, id: string, at: Point): void {
    if (this.id !== id || !this.layer) this.begin(svg, id);
    const transform = `translate(${at.x} ${at.y})`;
    for (const group of this.moving) group.setAttribute('transform', transform);
    for (const line of this.fromEnds) {
      line.setAttribute('x1', String(at.x));
      line.setAttribute('y1', String(at.y));
    }
    for (const line of this.toEnds) {
      line.setAttribute('x2', String(at.x));
      line.setAttribute('y2', String(at.y));
    }
  }

  end(): void {
    for (const element of this.hidden) element.removeAttribute('visibility');
    this.layer?.remove();
    this.layer = null;
    this.id = '';
    this.moving = [];
    this.fromEnds = [];
    this.toEnds = [];
    this.hidden = [];
  }

  private begin(svg: SVGSVGElement, id: string): void {
    this.end();
    const key = CSS.escape(id);
    const layer = mapLayer('drag-layer');
    const ties = document.createElementNS(SVG_NS, 'g');
    const lines = [...svg.querySelectorAll<SVGLineElement>(`line.tie[data-from="${key}"], line.tie[data-to="${key}"]`)];
    for (const line of lines) {
      const copy = line.cloneNode(true) as SVGLineElement;
      ties.append(copy);
      if (line.dataset.from === id) this.fromEnds.push(copy);
      if (line.dataset.to === id) this.toEnds.push(copy);
    }
    layer.append(ties);
    const groups = [
      ...svg.querySelectorAll<SVGGElement>(`g.actor[data-actor-id="${key}"], g.actor-label[data-actor-id="${key}"]`),
    ];
    for (const group of groups) {
      const copy = group.cloneNode(true) as SVGGElement;
      copy.removeAttribute('tabindex');
      copy.removeAttribute('role');
      layer.append(copy);
      this.moving.push(copy);
    }
    this.hidden = [...lines, ...groups];
    for (const element of this.hidden) element.setAttribute('visibility', 'hidden');
    layOver(svg, layer);
    this.layer = layer;
    this.id = id;
  }
}
