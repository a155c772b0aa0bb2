import { render, svg } from 'lit';
import { layOver, mapLayer } from './map-layer.js';
import { renderActor, renderLabel, renderTie, type MapViewState } from './map-view.js';

/**
 * While actors glide to their places after an edit, they (nodes, labels and the ties that move with them) are
 * drawn on an SVG of their own laid over the map, and their drawings on the map are made transparent. A step
 * of the glide then renders and repaints a few actors, not the whole map: on a map of hundreds of actors every
 * step was a render and a repaint of all of them (see docs/performance.md). The last step takes the layer away,
 * and the map is drawn again with everything where it landed. For 260 ms what moves is drawn over what stands.
 */
export class GlideLayer {
  private layer: SVGSVGElement | null = null;
  private hidden: SVGElement[] = [];

  /**
   * Draws a step: the actors in `moving`, as `view` has them now. `view` null ends the glide. False, with the
   * layer gone, when the map must draw the step itself: it is not on screen, or an actor that moves has the
   * focus (its focus ring moves with it, on the map).
   */
  draw(map: SVGSVGElement | null, view: (() => MapViewState) | null, moving: ReadonlySet<string>): boolean {
    if (!map || !view || holdsFocus(map, moving)) {
      this.end();
      return false;
    }
    const state = view();
    const actors = state.scene.actors.filter((item) => moving.has(item.id));
    const ties = state.scene.ties.filter((tie) => moving.has(tie.from) || moving.has(tie.to));
    const layer = (this.layer ??= mapLayer('glide-layer'));
    layOver(map, layer);
    // The same drawings as on the map, with no tab stop among them.
    const still = { ...state, focusId: null };
    render(
      svg`<g class="ties">${ties.map(renderTie)}</g><g class="actors">${actors.map((item) => renderActor(still, item))}</g><g class="labels">${actors.map((item) => renderLabel(still, item))}</g>`,
      layer,
    );
    if (this.hidden.length === 0) this.hide(map, moving);
    return true;
  }

  end(): void {
    for (const element of this.hidden) element.style.removeProperty('opacity');
    this.hidden = [];
    this.layer?.remove();
    this.layer = null;
  }

  private hide(map: SVGSVGElement, moving: ReadonlySet<string>): void {
    const drawn = map.querySelectorAll<SVGElement>('g.actor, g.actor-label, line.tie');
    this.hidden = [...drawn].filter((element) => {
      const { actorId, from, to } = element.dataset;
      return moving.has(actorId ?? from ?? '') || (to !== undefined && moving.has(to));
    });
    // Transparent, not hidden: a node stays in the tab order and the accessibility tree, and one that takes the
    // focus on its way is drawn on the map again from the next step (see `holdsFocus`).
    for (const element of this.hidden) element.style.opacity = '0';
  }
}

function holdsFocus(map: SVGSVGElement, moving: ReadonlySet<string>): boolean {
  const focused = (map.getRootNode() as ShadowRoot).activeElement;
  const id = focused instanceof SVGElement ? focused.closest<SVGElement>('g.actor')?.dataset.actorId : undefined;
  return id !== undefined && moving.has(id);
}
