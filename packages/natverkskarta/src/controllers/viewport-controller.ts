import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Point } from '../model/types.js';
import { capturePointer } from './pointer-capture.js';

/** The part of the map in view, in map units: the SVG's viewBox. */
export interface View {
  x: number;
  y: number;
  width: number;
  height: number;
}

const MIN_WIDTH = 200;
const MAX_WIDTH = 6000;

/**
 * Zoom, pan and "fit to view". Panning is a drag on the map's background, zooming is Ctrl + wheel (and a
 * trackpad pinch, which browsers report as one), a two-finger pinch on touch, or the toolbar's buttons.
 */
export class ViewportController implements ReactiveController {
  view: View = { x: -500, y: -500, width: 1000, height: 1000 };
  /** True once the user zoomed or panned: from then on the view follows the user, not the map's size. */
  adjusted = false;
  private readonly pointers = new Map<number, Point>();
  private svg: SVGSVGElement | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  get viewBox(): string {
    const { x, y, width, height } = this.view;
    return `${x} ${y} ${width} ${height}`;
  }

  /** Shows all of `bounds` (map units: everything the map draws), with a small margin. */
  fit(bounds: { left: number; top: number; right: number; bottom: number }): void {
    this.adjusted = false;
    const margin = 6;
    const before = this.viewBox;
    this.view = {
      x: bounds.left - margin,
      y: bounds.top - margin,
      width: bounds.right - bounds.left + 2 * margin,
      height: bounds.bottom - bounds.top + 2 * margin,
    };
    if (this.viewBox !== before) this.host.requestUpdate();
  }

  /** Fits the map again when it grew or shrank, unless the user has chosen a view of their own. */
  follow(bounds: { left: number; top: number; right: number; bottom: number }): void {
    if (!this.adjusted) this.fit(bounds);
  }

  /** Zooms by `factor` (> 1 zooms in), keeping `around` (map units) where it is; the view's centre by default. */
  zoom(factor: number, around?: Point): void {
    this.adjusted = true;
    const { x, y, width, height } = this.view;
    const nextWidth = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width / factor));
    const applied = width / nextWidth;
    const centre = around ?? { x: x + width / 2, y: y + height / 2 };
    this.view = {
      x: centre.x - (centre.x - x) / applied,
      y: centre.y - (centre.y - y) / applied,
      width: nextWidth,
      height: height / applied,
    };
    this.host.requestUpdate();
  }

  panBy(dx: number, dy: number): void {
    this.adjusted = true;
    this.view = { ...this.view, x: this.view.x - dx, y: this.view.y - dy };
    this.host.requestUpdate();
  }

  /** A point on screen in map units, through the SVG's own transform (so viewBox scaling is honoured). */
  toMap(svg: SVGSVGElement, clientX: number, clientY: number): Point {
    const matrix = svg.getScreenCTM();
    if (!matrix) return { x: 0, y: 0 };
    const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  }

  /** Map units per screen pixel. */
  private scale(svg: SVGSVGElement): number {
    const matrix = svg.getScreenCTM();
    return matrix && matrix.a !== 0 ? 1 / matrix.a : 1;
  }

  onWheel = (event: WheelEvent): void => {
    if (!event.ctrlKey && !event.metaKey) return;
    const svg = event.currentTarget as SVGSVGElement;
    event.preventDefault();
    this.zoom(Math.exp(-event.deltaY / 300), this.toMap(svg, event.clientX, event.clientY));
  };

  /** Starts a pan (one pointer) or a pinch (two) on the background. */
  onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    // Capture only once the pointer moves (see onPointerMove): capturing now would send the click of a plain
    // tap to the SVG instead of the family's circle under it.
    this.svg = event.currentTarget as SVGSVGElement;
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  };

  onPointerMove = (event: PointerEvent): void => {
    const previous = this.pointers.get(event.pointerId);
    if (!previous || !this.svg) return;
    const current = { x: event.clientX, y: event.clientY };
    capturePointer(this.svg, event.pointerId);
    const scale = this.scale(this.svg);
    if (this.pointers.size === 1) {
      this.panBy((current.x - previous.x) * scale, (current.y - previous.y) * scale);
    } else if (this.pointers.size === 2) {
      const other = [...this.pointers.entries()].find(([id]) => id !== event.pointerId)![1];
      const before = Math.hypot(previous.x - other.x, previous.y - other.y);
      const after = Math.hypot(current.x - other.x, current.y - other.y);
      if (before > 0) {
        const mid = this.toMap(this.svg, (current.x + other.x) / 2, (current.y + other.y) / 2);
        this.zoom(after / before, mid);
      }
    }
    this.pointers.set(event.pointerId, current);
  };

  onPointerUp = (event: PointerEvent): void => {
    this.pointers.delete(event.pointerId);
    if (this.pointers.size === 0) this.svg = null;
  };
}
