export const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An empty SVG for what moves over the map (a dragged actor, gliding ones): on a compositor layer of its own, so
 * that a frame repaints it and not the whole map. `name` is its class.
 */
export function mapLayer(name: string): SVGSVGElement {
  const layer = document.createElementNS(SVG_NS, 'svg');
  layer.setAttribute('class', `map-layer ${name}`);
  layer.setAttribute('aria-hidden', 'true');
  return layer;
}

/** Lays `layer` exactly over the map, in the map's view (which a zoom may have changed since). */
export function layOver(svg: SVGSVGElement, layer: SVGSVGElement): void {
  layer.setAttribute('viewBox', svg.getAttribute('viewBox') ?? '');
  layer.setAttribute('preserveAspectRatio', svg.getAttribute('preserveAspectRatio') ?? 'xMidYMid meet');
  // Set through the CSSOM, which a strict Content-Security-Policy allows.
  const box = svg.getBoundingClientRect();
  const parent = svg.parentElement!.getBoundingClientRect();
  layer.style.left = `${box.left - parent.left}px`;
  layer.style.top = `${box.top - parent.top}px`;
  layer.style.width = `${box.width}px`;
  layer.style.height = `${box.height}px`;
  if (layer.previousElementSibling !== svg) svg.after(layer);
}
