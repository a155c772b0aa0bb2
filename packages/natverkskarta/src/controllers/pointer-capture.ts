/**
 * Keeps a pointer's events coming to `element` while it moves outside. A pointer the browser no longer knows
 * (lifted already, or synthesised) cannot be captured; the gesture then simply goes on without capture.
 */
export function capturePointer(element: Element, pointerId: number): void {
  try {
    if (!element.hasPointerCapture(pointerId)) element.setPointerCapture(pointerId);
  } catch {
    /* not an active pointer: nothing to capture */
  }
}
