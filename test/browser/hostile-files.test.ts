import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { userEvent } from 'vitest/browser';
import { LIMITS, type NkErrorEvent } from 'natverkskarta';
import { $, $$, mountEditor, unmountAll } from './helpers.js';

afterEach(unmountAll);

/** A hand-over file the editor itself would write, with `change` applied to its document. */
async function handOverFile(change: (doc: Record<string, unknown>) => void = () => undefined): Promise<string> {
  const source = await mountEditor({ storage: 'none' });
  source.setTitle('Familjen Lind');
  source.addActor({ category: 'bup', name: 'Anna Lind' });
  const doc = JSON.parse(source.exportJson()) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc);
}

describe('a hostile hand-over file, through both doors', () => {
  it('importJson refuses 100,000 actors at once, naming the limit, with nk-error, and changes nothing', async () => {
    const editor = await mountEditor({ storage: 'none' });
    editor.addActor({ category: 'granne', name: 'Finns sedan förut' });
    const before = editor.map;
    const errors: unknown[] = [];
    editor.addEventListener('nk-error', (event) => errors.push((event as NkErrorEvent).detail.error));
    const text = await handOverFile((doc) => {
      // Small enough to pass the size limit: only the count stops it.
      doc.actors = Array.from({ length: 100_000 }, (_, i) => ({ id: `a${i}` }));
    });
    await expect(editor.importJson(text)).rejects.toThrow(`Kartan får ha högst ${LIMITS.actors} kontakter.`);
    expect(errors).toHaveLength(1);
    expect(editor.map).toBe(before);
  });

  it('the file picker refuses a file over the size limit before reading it, says why, and changes nothing', async () => {
    const editor = await mountEditor({ storage: 'none' });
    editor.addActor({ category: 'granne', name: 'Finns sedan förut' });
    const before = editor.map;
    const file = new File([' '.repeat(3 * LIMITS.fileSize + 1)], 'stor.json', { type: 'application/json' });
    // The picker's file is a copy of this one: watch every read of a file's text in this page.
    let read = false;
    const text = Blob.prototype.text;
    Blob.prototype.text = function (this: Blob) {
      read = true;
      return text.call(this);
    };
    onTestFinished(() => {
      Blob.prototype.text = text;
    });
    await userEvent.upload($(editor, '.file-button input[type="file"]'), file);
    await expect.poll(() => $(editor, '.message.error').textContent).toContain('högst 6 MB');
    expect(read).toBe(false);
    expect(editor.map).toBe(before);
  });

  it('both doors take a file that starts with a byte-order mark', async () => {
    const text = `\uFEFF${await handOverFile()}`;
    const viaApi = await mountEditor({ storage: 'none' });
    await viaApi.importJson(text);
    expect(viaApi.map.title).toBe('Familjen Lind');
    const viaPicker = await mountEditor({ storage: 'none' });
    await userEvent.upload($(viaPicker, '.file-button input[type="file"]'), new File([text], 'lind.json'));
    await expect.poll(() => viaPicker.map.title).toBe('Familjen Lind');
  });
});

describe('typed text cannot pass for other text', () => {
  it('a name with a right-to-left override shows as typed, not as a phone number', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const id = editor.addActor({ category: 'lss', name: 'Socialtjänsten \u202E11 11-010 :nfT\u202C', phone: '010-222 22 22' });
    await editor.updateComplete;
    const entry = $(editor, `.contact-list [data-actor-id="${id}"]`);
    expect(entry.textContent).not.toMatch(/[\u202A-\u202E]/);
    expect(entry.textContent).toContain('Socialtjänsten 11 11-010 :nfT');
    // Every piece of user text in the entry is isolated from the next.
    expect($$(editor, `.contact-list [data-actor-id="${id}"] bdi`).map((bdi) => bdi.textContent)).toEqual([
      'LSS-handläggare',
      '010-222 22 22',
    ]);
    expect(entry.querySelector('.entry-title')!.getAttribute('dir')).toBe('auto');
  });

  it('a file’s overrides and zero-width characters are gone on import: two entries cannot look alike and differ', async () => {
    const editor = await mountEditor({ storage: 'none' });
    await editor.importJson(
      await handOverFile((doc) => {
        const [first] = doc.actors as Record<string, unknown>[];
        doc.actors = [
          { ...first, id: 'a', name: 'Anna Lind', organisation: '' },
          { ...first, id: 'b', name: 'Anna\u200B Li\u2060nd\u202E', organisation: '' },
        ];
      }),
    );
    expect(editor.map.actors.map((actor) => actor.name)).toEqual(['Anna Lind', 'Anna Lind']);
    await editor.updateComplete;
    const titles = $$(editor, '.contact-list .entry-title').map((title) => title.textContent);
    expect(titles).toEqual(['Anna Lind', 'Anna Lind']);
  });

  it('every text field of the forms takes its direction from what is typed', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const id = editor.addActor({ category: 'bup', name: 'سارا حداد' });
    editor.select(id);
    await editor.updateComplete;
    const fields = $$<HTMLInputElement>(editor, 'form input[type="text"], form textarea');
    expect(fields.length).toBeGreaterThan(5);
    for (const field of fields) expect(field.getAttribute('dir'), field.name).toBe('auto');
  });
});
