import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ActorInput, MapDocument } from '../model/types.js';
import { firstUnanswered, walkEntries } from '../model/walk.js';

export type WalkAnswer = 'present' | 'needed' | 'skip';

export interface WalkHooks {
  map: () => MapDocument;
  /** Adds the contact a question was answered with; false when a field was wrong (the walk says which). */
  add: (input: ActorInput) => boolean;
  /** Marks a kind of contact "inte aktuellt" for this family (undoable, stored with the map). */
  skip: (category: string) => void;
  /** Moves the focus to the question (or the summary) once it is drawn, or back to the start button on closing. */
  focus: (closed: boolean) => void;
}

/**
 * The kartläggning: a walk through the catalogue, one kind of contact at a time, answered Finns, Behövs or Inte
 * aktuellt. Where it stands is not kept but read from the map: the first question it has not answered, so that the
 * walk can be left and taken up again, an undone answer is asked again, and what was marked "inte aktuellt"
 * (stored with the map) is not.
 */
export class WalkController implements ReactiveController {
  /** Showing the walk. */
  open = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hooks: WalkHooks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The question shown, as an index of `walkEntries`; -1 for the summary. */
  get at(): number {
    return firstUnanswered(this.hooks.map());
  }

  start(): void {
    this.open = true;
    this.host.requestUpdate();
    this.hooks.focus(false);
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.host.requestUpdate();
    this.hooks.focus(true);
  }

  /** After an undo or redo: the question shown may be another, drawn anew; the focus goes to it. */
  refocus(): void {
    if (this.open) this.hooks.focus(false);
  }

  /** Answers the question shown; `fields` are what was typed for it (organisation, name, phone). */
  answer(answer: WalkAnswer, fields: Pick<ActorInput, 'organisation' | 'name' | 'phone'> = {}): void {
    const entry = walkEntries(this.hooks.map())[this.at];
    if (!entry) return;
    if (answer === 'skip') this.hooks.skip(entry.id);
    else if (!this.hooks.add({ category: entry.id, status: answer === 'needed' ? 'needed' : 'active', ...fields })) return;
    this.host.requestUpdate();
    this.hooks.focus(false);
  }
}
