/**
 * The toolbar made from the editor's commands: what does not fit folds into "Mer", a menu that works as the APG's
 * menu button does; the same commands answer their keys, and the help lists those keys.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { NatverkskartaEditor } from 'natverkskarta';
import { $, $$, focused, mountEditor, unmountAll, violations } from './helpers.js';

afterEach(unmountAll);

async function press(keys: string): Promise<void> {
  await userEvent.keyboard(keys);
  await new Promise((resolve) => setTimeout(resolve, 20));
}

async function editorAt(width: number, attributes: Record<string, string> = {}): Promise<NatverkskartaEditor> {
  const editor = await mountEditor({ storage: 'none', ...attributes });
  // The demo's font, so that the widths are the ones a user of the demo sees.
  editor.style.font = '16px system-ui, sans-serif';
  editor.style.width = `${width}px`;
  await settled(editor);
  return editor;
}

/** After a resize: the toolbar is measured when the browser lays it out, then drawn again. */
async function settled(editor: NatverkskartaEditor): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await editor.updateComplete;
}

/** The toolbar's buttons a user sees, by their words. */
const shownButtons = (editor: NatverkskartaEditor) =>
  $$<HTMLButtonElement>(editor, '.toolbar button')
    .filter((button) => getComputedStyle(button).visibility !== 'hidden' && !button.closest('[role="menu"]'))
    .map((button) => button.textContent!.trim());

const menuItems = (editor: NatverkskartaEditor) => $$<HTMLElement>(editor, '#toolbar-menu [role^="menuitem"]');
const menuTexts = (editor: NatverkskartaEditor) => menuItems(editor).map((item) => item.textContent!.trim());

describe('the toolbar', () => {
  it('fits on one row at the width the demo gives it at 1024 px in English too', async () => {
    const editor = await editorAt(942, { lang: 'en' });
    expect(shownButtons(editor)).toEqual([
      'Add contact',
      'Undo',
      'Redo',
      'Print / save PDF',
      'Export file',
      'Import file',
      'Map',
      'List',
      'Help',
    ]);
    const tops = $$(editor, '.toolbar button').filter((button) => getComputedStyle(button).visibility !== 'hidden');
    expect(new Set(tops.map((button) => Math.round(button.getBoundingClientRect().top))).size).toBe(1);
  });

  it('folds what does not fit into "Mer", on one row, and unfolds when there is room again', async () => {
    const editor = await editorAt(600);
    expect(shownButtons(editor)).toEqual(['Lägg till kontakt', 'Ångra', 'Gör om', 'Karta', 'Lista', 'Mer']);
    const row = $$(editor, '.toolbar button').filter((button) => getComputedStyle(button).visibility !== 'hidden');
    expect(new Set(row.map((button) => Math.round(button.getBoundingClientRect().top))).size).toBe(1);
    // A folded button is out of reach of Tab and of a screen reader until the menu shows it.
    const folded = $<HTMLButtonElement>(editor, '.toolbar [data-action="export"]');
    expect(folded.inert).toBe(true);

    editor.style.width = '1100px';
    await settled(editor);
    expect($$(editor, '.toolbar .folded')).toEqual([$(editor, '.toolbar .more')]);
    expect(shownButtons(editor)).toHaveLength(9);
    expect(folded.inert).toBe(false);
  });

  it('opens "Mer" by keyboard, walks it round with the arrows, leaves it with Escape, and runs what is chosen', async () => {
    const editor = await editorAt(600);
    editor.setTitle('Familjen Ali');
    const more = $(editor, '.more-button');
    expect(more.getAttribute('aria-haspopup')).toBe('menu');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    more.focus();
    await press('{ArrowDown}');
    await editor.updateComplete;
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(more.getAttribute('aria-controls')).toBe('toolbar-menu');
    expect(menuTexts(editor)).toEqual(['Skriv ut / spara PDF', 'Exportera fil', 'Importera fil', 'Hjälp']);
    expect(focused()?.textContent?.trim()).toBe('Skriv ut / spara PDF');
    await press('{ArrowUp}');
    expect(focused()?.textContent?.trim()).toBe('Hjälp');
    await press('{ArrowDown}');
    expect(focused()?.textContent?.trim()).toBe('Skriv ut / spara PDF');
    await press('{End}');
    expect(focused()?.textContent?.trim()).toBe('Hjälp');
    await press('{Home}{ArrowDown}');
    expect(focused()?.textContent?.trim()).toBe('Exportera fil');
    await press('{Escape}');
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('#toolbar-menu')).toBeNull();
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(focused()).toBe(more);

    const downloads: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      downloads.push(this.download);
    };
    try {
      await press('{Enter}');
      await editor.updateComplete;
      expect(focused()?.textContent?.trim()).toBe('Skriv ut / spara PDF');
      await press('{ArrowDown}{Enter}');
      await editor.updateComplete;
      expect(downloads).toEqual(['Nätverkskarta – Familjen Ali.json']);
      expect(editor.shadowRoot!.querySelector('#toolbar-menu')).toBeNull();
      expect(focused()).toBe(more);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }

    // A command that takes the focus keeps it: the help dialog.
    await press('{ArrowUp}');
    await editor.updateComplete;
    expect(focused()?.textContent?.trim()).toBe('Hjälp');
    await press('{Enter}');
    await editor.updateComplete;
    const help = $<HTMLDialogElement>(editor, 'dialog.help');
    expect(help.open).toBe(true);
    expect(help.contains(focused())).toBe(true);
  });

  it('closes "Mer" when the focus or a click goes elsewhere, and Tab moves on', async () => {
    const editor = await editorAt(600);
    await userEvent.click($(editor, '.more-button'));
    await editor.updateComplete;
    expect(menuItems(editor)).toHaveLength(4);
    await userEvent.click($(editor, '.title-field input'));
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('#toolbar-menu')).toBeNull();

    $(editor, '.more-button').focus();
    await press('{Enter}');
    await editor.updateComplete;
    expect(menuItems(editor)).toHaveLength(4);
    await press('{Tab}');
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('#toolbar-menu')).toBeNull();
  });

  it('on a phone keeps adding and undoing on the row; the menu says which view is on and switches it', async () => {
    const editor = await editorAt(340);
    expect(shownButtons(editor)).toEqual(['Lägg till kontakt', 'Ångra', 'Mer']);
    await userEvent.click($(editor, '.more-button'));
    await editor.updateComplete;
    const view = (text: string) => menuItems(editor).find((item) => item.textContent!.trim() === text)!;
    // Nothing to redo yet: offered, but said to be unavailable, and choosing it does nothing.
    expect(view('Gör om').getAttribute('aria-disabled')).toBe('true');
    expect(view('Karta').getAttribute('role')).toBe('menuitemradio');
    expect(view('Karta').getAttribute('aria-checked')).toBe('true');
    expect(view('Lista').getAttribute('aria-checked')).toBe('false');
    await userEvent.click(view('Lista'));
    await editor.updateComplete;
    expect($(editor, '.body').classList.contains('list-view')).toBe(true);
    await userEvent.click($(editor, '.more-button'));
    await editor.updateComplete;
    expect(view('Lista').getAttribute('aria-checked')).toBe('true');
  });

  for (const lang of ['sv', 'en'] as const) {
    it(`has nothing axe-core finds with "Mer" open (${lang})`, async () => {
      const editor = await editorAt(340, { lang });
      editor.addActor({ category: 'bup' });
      await userEvent.click($(editor, '.more-button'));
      await editor.updateComplete;
      expect(menuItems(editor).length).toBeGreaterThan(5);
      expect(await violations(editor)).toEqual([]);
    });
  }
});

describe('a command that cannot run now', () => {
  it('keeps the focus: "Ångra" pressed until nothing is left stays focused, marked disabled, and does nothing more', async () => {
    const editor = await mountEditor({ storage: 'none' });
    editor.addActor({ category: 'bup', name: 'Första' });
    editor.addActor({ category: 'lss', name: 'Andra' });
    await editor.updateComplete;
    const undo = () => $<HTMLButtonElement>(editor, 'button[data-action="undo"]');
    undo().focus();
    await press('{Enter}');
    await press('{Enter}');
    await expect.poll(() => undo().getAttribute('aria-disabled')).toBe('true');
    expect(editor.map.actors).toEqual([]);
    // Past the frames in which a disabled button under the focus would lose it.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(editor.shadowRoot!.activeElement).toBe(undo());
    const status = () => $(editor, '[role="status"]').textContent!.trim();
    expect(status()).toBe('Ångrat.');
    // Pressed again, marked disabled: it does nothing at all, not even "Inget att ångra."
    await press('{Enter}');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(status()).toBe('Ångrat.');
    expect(editor.map.actors).toEqual([]);
    expect(editor.canRedo).toBe(true);
    await press('{Tab}');
    expect(focused()?.getAttribute('data-action')).toBe('redo');
  });
});

describe('the commands’ keys and the help', () => {
  it('zooms with + and −, fits with 0, from the buttons below the map and from the keys', async () => {
    const editor = await mountEditor({ storage: 'none' });
    editor.addActor({ category: 'bup' });
    await editor.updateComplete;
    const svg = $(editor, 'svg.map');
    const width = () => Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    const fitted = width();
    $(editor, '.title-field input').blur();
    $<SVGGElement>(editor, 'g.actor').focus();
    await press('+');
    await editor.updateComplete;
    expect(width()).toBeCloseTo(fitted / 1.25, 3);
    await press('-');
    await editor.updateComplete;
    await press('-');
    await editor.updateComplete;
    expect(width()).toBeCloseTo(fitted * 1.25, 3);
    await press('0');
    await editor.updateComplete;
    expect(width()).toBeCloseTo(fitted, 3);
    const controls = $(editor, '.map-controls');
    expect([...controls.querySelectorAll('button')].map((button) => button.textContent!.trim())).toEqual([
      'Zooma ut',
      'Zooma in',
      'Anpassa vy',
    ]);
    await userEvent.click(controls.querySelector('[data-action="zoomIn"]')!);
    await editor.updateComplete;
    expect(width()).toBeCloseTo(fitted / 1.25, 3);
    // Typed into a field, the same keys are text.
    const title = $<HTMLInputElement>(editor, '.title-field input');
    title.focus();
    await press('+0');
    expect(title.value).toBe('+0');
    expect(width()).toBeCloseTo(fitted / 1.25, 3);
  });

  it('lists in the help every key the commands answer, in the words of the UI language', async () => {
    const editor = await mountEditor({ storage: 'none', lang: 'en' });
    $(editor, '.help-button').click();
    await editor.updateComplete;
    const rows = $$(editor, 'dialog.help tbody tr').map((row) => ({
      keys: [...row.querySelectorAll('kbd')].map((key) => key.textContent).join(' '),
      says: row.querySelectorAll('td')[1]!.textContent,
    }));
    for (const [keys, says] of [
      ['N', 'Add a new contact'],
      ['Ctrl Z', 'Undo'],
      ['Ctrl Shift Z', 'Redo'],
      ['Ctrl Y', 'Redo'],
      ['Delete', 'Remove the contact (can be undone)'],
      ['+', 'Zoom in'],
      ['−', 'Zoom out'],
      ['0', 'Fit the view to the whole map'],
      ['?', 'Show this help'],
    ])
      expect(rows).toContainEqual({ keys, says });
    // The seven keys that move about, and the ten of the commands.
    expect(rows).toHaveLength(17);
  });
});
