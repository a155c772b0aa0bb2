/**
 * A map drawn as it was stored: the first picture does not wait for the layout, which comes after it and checks
 * the stored places then; an actor moves only if it does not fit where it is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMap, saveMap, actorFromInput, deleteAllData, type MapDocument } from 'natverkskarta';
import { mountEditor, uniqueId, unmountAll } from './helpers.js';

afterEach(async () => {
  unmountAll();
  await deleteAllData();
});

/**
 * BUP (Hälso- och sjukvården, below the family) stored up among the family's own contacts, where it does not
 * belong; Försäkringskassan stored where it fits.
 */
function misplaced(id: string): MapDocument {
  const map = createMap({ id, title: 'Familjen Lind' });
  const at = (category: string, x: number, y: number) => ({
    ...actorFromInput({ category }, map, category),
    position: { x, y },
  });
  return { ...map, actors: [at('bup', 0, -260), at('forsakringskassan', 0, 0)] };
}

describe('a stored map and the layout', () => {
  it('checks the stored places once the layout is here, and moves only what does not fit', async () => {
    const id = uniqueId('stored');
    // Försäkringskassan's own place first, as the layout gives it.
    const host = await mountEditor({ storage: 'none' });
    host.map = { ...misplaced(id), actors: [{ ...misplaced(id).actors[1]!, position: null }] };
    await host.updateComplete;
    const laidOut = { ...misplaced(id), actors: [misplaced(id).actors[0]!, host.map.actors[0]!] };
    unmountAll();
    await saveMap(laidOut);
    const editor = await mountEditor({ 'map-id': id });
    await editor.updateComplete;
    const [bup, fk] = editor.map.actors;
    expect(bup!.position!.y).toBeGreaterThan(0);
    expect(fk!.position).toEqual(laidOut.actors[1]!.position);

    // Laid out now: the same map again keeps every place.
    const placed = editor.map;
    unmountAll();
    await saveMap(placed);
    const again = await mountEditor({ 'map-id': id });
    await again.updateComplete;
    expect(again.map.actors.map((actor) => actor.position)).toEqual(placed.actors.map((actor) => actor.position));
  });

  it('does the same for a map the host sets', async () => {
    const editor = await mountEditor({ storage: 'none' });
    editor.map = misplaced('host');
    await editor.updateComplete;
    expect(editor.map.actors[0]!.position!.y).toBeGreaterThan(0);
  });
});
