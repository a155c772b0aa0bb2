import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Point } from '../model/types.js';
import { capturePointer } from './pointer-capture.js';

export interface DragCallbacks {
  /** Map units of a pointer event, through the SVG's transform. */
  toMap: (event: PointerEvent) => Point;
  /** A press and release without moving: a tap or click on the actor. */
  onTap: (id: string) => void;
  onMove: (id: string, point: Point) => void;
  onDrop: (id: string, point: Point) => void;
  /** The pointer was lost mid-drag (a system gesture, a touch taken over): nothing changes. */
  onCancel: () => void;
  /** Whether actors may be dragged now (not in read-only mode). */
  enabled: () => boolean;
}

/** Pointer movement below this many pixels is a tap, not a drag: fingers wobble. */
const SLOP = 5;

/** Dragging an actor with mouse, pen or finger; a drop reports the point so the editor can re-sector it. */
export class DragController implements ReactiveController {
  private active: { id: string; pointerId: number; start: Point; offset: Point; moved: boolean } | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly callbacks: DragCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get draggingId(): string | null {
    return this.active?.moved ? this.active.id : null;
  }

  /** `actorAt` is where the actor is drawn, so that it does not jump under the pointer. */
  onPointerDown(event: PointerEvent, id: string, actorAt: Point): void {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.stopPropagation();
    const target = event.currentTarget as Element;
    capturePointer(target, event.pointerId);
    const point = this.callbacks.toMap(event);
    this.active = {
      id,
      pointerId: event.pointerId,
      start: { x: event.clientX, y: event.clientY },
      offset: { x: actorAt.x - point.x, y: actorAt.y - point.y },
      moved: false,
    };
  }

  onPointerMove(event: PointerEvent): void {
    const active = this.active;
    if (!active || event.pointerId !== active.pointerId) return;
    if (!active.moved) {
      if (Math.hypot(event.clientX - active.start.x, event.clientY - active.start.y) < SLOP) return;
      if (!this.callbacks.enabled()) return;
      active.moved = true;
    }
    event.preventDefault();
    this.callbacks.onMove(active.id, this.pointAt(event));
  }

  onPointerUp(event: PointerEvent): void {
    const active = this.active;
    if (!active || event.pointerId !== active.pointerId) return;
    this.active = null;
    if (active.moved) this.callbacks.onDrop(active.id, this.pointAt(event, active));
    else this.callbacks.onTap(active.id);
  }

  onPointerCancel(event: PointerEvent): void {
    if (this.active?.pointerId !== event.pointerId) return;
    const moved = this.active.moved;
    this.active = null;
    if (moved) this.callbacks.onCancel();
  }

  private pointAt(event: PointerEvent, active = this.active!): Point {
    const point = this.callbacks.toMap(event);
    return { x: point.x + active.offset.x, y: point.y + active.offset.y };
  }
}
