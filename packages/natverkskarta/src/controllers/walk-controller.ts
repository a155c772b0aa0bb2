import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ActorInput, MapDocument } from '../model/types.js';
import { firstUnanswered, walkEntries } from '../model/walk.js';

export type WalkAnswer = 'present' | 'needed' | 'skip';

export interface WalkHooks {
  map: () => MapDocument;
  /** Adds the contact a question was answered with; false when a field was wrong (the form says which). */
  add: (input: ActorInput) => boolean;
  /** Marks a kind of contact "inte aktuellt" for this family (undoable, stored with the map). */
  skip: (category: string) => void;
  /** Moves the focus to the question (or the summary) once it is drawn. */
  focus: () => void;
}

/**
 * The kartläggning: a walk through the catalogue, one kind of contact at a time, answered Finns, Behövs or Inte
 * aktuellt. Where it stands is not kept: it is the first question the map has not answered yet, so that the walk
 * can be left and taken up again, and what was marked "inte aktuellt" (stored with the map) is not asked again.
 */
export class WalkController implements ReactiveController {
  /** Showing the walk. */
  open = false;
  /** The question shown, as an index of `walkEntries`; -1 for the summary. */
  at = -1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hooks: WalkHooks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  start(): void {
    this.open = true;
    this.at = firstUnanswered(this.hooks.map());
    this.host.requestUpdate();
    this.hooks.focus();
  }

  close(): void {
    this.open = false;
    this.host.requestUpdate();
  }

  /** Answers the question shown; `fields` are what was typed for it (organisation, name, phone). */
  answer(answer: WalkAnswer, fields: Pick<ActorInput, 'organisation' | 'name' | 'phone'> = {}): void {
    const entry = walkEntries(this.hooks.map())[this.at];
    if (!entry) return;
    if (answer === 'skip') this.hooks.skip(entry.id);
    else if (!this.hooks.add({ category: entry.id, status: answer === 'needed' ? 'needed' : 'active', ...fields })) return;
    this.at = firstUnanswered(this.hooks.map(), this.at + 1);
    this.host.requestUpdate();
    this.hooks.focus();
  }
}
