/**
 * d3-force alone, with the three forces of d3 the editor's layout uses and as it sets them (many-body, collide,
 * link; `layout/layout-map.ts`), on the same actors and ties from the same start spots, stopped and ticked ahead as
 * the editor does for a first layout (60 ticks, cooled over them). Its first run in a fresh page is the least a first
 * layout on d3-force can cost there: the code runs for the first time, before V8 has optimised it.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation } from 'd3-force';

const TICKS = 60;

/** A seeded random source, so that every page runs the same simulation. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * `starts`: where each actor starts, as the editor starts a first layout (its start spots, in layout units);
 * `collideRadius`: the editor's, from its geometry.
 */
function run(doc, { starts, collideRadius }) {
  const start = performance.now();
  const nodes = doc.actors.map((actor, index) => ({ id: actor.id, x: starts[index].x, y: starts[index].y }));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const links = doc.ties
    .filter((tie) => byId.has(tie.from) && byId.has(tie.to))
    .map((tie) => ({ source: byId.get(tie.from), target: byId.get(tie.to) }));
  forceSimulation(nodes)
    .stop()
    .randomSource(seeded(1))
    .alphaDecay(1 - Math.pow(0.001, 1 / TICKS))
    .force('charge', forceManyBody().strength(-40).distanceMax(160))
    .force('collide', forceCollide(collideRadius).strength(0.7))
    .force('link', forceLink(links).distance(120).strength(0.03))
    .tick(TICKS);
  return performance.now() - start;
}

window.d3Force = { run };
window.benchReady = true;
