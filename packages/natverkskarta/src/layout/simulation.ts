import type { Force, LayoutNode } from './forces.js';

export interface SimulationOptions {
  alpha: number;
  ticks: number;
  random: () => number;
  forces: readonly Force[];
}

/** d3's default: velocity loses 40 % a tick. */
const VELOCITY_DECAY = 0.6;

/**
 * The ticks of a force simulation as d3-force runs one (its velocity decay, its cooling of alpha), computed
 * ahead. d3's `forceSimulation` also runs a timer and dispatches events, which a layout computed ahead never
 * uses; this loop spares the editor's bundle d3-timer and d3-dispatch. The forces have d3-force's shape.
 */
export function simulate(nodes: LayoutNode[], options: SimulationOptions): void {
  for (const node of nodes) {
    node.vx ??= 0;
    node.vy ??= 0;
  }
  for (const force of options.forces) force.initialize?.(nodes, options.random);
  // As d3 cools alpha to 0.001 over its 300 ticks, this cools it over the ticks asked for: a layout computed in
  // fewer ticks still settles rather than stopping warm.
  const alphaDecay = 1 - Math.pow(0.001, 1 / Math.max(1, options.ticks));
  let alpha = options.alpha;
  for (let tick = 0; tick < options.ticks; tick++) {
    alpha += (0 - alpha) * alphaDecay;
    for (const force of options.forces) force(alpha);
    for (const node of nodes) {
      if (node.fx == null) node.x += node.vx = (node.vx ?? 0) * VELOCITY_DECAY;
      else {
        node.x = node.fx;
        node.vx = 0;
      }
      if (node.fy == null) node.y += node.vy = (node.vy ?? 0) * VELOCITY_DECAY;
      else {
        node.y = node.fy;
        node.vy = 0;
      }
    }
  }
}
