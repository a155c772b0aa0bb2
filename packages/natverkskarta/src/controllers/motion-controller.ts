import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Actor, Point } from '../model/types.js';

const DURATION = 260;

const reducedMotion = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Where each actor is drawn. The layout is computed ahead; after an edit the actors that moved glide to their
 * new places in a quarter of a second (none at all under `prefers-reduced-motion`). A dragged actor follows
 * the pointer.
 */
export class MotionController implements ReactiveController {
  private shown = new Map<string, Point>();
  private from = new Map<string, Point>();
  private to = new Map<string, Point>();
  private start = 0;
  private frame = 0;
  private dragged: { id: string; point: Point } | null = null;
  private moving = new Set<string>();

  /**
   * `onDrag`, when given, moves the dragged actor on screen itself (a few attributes) instead of a whole render
   * for every pointer move: with hundreds of actors, that is the difference between a smooth drag and a jerky one.
   * `onGlide`, likewise, may draw a step of a glide itself and return true; when it returns false, the host renders
   * the step. It is called with `done` when the glide ends (after its last step, or stopped early), to take away
   * whatever it drew. Not during a drag: the dragged actor has a layer of its own, and the host draws the rest.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onDrag?: (id: string, point: Point) => void,
    private readonly onGlide?: (done: boolean) => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.land();
  }

  positionOf(id: string): Point | undefined {
    if (this.dragged?.id === id) return this.dragged.point;
    return this.shown.get(id);
  }

  /** Whether actors are on their way to new places. */
  get animating(): boolean {
    return this.frame !== 0;
  }

  /** The actors on their way, while `animating`. */
  get gliding(): ReadonlySet<string> {
    return this.moving;
  }

  drag(id: string, point: Point): void {
    // A glide under way lands at once, and the dragged actor's layer is made from the map drawn as it landed.
    const landing = this.land();
    this.dragged = { id, point };
    if (!this.onDrag) this.host.requestUpdate();
    else if (!landing) this.onDrag(id, point);
    else void this.host.updateComplete.then(() => this.dragged && this.onDrag?.(this.dragged.id, this.dragged.point));
  }

  endDrag(): void {
    if (this.dragged) this.shown.set(this.dragged.id, this.dragged.point);
    this.dragged = null;
  }

  /** Takes the actors' new positions; those that moved glide there unless `instant`. */
  follow(actors: readonly Actor[], instant = false): void {
    const targets = new Map<string, Point>();
    for (const actor of actors) if (actor.position) targets.set(actor.id, actor.position);
    const moving = [...targets].filter(([id, point]) => {
      const now = this.shown.get(id);
      return now && (now.x !== point.x || now.y !== point.y);
    });
    this.stop();
    if (instant || moving.length === 0 || reducedMotion()) {
      this.shown = targets;
      return;
    }
    this.moving = new Set(moving.map(([id]) => id));
    this.from = new Map([...targets].map(([id, point]) => [id, this.shown.get(id) ?? point]));
    this.to = targets;
    this.shown = new Map(this.from);
    this.start = performance.now();
    this.frame = requestAnimationFrame(this.step);
  }

  /** Puts the actors of a glide under way where they go, at once; whether there was one. */
  private land(): boolean {
    if (!this.frame) return false;
    this.stop();
    this.shown = new Map(this.to);
    this.host.requestUpdate();
    return true;
  }

  /** Stops a glide under way, and its layer. */
  private stop(): void {
    if (this.frame) this.onGlide?.(true);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private readonly step = (time: number): void => {
    // A frame's time may be a little before the edit that started the glide.
    const t = Math.min(1, Math.max(0, (time - this.start) / DURATION));
    const ease = 1 - (1 - t) ** 3;
    for (const [id, to] of this.to) {
      const from = this.from.get(id) ?? to;
      this.shown.set(id, { x: from.x + (to.x - from.x) * ease, y: from.y + (to.y - from.y) * ease });
    }
    this.frame = t < 1 ? requestAnimationFrame(this.step) : 0;
    if (this.dragged || !this.onGlide?.(this.frame === 0)) this.host.requestUpdate();
  };
}
