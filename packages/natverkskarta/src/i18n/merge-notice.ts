import { findActor } from '../model/document.js';
import type { MergeConflict } from '../model/merge.js';
import { CENTRE_ID, type Actor, type MapDocument } from '../model/types.js';
import { actorLabel, isolate, mapTitle } from './index.js';
import type { Translations } from './translations.js';

/** The merge's part of a note from the sync, as the store sends it. */
export interface MergeNotice {
  conflicts: readonly MergeConflict[];
  actors: readonly Actor[];
  copyTitle?: string;
}

/**
 * What a user is told after two tabs changed the same things, in the user's language: which fields of which
 * contacts, where the other version went, and which contacts stayed. `doc` is the merged map, which holds every
 * contact named. `side` is `here` in the tab that saved last and merged, `there` in every other tab.
 */
export function mergeNotice(t: Translations, note: MergeNotice, doc: MapDocument, side: 'here' | 'there'): string {
  const { ui, fields } = t;
  const name = (id: string) => {
    const actor = findActor(doc, id) ?? note.actors.find((named) => named.id === id);
    return isolate(actor ? actorLabel(t, actor) : id === CENTRE_ID ? mapTitle(t, doc) : '?');
  };
  const changed: string[] = [];
  const restored: string[] = [];
  const kept: string[] = [];
  for (const conflict of note.conflicts) {
    if (conflict.type === 'sameField')
      changed.push(
        ...conflict.fields.map((field) => ui.fieldOf(fields[field as keyof typeof fields] ?? field, name(conflict.actorId))),
      );
    else if (conflict.type === 'sameTitle') changed.push(fields.title);
    else if (conflict.type === 'sameTie') {
      const tie = doc.ties.find((candidate) => candidate.id === conflict.tieId);
      changed.push(ui.fieldOf(fields.kind, tie ? `${name(tie.from)} – ${name(tie.to)}` : '?'));
    } else if (conflict.type === 'restored') restored.push(name(conflict.actorId));
    else if (conflict.type === 'keptEdited') kept.push(name(conflict.actorId));
  }
  const replaced = note.conflicts.some((conflict) => conflict.type === 'replaced');
  const parts: string[] = [];
  const copy = isolate(note.copyTitle ?? '');
  if (changed.length > 0) parts.push((side === 'here' ? ui.bothChangedHere : ui.bothChangedThere)(changed.join(', '), copy));
  else if (replaced) parts.push(side === 'here' ? ui.copiedFromOtherTab(copy) : ui.replacedThere(copy));
  if (restored.length > 0) parts.push((side === 'here' ? ui.restoredHere : ui.restoredThere)(restored.join(', ')));
  if (kept.length > 0) parts.push((side === 'here' ? ui.keptHere : ui.keptThere)(kept.join(', ')));
  return parts.join(' ');
}
