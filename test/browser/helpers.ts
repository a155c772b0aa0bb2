import 'natverkskarta/define';
import axe from 'axe-core';
import { openDB } from 'idb';
import { afterEach, beforeEach } from 'vitest';
import { deleteAllData, type NatverkskartaEditor } from 'natverkskarta';

const mounted: HTMLElement[] = [];

/** A fresh editor in the page, its map loaded. */
export async function mountEditor(attributes: Record<string, string> = {}): Promise<NatverkskartaEditor> {
  const editor = document.createElement('natverkskarta-editor');
  for (const [name, value] of Object.entries(attributes)) editor.setAttribute(name, value);
  editor.style.width = '1100px';
  document.body.append(editor);
  mounted.push(editor);
  await editor.updateComplete;
  await editor.ready;
  await editor.updateComplete;
  return editor;
}

export function unmountAll(): void {
  for (const element of mounted.splice(0)) element.remove();
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

export function shadow(editor: NatverkskartaEditor): ShadowRoot {
  return editor.shadowRoot!;
}

export function $<E extends Element = HTMLElement>(editor: NatverkskartaEditor, selector: string): E {
  const found = editor.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`Nothing matches ${selector}`);
  return found;
}

export function $$<E extends Element = HTMLElement>(editor: NatverkskartaEditor, selector: string): E[] {
  return [...editor.shadowRoot!.querySelectorAll<E>(selector)];
}

/** A button in the editor by its visible text. */
export function button(editor: NatverkskartaEditor, text: string): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(editor, 'button').find(
    (b) => b.textContent?.trim() === text || b.getAttribute('aria-label') === text,
  );
  if (!found) throw new Error(`No button "${text}"`);
  return found;
}

export function actorNode(editor: NatverkskartaEditor, id: string): SVGGElement {
  return $<SVGGElement>(editor, `g.actor[data-actor-id="${CSS.escape(id)}"]`);
}

/** Waits until `check` stops throwing, as a user would wait for the screen to settle. */
export async function eventually(check: () => void | Promise<void>, timeout = 3000): Promise<void> {
  const start = performance.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (performance.now() - start > timeout) throw error;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  }
}

/** Text as a person reads it: without the invisible isolates (FSI, PDI) put around user text in sentences. */
export function readable(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u2068\u2069]/g, '');
}

/** A page that stands for a browser tab (`pages/tab.html`): its own editor, store and key, on the map `mapId`. */
export type TabWindow = Window & { editor?: NatverkskartaEditor; natverkskarta?: typeof import('natverkskarta') };

export interface TabPage {
  frame: HTMLIFrameElement;
  win: TabWindow;
  editor: NatverkskartaEditor;
}

/** Opens the map in a page of its own, in a frame, as a second browser tab would; resolves once it is loaded. */
export async function openTabPage(mapId: string): Promise<TabPage> {
  const frame = document.createElement('iframe');
  frame.src = `/test/browser/pages/tab.html?map=${encodeURIComponent(mapId)}`;
  frame.style.width = '900px';
  frame.style.height = '700px';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as TabWindow;
  await eventually(() => {
    if (!win.editor) throw new Error('the tab page has no editor yet');
  }, 10_000);
  await win.editor!.ready;
  return { frame, win, editor: win.editor! };
}

/** The element that has focus, looking into shadow roots. */
export function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** axe-core with the WCAG 2.1 A and AA rules; a readable list of what fails, empty when nothing does. */
export async function violations(context: Element): Promise<string[]> {
  const result = await axe.run(context, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  });
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${violation.help} — ${node.target.join(' ')} — ${node.failureSummary}`),
  );
}

/** Each test of the file starts and ends with nothing stored: no editor in the page, no database. */
export function withEmptyDatabase(): void {
  beforeEach(async () => {
    unmountAll();
    await deleteAllData();
  });
  afterEach(async () => {
    unmountAll();
    await deleteAllData();
  });
}

/**
 * The records of the given stores as IndexedDB holds them, every byte as text: what someone with the disk could
 * read. A store the database does not have gives nothing.
 */
export async function rawStores(...stores: string[]): Promise<{ text: string; records: Record<string, unknown>[] }> {
  const db = await openDB('natverkskarta');
  try {
    const records: Record<string, unknown>[] = [];
    for (const store of stores)
      if (db.objectStoreNames.contains(store)) records.push(...((await db.getAll(store)) as Record<string, unknown>[]));
    const text = records
      .map((record) =>
        JSON.stringify(record, (_, value: unknown) =>
          value instanceof ArrayBuffer || ArrayBuffer.isView(value)
            ? new TextDecoder('utf-8', { fatal: false }).decode(value as ArrayBuffer)
            : value,
        ),
      )
      .join('\n');
    return { text, records };
  } finally {
    db.close();
  }
}
