/**
 * A step of a glide: the actors and their ties are drawn where the animation has them, and everything else (the
 * rings' names and gaps, the sectors' names, the legend) holds still where the document has it.
 */
import { describe, expect, it } from 'vitest';
import * as engine from '../../packages/natverkskarta/src/layout/layout-map.js';
import { translations } from '../../packages/natverkskarta/src/i18n/index.js';
import { estimateText, MapPicture } from '../../packages/natverkskarta/src/scene/index.js';
import { FAMILY_60 } from '../fixtures/families.js';
import { enterFamily } from '../fixtures/enter-family.js';

describe('the scene of a step of an animation', () => {
  const map = enterFamily(FAMILY_60.slice(0, 20), 'motion', { prefix: 'm' });
  const picture = new MapPicture(translations('sv'), estimateText, engine);
  const still = picture.scene(map);
  const gliding = map.actors.find((actor) => map.ties.some((tie) => tie.to === actor.id))!;
  // On its way across the innermost ring at twelve o'clock, where that ring's name stands when the spot is free.
  const ring = still.frame.rings[0]!;
  const at = { x: 0, y: -ring.outer };
  const step = picture.scene(map, (actor) => (actor.id === gliding.id ? at : (actor.position ?? undefined)));

  it('draws the gliding actor, and its ties, where the animation has it', () => {
    expect(step.actors.find((actor) => actor.id === gliding.id)).toMatchObject({ x: at.x, y: at.y });
    const ties = map.ties.filter((tie) => tie.from === gliding.id || tie.to === gliding.id).map((tie) => tie.id);
    expect(ties.length).toBeGreaterThan(0);
    for (const id of ties) expect(step.ties.find((tie) => tie.id === id)).not.toEqual(still.ties.find((tie) => tie.id === id));
    for (const tie of step.ties.filter((tie) => !ties.includes(tie.id)))
      expect(tie).toEqual(still.ties.find((other) => other.id === tie.id));
    const others = step.actors.filter((actor) => actor.id !== gliding.id);
    expect(others).toEqual(still.actors.filter((actor) => actor.id !== gliding.id));
  });

  it('keeps the rings, their names and gaps, the sectors and the legend where the document has them', () => {
    expect(step.rings).toEqual(still.rings);
    expect(step.sectors).toEqual(still.sectors);
    expect(step.legend).toEqual(still.legend);
    expect(step.centre).toEqual(still.centre);
    expect(step.frame).toBe(still.frame);
    expect(step.bounds).toEqual(still.bounds);
  });

  it('leaves the document’s own scene as it was', () => {
    expect(picture.scene(map)).toBe(still);
    expect(still.actors.find((actor) => actor.id === gliding.id)).toMatchObject(gliding.position!);
  });
});
