/**
 * Deterministic benchmark maps, made with the package's own model functions (from `dist/`), so that every
 * document is one the editor accepts: actors cycle through the catalogue, with a mix of statuses, marks and
 * Swedish names, and about one tie per actor (to the family or to another actor).
 */
import { actorFromInput, CATALOGUE, CENTRE_ID, createMap } from '../../natverkskarta/dist/model/index.js';
import { layoutMap } from '../../natverkskarta/dist/layout/index.js';

const FIRST = ['Anna', 'Björn', 'Åsa', 'Örjan', 'Märta', 'Per', 'Elif', 'Jonas', 'Sara', 'Yusuf', 'Karin', 'Oskar'];
const LAST = ['Öberg', 'Lind', 'Nowak', 'Ström', 'Åkesson', 'Berg', 'Karlsson', 'Holm', 'Ek', 'Sandberg'];
const TIE_KINDS = ['strong', 'normal', 'weak', 'strained'];

/** A map of `count` actors. `positioned`: every actor already placed (as when a stored map is opened). */
export function benchMap(count, { positioned = false, id = `bench-${count}` } = {}) {
  const map = createMap({ id, title: 'Familjen Lind' });
  map.createdAt = map.updatedAt = '2025-01-01T00:00:00.000Z';
  for (let i = 0; i < count; i++) {
    const entry = CATALOGUE[i % CATALOGUE.length];
    const status = i % 7 === 6 ? 'needed' : i % 11 === 10 ? 'ended' : 'active';
    const input = {
      category: entry.id,
      organisation: `${entry.id[0].toUpperCase()}${entry.id.slice(1)} ${Math.floor(i / CATALOGUE.length) + 1}`,
      name: status === 'needed' ? '' : `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
      phone: `010-${String(100000 + i * 7919).slice(0, 3)} ${String(i).padStart(2, '0')} 00`,
      status,
      functioning: status === 'active' ? ['good', 'mixed', 'poor', null][i % 4] : null,
      consent: { given: i % 3 === 0, date: i % 3 === 0 ? '2024-09-01' : '' },
      note: i % 5 === 0 ? 'Träffas varannan vecka; ring före kl. 10.' : '',
    };
    // Checked against the sectors only: the layout is measured past the editor's 500-actor limit too.
    map.actors.push(actorFromInput(input, { ...map, actors: [] }, `a${String(i).padStart(4, '0')}`));
  }
  for (let i = 0; i < count; i++) {
    const from = map.actors[i].id;
    const to = i % 3 === 0 || i < 2 ? CENTRE_ID : map.actors[Math.floor(i / 2)].id;
    map.ties.push({ id: `t${String(i).padStart(4, '0')}`, from, to, kind: TIE_KINDS[i % 4] });
  }
  if (positioned) {
    const positions = layoutMap(map);
    map.actors = map.actors.map((actor) => ({ ...actor, position: positions[actor.id] ?? null }));
  }
  return map;
}
