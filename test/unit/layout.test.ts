import { forceSimulation } from 'd3-force';
import * as engine from '../../packages/natverkskarta/src/layout/layout-map.js';
import { describe, expect, it } from 'vitest';
import { actorFromInput, applyCommand, CATALOGUE, createMap, type MapDocument } from 'natverkskarta';
import {
  angleOf,
  frameFor,
  layoutMap,
  locate,
  outerRadius,
  ringBand,
  STRETCH,
  toLayout,
} from '../../packages/natverkskarta/src/layout/index.js';
import { forceAnchor, forceSlice } from '../../packages/natverkskarta/src/layout/forces.js';
import type { LayoutNode } from '../../packages/natverkskarta/src/layout/fit.js';
import { NodeGrid } from '../../packages/natverkskarta/src/layout/node-grid.js';
import { estimateText, labelPlace, MapPicture, type Scene } from '../../packages/natverkskarta/src/scene/index.js';
import { translations } from '../../packages/natverkskarta/src/i18n/index.js';
import { FAMILY_30 } from '../fixtures/families.js';
import { enterFamily } from '../fixtures/enter-family.js';

const t = translations('sv');

function mapWith(count: number, id = 'layout-test'): MapDocument {
  let map = createMap({ id, title: 'Familjen Test', now: new Date('2026-01-01T00:00:00Z') });
  for (let i = 0; i < count; i++) {
    const entry = CATALOGUE[i % CATALOGUE.length]!;
    const actor = actorFromInput({ category: entry.id, organisation: `Org ${i}` }, map, `a${i}`);
    map = applyCommand(map, { type: 'addActor', actor }).map;
  }
  return map;
}

const entered = (contacts: typeof FAMILY_30, id: string) => enterFamily(contacts, id);

/** The same map placed at once, as an imported file without positions is. */
function laidOutAtOnce(map: MapDocument): MapDocument {
  const fresh = { ...map, actors: map.actors.map((actor) => ({ ...actor, position: null })) };
  return applyCommand(fresh, { type: 'setPositions', positions: new MapPicture(t, estimateText, engine).placements(fresh)! }).map;
}

const sceneOf = (map: MapDocument): Scene => new MapPicture(t, estimateText, engine).scene(map);

/** Pairs of labels whose text lies over each other's, by the scene's own boxes. */
function labelOverlaps(scene: Scene): string[] {
  const boxes = scene.actors.map((actor) => ({
    id: actor.id,
    left: actor.x + actor.label.text.left,
    right: actor.x + actor.label.text.right,
    top: actor.y + actor.label.text.top,
    bottom: actor.y + actor.label.text.bottom,
  }));
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found.push(`${a.id}~${b.id}`);
    }
  return found;
}

describe('layoutMap', () => {
  it('gives the same picture for the same document', () => {
    const map = mapWith(40);
    expect(layoutMap(map)).toEqual(layoutMap(structuredClone(map)));
  });

  it('keeps every circle inside its own sector and ring, and every label inside the map', () => {
    const map = laidOutAtOnce(entered(FAMILY_30, 'inside'));
    const scene = sceneOf(map);
    const { frame } = scene;
    for (const actor of scene.actors) {
      expect(locate(actor, frame), actor.id).toEqual({ sector: actor.actor.sector, ring: actor.actor.ring });
      const at = toLayout(actor);
      const band = ringBand(actor.actor.ring, frame.rings);
      expect(Math.hypot(at.x, at.y)).toBeGreaterThan(band.inner);
      expect(Math.hypot(at.x, at.y)).toBeLessThan(band.outer);
      // The label's corners, inside the outer ring.
      const { box } = actor.label;
      for (const [x, y] of [
        [box.left, box.top],
        [box.right, box.top],
        [box.left, box.bottom],
        [box.right, box.bottom],
      ] as const) {
        const corner = toLayout({ x: actor.x + x, y: actor.y + y });
        expect(Math.hypot(corner.x, corner.y), actor.id).toBeLessThan(outerRadius(frame));
      }
    }
  });

  it('lets no label of a 30-contact family lie over another, entered one contact at a time', () => {
    expect(labelOverlaps(sceneOf(entered(FAMILY_30, 'family-30')))).toEqual([]);
  });

  it('moves the others little when an actor is added', () => {
    const before = entered(FAMILY_30, 'stable');
    const picture = new MapPicture(t, estimateText, engine);
    const after = applyCommand(before, {
      type: 'addActor',
      actor: actorFromInput({ category: 'bup', name: 'Ny' }, before, 'new-one'),
    }).map;
    const positions = picture.placements(after)!;
    expect(positions['new-one']).toBeDefined();
    const moves = before.actors.map((actor) => {
      const to = positions[actor.id] ?? actor.position!;
      return Math.hypot(to.x - actor.position!.x, to.y - actor.position!.y);
    });
    const median = moves.sort((a, b) => a - b)[Math.floor(moves.length / 2)]!;
    expect(median).toBeLessThan(2);
  });

  it('leaves a pinned actor exactly where the user put it', () => {
    let map = laidOutAtOnce(mapWith(10));
    map = applyCommand(map, { type: 'updateActor', id: 'a3', patch: { position: { x: 12.5, y: -250 }, pinned: true } }).map;
    map = applyCommand(map, { type: 'addActor', actor: actorFromInput({ category: 'lss' }, map, 'x') }).map;
    expect(layoutMap(map)['a3']).toEqual({ x: 12.5, y: -250 });
  });
});

describe('the map’s own forces, in d3-force’s simulation', () => {
  it('are initialised by d3 with the nodes and its seeded random source, and keep a node in its slice', () => {
    const frame = frameFor([], createMap().sectors);
    const node: LayoutNode = {
      id: 'n',
      x: 0,
      y: -600,
      arc: frame.arcs[0]!,
      band: frame.rings[1],
      disc: { inner: frame.centreRadius, outer: outerRadius(frame), mid: 0 },
      box: { left: -20, right: 20, top: -20, bottom: 20 },
      anchor: { x: 0, y: -600 },
    };
    let seen: unknown = null;
    const slice = forceSlice();
    const initialize = slice.initialize!;
    slice.initialize = (nodes, random) => {
      seen = random;
      initialize(nodes, random);
    };
    const source = () => 0.5;
    forceSimulation([node]).stop().randomSource(source).force('slice', slice).force('anchor', forceAnchor(0)).tick(200);
    expect(seen).toBe(source);
    const radius = Math.hypot(toLayout(node).x * STRETCH, node.y);
    expect(radius).toBeGreaterThan(frame.rings[1].inner);
    expect(radius).toBeLessThan(frame.rings[1].outer);
  });
});

describe('NodeGrid', () => {
  it('pairs every two nodes within a cell of each other, once, however often it is filled and grown', () => {
    const grid = new NodeGrid(100, 80);
    let seed = 3;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let near = 0;
    for (const count of [10, 100, 37]) {
      const points = Array.from({ length: count }, () => ({ x: next() * 1200 - 600, y: next() * 900 - 450 }));
      const pairs: string[] = [];
      grid.forEachNearPair(points, (a, b) => {
        expect(a).toBeLessThan(b);
        pairs.push(`${a} ${b}`);
      });
      expect(new Set(pairs).size, `${count} nodes`).toBe(pairs.length);
      for (let a = 0; a < count; a++)
        for (let b = a + 1; b < count; b++)
          if (Math.abs(points[b]!.x - points[a]!.x) < 100 && Math.abs(points[b]!.y - points[a]!.y) < 80) {
            near++;
            expect(pairs, `${a} and ${b} of ${count}`).toContain(`${a} ${b}`);
          }
    }
    expect(near).toBeGreaterThan(20);
  });

  it('visits every node within a cell of a segment, once each, and none farther: steep, flat, level, upright and through corners', () => {
    const grid = new NodeGrid(100, 80);
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const points = Array.from({ length: 400 }, () => ({ x: next() * 1400 - 700, y: next() * 1000 - 500 }));
    grid.fill(points);
    const cell = (x: number, y: number) => [Math.floor(x / 100), Math.floor(y / 80)] as const;
    const segments = [
      [-650, -420, 610, 380],
      [-30, -480, 20, 470],
      [-600, 5, 640, 35],
      [-500, 120, 500, 120],
      [250, -400, 250, 300],
      [10, 10, 12, 11],
      // From the family at (0, 0), a corner of four cells, up and to the left, through another corner.
      [0, 0, -300, -400],
    ] as const;
    for (const [x1, y1, x2, y2] of segments) {
      // The cells the segment passes through, found by walking it in steps far finer than a cell.
      const crossed = new Set<string>();
      for (let step = 0; step <= 20000; step++) {
        const [c, r] = cell(x1 + ((x2 - x1) * step) / 20000, y1 + ((y2 - y1) * step) / 20000);
        crossed.add(`${c} ${r}`);
      }
      const near = (index: number) => {
        const [c, r] = cell(points[index]!.x, points[index]!.y);
        for (let i = -1; i <= 1; i++) for (let j = -1; j <= 1; j++) if (crossed.has(`${c + i} ${r + j}`)) return true;
        return false;
      };
      // No farther: the node's block of three by three cells, edges included, meets the segment (a segment that
      // runs along a cell's edge or through its corner may count the cells on both sides).
      const touching = (index: number) => {
        const [c, r] = cell(points[index]!.x, points[index]!.y);
        for (let step = 0; step <= 20000; step++) {
          const x = x1 + ((x2 - x1) * step) / 20000;
          const y = y1 + ((y2 - y1) * step) / 20000;
          if (x >= (c - 1) * 100 && x <= (c + 2) * 100 && y >= (r - 1) * 80 && y <= (r + 2) * 80) return true;
        }
        return false;
      };
      const visited: number[] = [];
      grid.forEachNearSegment(x1, y1, x2, y2, (index) => visited.push(index));
      const line = `${x1},${y1} to ${x2},${y2}`;
      expect(new Set(visited).size, line).toBe(visited.length);
      expect(
        visited.filter((index) => !touching(index)),
        line,
      ).toEqual([]);
      const missed = points.map((_, index) => index).filter((index) => near(index) && !visited.includes(index));
      expect(missed, line).toEqual([]);
    }
  });
});

describe('the frame: sectors and rings', () => {
  it('centres the first sector on twelve o’clock and goes clockwise; a ring by its distance', () => {
    const map = createMap();
    const frame = frameFor([], map.sectors);
    const near = frame.rings[0].mid;
    const sometimes = frame.rings[1].mid;
    expect(locate({ x: 0, y: -near }, frame)).toEqual({ sector: 'family', ring: 1 });
    // Half past one, then half past three: the next sectors clockwise, drawn stretched (see STRETCH).
    expect(locate({ x: sometimes * STRETCH * Math.cos(-Math.PI / 6), y: sometimes * Math.sin(-Math.PI / 6) }, frame)).toEqual({
      sector: 'municipality',
      ring: 2,
    });
    expect(locate({ x: sometimes * STRETCH * Math.cos(Math.PI / 6), y: sometimes * Math.sin(Math.PI / 6) }, frame).sector).toBe(
      'school',
    );
    expect(locate({ x: -1, y: -2000 }, frame)).toEqual({ sector: 'family', ring: 3 });
    expect(angleOf({ x: 0, y: -1 })).toBeCloseTo(-Math.PI / 2);
    expect(labelPlace(frame, 'family')).toBe('above');
    expect(labelPlace(frame, 'region')).toBe('below');
  });

  it('gives a crowded sector more of the circle before any ring grows, and grows a ring only when it must', () => {
    const sectors = createMap().sectors;
    const equal = frameFor([], sectors);
    const few = Array.from({ length: 2 }, (_, i) => ({ id: `s${i}`, sector: 'family', ring: 1 as const }));
    const some = frameFor(few, sectors);
    expect(some.rings).toEqual(equal.rings);
    expect(some.arcs[0]!.end - some.arcs[0]!.start).toBeGreaterThan(equal.arcs[0]!.end - equal.arcs[0]!.start);
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, sector: 'family', ring: 1 as const }));
    expect(frameFor(many, sectors).rings[0].outer).toBeGreaterThan(equal.rings[0].outer);
  });
});

describe('an edit on a large map', () => {
  it('gives the new actor room', () => {
    const picture = new MapPicture(t, estimateText, engine);
    let big = mapWith(120, 'large');
    big = applyCommand(big, { type: 'setPositions', positions: picture.placements(big)! }).map;
    const after = applyCommand(big, {
      type: 'addActor',
      actor: actorFromInput({ category: 'bup', name: 'Ny' }, big, 'newcomer'),
    }).map;
    // Only when the frame keeps its size: a ring that must grow moves everyone in it, by design.
    expect(picture.frame(after).rings).toEqual(picture.frame(big).rings);
    expect(picture.frame(after).arcs).toEqual(picture.frame(big).arcs);
    const positions = picture.placements(after)!;
    expect(positions['newcomer']).toBeDefined();
    const placed = applyCommand(after, { type: 'setPositions', positions }).map;
    expect(labelOverlaps(picture.scene(placed)).filter((pair) => pair.includes('newcomer'))).toEqual([]);
  });
});
