import { forceManyBody } from 'd3-force';
import { describe, expect, it } from 'vitest';
import { actorFromInput, applyCommand, CATALOGUE, createMap, type MapDocument } from 'natverkskarta';
import {
  angleOf,
  LABEL_WIDTH,
  layoutMap,
  locate,
  NODE_BOX_HEIGHT,
  ringBand,
  ringsFor,
  sectorArc,
  type Positions,
} from '../../packages/natverkskarta/src/layout/index.js';
import { forceRepel, type LayoutNode } from '../../packages/natverkskarta/src/layout/forces.js';
import { NodeGrid } from '../../packages/natverkskarta/src/layout/node-grid.js';

function mapWith(count: number, id = 'layout-test'): MapDocument {
  let map = createMap({ id, title: 'Familjen Test', now: new Date('2026-01-01T00:00:00Z') });
  for (let i = 0; i < count; i++) {
    const entry = CATALOGUE[i % CATALOGUE.length]!;
    const actor = actorFromInput({ category: entry.id, organisation: `Org ${i}` }, map, `a${i}`);
    map = applyCommand(map, { type: 'addActor', actor }).map;
  }
  return map;
}

function place(map: MapDocument, positions: Positions): MapDocument {
  return applyCommand(map, { type: 'setPositions', positions }).map;
}

function overlaps(positions: Positions): number {
  const points = Object.values(positions);
  let count = 0;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i]!;
      const b = points[j]!;
      // Allow a few map units of slack: the force separates, it does not solve exactly.
      if (Math.abs(a.x - b.x) < LABEL_WIDTH - 8 && Math.abs(a.y - b.y) < NODE_BOX_HEIGHT - 8) count++;
    }
  return count;
}

describe('layoutMap', () => {
  it('gives the same picture for the same document', () => {
    const map = mapWith(40);
    expect(layoutMap(map)).toEqual(layoutMap(structuredClone(map)));
  });

  it('keeps every actor inside its own sector and ring', () => {
    const map = mapWith(40);
    const positions = layoutMap(map);
    for (const actor of map.actors) {
      const point = positions[actor.id]!;
      const index = map.sectors.findIndex((s) => s.id === actor.sector);
      const arc = sectorArc(index, map.sectors.length);
      const rings = ringsFor(map.actors, map.sectors.length);
      const band = ringBand(actor.ring, rings);
      const radius = Math.hypot(point.x, point.y);
      expect(radius, actor.id).toBeGreaterThanOrEqual(band.inner);
      expect(radius, actor.id).toBeLessThanOrEqual(band.outer);
      const angle = angleOf(point);
      expect(angle, actor.id).toBeGreaterThanOrEqual(arc.start);
      expect(angle, actor.id).toBeLessThanOrEqual(arc.end);
      expect(locate(point, map.sectors, rings)).toEqual({ sector: actor.sector, ring: actor.ring });
    }
  });

  it('keeps labels of a 40-actor map from overlapping', () => {
    expect(overlaps(layoutMap(mapWith(40)))).toBe(0);
  });

  it('moves the others little when an actor is added', () => {
    const before = place(mapWith(30), layoutMap(mapWith(30)));
    const actor = actorFromInput({ category: 'bup', name: 'Ny' }, before, 'new-one');
    const after = applyCommand(before, { type: 'addActor', actor }).map;
    const positions = layoutMap(after);
    const moves = before.actors.map((a) => Math.hypot(positions[a.id]!.x - a.position!.x, positions[a.id]!.y - a.position!.y));
    const median = moves.sort((a, b) => a - b)[Math.floor(moves.length / 2)]!;
    expect(median).toBeLessThan(2);
    expect(Math.max(...moves)).toBeLessThan(40);
    expect(positions['new-one']).toBeDefined();
  });

  it('lays out crowded maps of 300 and 500 actors with no label over another', () => {
    // Crowded slices once started several actors on one spot; torn apart in random directions, they settled
    // with labels over each other.
    for (const [count, id] of [
      [300, 'crowded-a'],
      [300, 'crowded-b'],
      [500, 'crowded-c'],
    ] as const)
      expect(overlaps(layoutMap(mapWith(count, id))), id).toBe(0);
    let siblings = createMap({ id: 'one-slice' });
    for (let i = 0; i < 100; i++) {
      const actor = actorFromInput({ category: 'syskon', ring: 1, organisation: `Syskon ${i}` }, siblings, `s${i}`);
      siblings = applyCommand(siblings, { type: 'addActor', actor }).map;
    }
    expect(overlaps(layoutMap(siblings)), 'a hundred actors in one slice').toBe(0);
  });

  it('leaves a pinned actor exactly where the user put it', () => {
    let map = place(mapWith(10), layoutMap(mapWith(10)));
    map = applyCommand(map, { type: 'updateActor', id: 'a3', patch: { position: { x: 12.5, y: -250 }, pinned: true } }).map;
    map = applyCommand(map, { type: 'addActor', actor: actorFromInput({ category: 'lss' }, map, 'x') }).map;
    expect(layoutMap(map)['a3']).toEqual({ x: 12.5, y: -250 });
  });
});

describe('forceRepel', () => {
  const scattered = (): LayoutNode[] => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const nodes = Array.from({ length: 200 }, (_, index) => ({
      id: `n${index}`,
      // d3's force reads each node's charge by its index, which d3's simulation would set.
      index,
      x: next() * 1400 - 700,
      y: next() * 1400 - 700,
      vx: 0,
      vy: 0,
      angleStart: 0,
      angleEnd: 1,
      radiusInner: 0,
      radiusOuter: 1,
      // Anchored actors carry no charge in an edit's layout: they are pushed, they do not push.
      anchor: index % 4 === 0 ? { x: 0, y: 0 } : null,
    }));
    // Two closer than d3's distanceMin of 1, where the push stops growing.
    nodes[1]!.x = nodes[0]!.x + 0.3;
    nodes[1]!.y = nodes[0]!.y + 0.4;
    return nodes;
  };
  const charge = (node: LayoutNode) => (node.anchor ? 0 : -40);

  it('pushes as d3-force’s many-body force does, summed exactly within reach', () => {
    const ours = scattered();
    const d3s = scattered();
    const repel = forceRepel(charge, 160);
    repel.initialize!(ours, Math.random);
    repel(0.7);
    const reference = forceManyBody<LayoutNode>().strength(charge).distanceMax(160).theta(0);
    reference.initialize(d3s, Math.random);
    reference(0.7);
    let pushed = 0;
    for (let i = 0; i < ours.length; i++) {
      expect(ours[i]!.vx).toBeCloseTo(d3s[i]!.vx!, 9);
      expect(ours[i]!.vy).toBeCloseTo(d3s[i]!.vy!, 9);
      if (Math.hypot(ours[i]!.vx!, ours[i]!.vy!) > 0.01) pushed++;
    }
    expect(pushed).toBeGreaterThan(150);
  });

  it('pushes two actors on one spot apart, in opposite directions', () => {
    const [one, other] = scattered();
    other!.x = one!.x;
    other!.y = one!.y;
    const repel = forceRepel(() => -40);
    repel.initialize!([one!, other!], () => 0.9);
    repel(1);
    expect(Math.hypot(one!.vx!, one!.vy!)).toBeGreaterThan(1);
    expect(one!.vx).toBeCloseTo(-other!.vx!, 9);
    expect(one!.vy).toBeCloseTo(-other!.vy!, 9);
  });
});

describe('NodeGrid', () => {
  it('pairs every two nodes within a cell of each other, once, however often it is filled and grown', () => {
    const grid = new NodeGrid(100, 80, 16);
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
});

describe('locate', () => {
  it('finds the sector and ring of a point: twelve o’clock is the first sector, clockwise', () => {
    const map = createMap();
    const rings = ringsFor([], map.sectors.length);
    const near = rings[0].mid;
    const sometimes = rings[1].mid;
    expect(locate({ x: 1, y: -near }, map.sectors, rings)).toEqual({ sector: 'family', ring: 1 });
    expect(locate({ x: sometimes, y: 10 }, map.sectors, rings)).toEqual({ sector: 'municipality', ring: 2 });
    expect(locate({ x: sometimes * Math.cos(1.2), y: sometimes * Math.sin(1.2) }, map.sectors, rings)).toEqual({
      sector: 'school',
      ring: 2,
    });
    expect(locate({ x: -1, y: -2000 }, map.sectors, rings)).toEqual({ sector: 'civil', ring: 3 });
  });
});

describe('ringsFor', () => {
  it('widens a ring whose slice holds more actors than fit, so that no label overlaps', () => {
    let map = createMap({ id: 'crowded' });
    for (let i = 0; i < 14; i++)
      map = applyCommand(map, { type: 'addActor', actor: actorFromInput({ category: 'syskon', ring: 1 }, map, `s${i}`) }).map;
    const normal = ringsFor([], 6);
    const crowded = ringsFor(map.actors, 6);
    expect(crowded[0].outer).toBeGreaterThan(normal[0].outer);
    expect(overlaps(layoutMap(map))).toBe(0);
  });
});

describe('an edit on a large map', () => {
  it('moves nothing far from the new actor, and gives it room', () => {
    const big = place(mapWith(300, 'large'), layoutMap(mapWith(300, 'large')));
    const actor = actorFromInput({ category: 'bup', name: 'Ny' }, big, 'newcomer');
    const after = applyCommand(big, { type: 'addActor', actor }).map;
    // Only when the rings keep their size: a ring that must grow moves everyone in it, by design.
    expect(ringsFor(after.actors, 6)).toEqual(ringsFor(big.actors, 6));
    const positions = layoutMap(after);
    const at = positions['newcomer']!;
    for (const other of big.actors) {
      const moved = Math.hypot(positions[other.id]!.x - other.position!.x, positions[other.id]!.y - other.position!.y);
      const distance = Math.hypot(other.position!.x - at.x, other.position!.y - at.y);
      if (distance > 600) expect(moved, other.id).toBe(0);
    }
    const crowding = Object.entries(positions).filter(
      ([id, p]) => id !== 'newcomer' && Math.abs(p.x - at.x) < LABEL_WIDTH - 8 && Math.abs(p.y - at.y) < NODE_BOX_HEIGHT - 8,
    );
    expect(crowding).toEqual([]);
  });
});
