/**
 * Layout in Node: `layoutMap(map, { ticks: 300 })` (a first layout: no actor has a position, 300 ticks of d3-force's
 * simulation with the map's forces, then the label relaxation) — tick for tick — against plain d3-force with default forces on the same graph — the same N nodes, the actor–actor
 * ties as links (ties to the family have no node to pull on and are left out), manyBody + link + center,
 * `.stop()` + `.tick(300)`. Warm-up runs first; then the median of several repetitions, alternating the two.
 */
import { forceCenter, forceLink, forceManyBody, forceSimulation } from 'd3-force';
import * as engine from '../../natverkskarta/dist/layout/layout-map.js';
import { layoutMap } from '../../natverkskarta/dist/layout/index.js';
import { estimateText, MapPicture } from '../../natverkskarta/dist/scene/index.js';
import { translations } from '../../natverkskarta/dist/i18n/index.js';

/** As the editor lays out a map: its labels measured (here by Noto's average widths), the frame sized for them. */
const asTheEditorDoes = (map) => new MapPicture(translations('sv'), estimateText, engine).placements(map);
import { benchMap } from './maps.mjs';
import { median, quantile } from './stats.mjs';

const TICKS = 300;

function plainD3(map) {
  const nodes = map.actors.map((actor) => ({ id: actor.id }));
  const ids = new Set(nodes.map((node) => node.id));
  const links = map.ties
    .filter((tie) => ids.has(tie.from) && ids.has(tie.to))
    .map((tie) => ({ source: tie.from, target: tie.to }));
  const simulation = forceSimulation(nodes)
    .force('charge', forceManyBody())
    .force(
      'link',
      forceLink(links).id((node) => node.id),
    )
    .force('center', forceCenter())
    .stop();
  simulation.tick(TICKS);
  return nodes;
}

const REPS = { 10: 25, 40: 15, 200: 9, 500: 7, 1000: 5 };

export function measureLayout(log, sizes = [10, 40, 200, 500, 1000]) {
  const rows = [];
  for (const count of sizes) {
    const map = benchMap(count);
    const reps = REPS[count] ?? 5;
    for (let i = 0; i < 2; i++) {
      layoutMap(map, { ticks: TICKS });
      asTheEditorDoes(map);
      plainD3(map);
    }
    const ours = [];
    const plain = [];
    const asRun = [];
    for (let i = 0; i < reps; i++) {
      let start = performance.now();
      layoutMap(map, { ticks: TICKS });
      ours.push(performance.now() - start);
      start = performance.now();
      plainD3(map);
      plain.push(performance.now() - start);
      // As the editor runs a first layout: labels measured, fewer ticks cooled over them, leftovers settled.
      start = performance.now();
      asTheEditorDoes(map);
      asRun.push(performance.now() - start);
    }
    const row = {
      actors: count,
      ticks: TICKS,
      reps,
      layoutMapMs: median(ours),
      layoutMapP90Ms: quantile(ours, 0.9),
      plainD3Ms: median(plain),
      plainD3P90Ms: quantile(plain, 0.9),
      ratio: median(ours) / median(plain),
      asRunMs: median(asRun),
    };
    rows.push(row);
    log(
      `  ${count} actors: layoutMap ${row.layoutMapMs.toFixed(1)} ms, plain d3-force ${row.plainD3Ms.toFixed(1)} ms (× ${row.ratio.toFixed(2)})`,
    );
  }
  return rows;
}
