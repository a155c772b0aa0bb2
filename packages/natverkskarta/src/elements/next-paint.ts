/**
 * Resolves just after the next frame is painted (a frame callback runs before its paint, a task after it); or after
 * 100 ms where no frame comes, as in a hidden tab.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}
