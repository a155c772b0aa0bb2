import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A hand-over file dropped anywhere on the editor: `dropping` while one is held over it (the editor shows where to
 * let go), and the file to `take` when it is let go. Files only: a dragged actor or text is not a drop. Comes with
 * the forms' chunk: no file can be read before the editor is there to read it.
 */
export class FileDropController implements ReactiveController {
  dropping = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: { enabled: () => boolean; take: (file: File) => void },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('dragover', this.onDragOver);
    this.host.addEventListener('dragleave', this.onDragLeave);
    this.host.addEventListener('drop', this.onDrop);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('dragover', this.onDragOver);
    this.host.removeEventListener('dragleave', this.onDragLeave);
    this.host.removeEventListener('drop', this.onDrop);
  }

  private set(dropping: boolean): void {
    if (dropping === this.dropping) return;
    this.dropping = dropping;
    this.host.requestUpdate();
  }

  private readonly onDragOver = (event: DragEvent): void => {
    if (!this.options.enabled() || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.set(true);
  };

  private readonly onDragLeave = (event: DragEvent): void => {
    if (!this.host.contains(event.relatedTarget as Node | null)) this.set(false);
  };

  private readonly onDrop = (event: DragEvent): void => {
    this.set(false);
    const file = event.dataTransfer?.files[0];
    if (!this.options.enabled() || !file) return;
    event.preventDefault();
    this.options.take(file);
  };
}
