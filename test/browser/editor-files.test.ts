import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { $, button, mountEditor, unmountAll } from './helpers.js';
import { fuzzCases } from '../fuzz-documents.js';

afterEach(unmountAll);

describe('files: the PDF and the hand-over file', () => {
  it('makes a PDF of the map from the editor, loading the PDF stack only then', async () => {
    const editor = await mountEditor({ storage: 'none' });
    editor.setTitle('Familjen Lind');
    editor.addActor({ category: 'bup', name: 'Łukasz Nowak', phone: '010-123 45 67' });
    const scriptsBefore = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(scriptsBefore.some((name) => /jspdf/i.test(name))).toBe(false);

    const blob = await editor.exportPdf();
    expect(blob.type).toBe('application/pdf');
    const head = new TextDecoder().decode(await blob.slice(0, 5).arrayBuffer());
    expect(head).toBe('%PDF-');
    expect(blob.size).toBeGreaterThan(10_000);
    const scriptsAfter = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(scriptsAfter.some((name) => /jspdf/i.test(name))).toBe(true);
  });

  it('offers the PDF from the toolbar and hands it to the browser as a download', async () => {
    const editor = await mountEditor({ storage: 'none' });
    editor.setTitle('Familjen Ali');
    const downloads: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      downloads.push(this.download);
    };
    try {
      await userEvent.click(button(editor, 'Skriv ut / spara PDF'));
      await expect.poll(() => downloads, { timeout: 10_000 }).toEqual(['Nätverkskarta – Familjen Ali.pdf']);
      await userEvent.click(button(editor, 'Exportera fil'));
      expect(downloads.at(-1)).toBe('Nätverkskarta – Familjen Ali.json');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });

  it('imports a hand-over file from the file picker as one undoable step', async () => {
    const source = await mountEditor({ storage: 'none' });
    source.setTitle('Familjen Yusuf');
    source.addActor({ category: 'fub', name: 'Amina Yusuf' });
    const editor = await mountEditor({ storage: 'none' });
    editor.addActor({ category: 'van', name: 'Finns sedan förut' });
    const file = new File([source.exportJson()], 'familjen-yusuf.json', { type: 'application/json' });
    await userEvent.upload($(editor, '.file-button input[type="file"]'), file);
    await expect.poll(() => editor.map.title).toBe('Familjen Yusuf');
    expect(editor.map.actors.map((a) => a.name)).toEqual(['Amina Yusuf']);
    editor.undo();
    expect(editor.map.actors.map((a) => a.name)).toEqual(['Finns sedan förut']);
  });

  it('says it is importing a chosen file in a painted frame before the map changes, with the focus kept on its button', async () => {
    const source = await mountEditor({ storage: 'none' });
    source.setTitle('Familjen Yusuf');
    source.addActor({ category: 'fub', name: 'Amina Yusuf' });
    const editor = await mountEditor({ storage: 'none' });
    editor.setTitle('Familjen Berg');
    const importButton = () => $<HTMLButtonElement>(editor, 'button[data-action="import"]');
    importButton().focus();
    // What each frame shows, as it is about to be painted: the button's label, and the map's title.
    const frames: string[] = [];
    let watching = true;
    const watch = () => {
      frames.push(`${importButton().textContent!.trim()} | ${editor.map.title}`);
      if (watching) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    const file = new File([source.exportJson()], 'familjen-yusuf.json', { type: 'application/json' });
    await userEvent.upload($(editor, '.file-button input[type="file"]'), file);
    await expect.poll(() => editor.map.title).toBe('Familjen Yusuf');
    await expect.poll(() => importButton().textContent!.trim()).toBe('Importera fil');
    // One frame more, so that the frame painting the new map is among those seen: the polls above may end before it.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    watching = false;
    expect(frames).toContain('Importerar fil … | Familjen Berg');
    expect(frames.indexOf('Importerar fil … | Familjen Berg')).toBeLessThan(frames.findIndex((f) => f.endsWith('Yusuf')));
    // Busy, the button kept the focus (a button made disabled under it loses it), and it is a button again.
    expect(editor.shadowRoot!.activeElement).toBe(importButton());
    expect(importButton().getAttribute('aria-disabled')).toBeNull();
  });

  it('explains a bad dropped file and changes nothing', async () => {
    const editor = await mountEditor({ storage: 'none' });
    editor.addActor({ category: 'granne' });
    const before = editor.map;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['{"schemaVersion": 1, "id": "x", "actors": "nej"}'], 'trasig.json'));
    editor.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    editor.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await expect
      .poll(() => editor.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '')
      .toContain('Filen kunde inte läsas in');
    expect(editor.shadowRoot!.querySelector('[role="alert"]')!.textContent).toContain('actors');
    expect(editor.map).toBe(before);
  });

  it('never partly applies any of hundreds of malformed files', async () => {
    const editor = await mountEditor({ storage: 'none' });
    editor.addActor({ category: 'skola', name: 'Orörd' });
    let refused = 0;
    for (const text of fuzzCases(400, 7)) {
      const before = editor.map;
      const accepted = await editor.importJson(text).then(
        () => true,
        (error: unknown) => {
          expect(error).toBeInstanceOf(Error);
          return false;
        },
      );
      if (accepted) {
        // A whole valid file: one step, and undo gives back exactly the map before (but for the time of change).
        editor.undo();
        expect({ ...editor.map, updatedAt: '' }).toEqual({ ...before, updatedAt: '' });
      } else {
        expect(editor.map).toBe(before);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(100);
    expect(editor.map.actors.map((a) => a.name)).toEqual(['Orörd']);
  });
});
