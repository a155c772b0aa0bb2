import type { ReactiveController, ReactiveControllerHost } from 'lit';

const widthOf = (element: Element) => element.getBoundingClientRect().width;
const px = (value: string) => parseFloat(value) || 0;

/**
 * Which of the toolbar's buttons fold into its menu: as few as leave the rest on one row, in the order the actions
 * give. Measured, not guessed from the window: the editor sits in a host's page at any width, in any language and
 * font. A folded button stays in the row, out of the flow and unseen, so that its width can still be read.
 */
export class ToolbarFoldController implements ReactiveController {
  folded: ReadonlySet<string> = new Set();
  private observer: ResizeObserver | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The toolbar, and the fold order of a button by its `data-action`. */
    private readonly toolbar: () => HTMLElement | null,
    private readonly foldOrder: (id: string) => number | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(() => this.measure());
    // Connected again (a host that moves the editor): the toolbar is there already, and no update may follow.
    this.hostUpdated();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  /** Every button is watched: a new language or font changes its width and not the toolbar's. */
  hostUpdated(): void {
    const bar = this.toolbar();
    if (!bar || !this.observer) return;
    this.observer.observe(bar);
    for (const item of bar.querySelectorAll('[data-action], .more')) this.observer.observe(item);
  }

  private measure(): void {
    const bar = this.toolbar();
    if (!bar || bar.clientWidth === 0) return;
    const barStyle = getComputedStyle(bar);
    const available = bar.clientWidth - px(barStyle.paddingLeft) - px(barStyle.paddingRight);
    const groups = [...bar.querySelectorAll<HTMLElement>(':scope > .group')].map((group) => {
      const style = getComputedStyle(group);
      const items = [...group.children].map((item) => ({
        id: item.getAttribute('data-action'),
        width: widthOf(item),
      }));
      const frame = px(style.paddingLeft) + px(style.paddingRight) + px(style.borderLeftWidth) + px(style.borderRightWidth);
      return { items, frame, gap: px(style.columnGap) };
    });
    const more = bar.querySelector(':scope > .more');
    const moreWidth = more ? widthOf(more) : 0;
    const barGap = px(barStyle.columnGap);
    const rowWidth = (folded: ReadonlySet<string>) => {
      const widths = groups.flatMap(({ items, frame, gap }) => {
        const shown = items.filter((item) => !(item.id && folded.has(item.id)));
        if (shown.length === 0) return [];
        return [frame + shown.reduce((sum, item) => sum + item.width, 0) + gap * (shown.length - 1)];
      });
      if (folded.size > 0) widths.push(moreWidth);
      return widths.reduce((sum, width) => sum + width, 0) + barGap * Math.max(0, widths.length - 1);
    };
    const candidates = groups
      .flatMap(({ items }) => items.map((item) => item.id))
      .filter((id): id is string => id !== null && this.foldOrder(id) !== undefined)
      .sort((a, b) => this.foldOrder(a)! - this.foldOrder(b)!);
    const folded = new Set<string>();
    for (const id of candidates) {
      // A pixel of slack: widths are fractions, and a row that fits exactly must not wrap.
      if (rowWidth(folded) <= available - 1) break;
      folded.add(id);
    }
    const same = folded.size === this.folded.size && [...folded].every((id) => this.folded.has(id));
    if (same) return;
    this.folded = folded;
    this.host.requestUpdate();
  }
}
