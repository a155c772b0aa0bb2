import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MapDocument } from '../model/types.js';

export interface AutosaveOptions {
  /** Stores a document; resolves when it is durable. */
  save: (doc: MapDocument) => Promise<void>;
  /** Told of every failed save; the document stays pending and is tried again at the next edit or flush. */
  onError: (error: unknown) => void;
  /** Told when a save succeeds, so that a storage error shown earlier can be cleared. */
  onSaved?: () => void;
  /** How long edits are gathered before one write. */
  delay?: number;
  /**
   * Writes a document at once, synchronously, as the page goes away: an asynchronous save started then is cut
   * off when the tab closes.
   */
  rescue?: (doc: MapDocument) => void;
}

/**
 * Saves the latest document a short while after the last edit, and at once when the page is hidden or left
 * (`pagehide`, `visibilitychange`, `freeze`), so that nothing is lost when a tablet sleeps or a tab closes.
 */
export class AutosaveController implements ReactiveController {
  private pending: MapDocument | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private failed = false;
  private inFlight = 0;
  private readonly delay: number;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: AutosaveOptions,
  ) {
    this.delay = options.delay ?? 300;
    host.addController(this);
  }

  /** True while an edit is waiting to be written. */
  get dirty(): boolean {
    return this.pending !== null;
  }

  /** True after a write failed, until one succeeds: what waits is tried again at the next edit or flush. */
  get failing(): boolean {
    return this.failed;
  }

  /** True while an edit is waiting or being written: not yet known to be stored. */
  get unsettled(): boolean {
    return this.pending !== null || this.inFlight > 0;
  }

  schedule(doc: MapDocument): void {
    this.pending = doc;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.flush().catch(() => {
        /* already reported through onError */
      });
    }, this.delay);
  }

  /** Forgets what is pending, e.g. when the host switches to another map after saving this one. */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  /** Writes what is pending now; resolves when every edit so far is stored, rejects when the store fails. */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const doc = this.pending;
    if (!doc) return this.writing;
    this.pending = null;
    this.inFlight++;
    const write = this.writing
      .catch(() => undefined)
      .then(() => this.options.save(doc))
      .finally(() => this.inFlight--)
      .then(
        () => {
          this.failed = false;
          this.options.onSaved?.();
        },
        (error: unknown) => {
          // Keep the document unless a newer edit has replaced it: the next flush tries again.
          this.pending ??= doc;
          this.failed = true;
          this.options.onError(error);
          throw error;
        },
      );
    this.writing = write;
    return write;
  }

  private readonly onHide = (): void => {
    if (this.pending) this.options.rescue?.(this.pending);
    this.flush().catch(() => undefined);
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.onHide();
  };

  hostConnected(): void {
    window.addEventListener('pagehide', this.onHide);
    document.addEventListener('visibilitychange', this.onVisibility);
    document.addEventListener('freeze', this.onHide);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.onHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
    document.removeEventListener('freeze', this.onHide);
    this.flush().catch(() => undefined);
  }
}
