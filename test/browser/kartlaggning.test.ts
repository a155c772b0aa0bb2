import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { NatverkskartaEditor } from 'natverkskarta';
import { loadMapRevision } from '../../packages/natverkskarta/src/store/maps.js';
import { $, button, eventually, focused, mountEditor, uniqueId, unmountAll, violations } from './helpers.js';

afterEach(unmountAll);

const progress = (editor: NatverkskartaEditor) => $(editor, '.walk .walk-progress').textContent?.trim();
const question = (editor: NatverkskartaEditor) => $(editor, '.walk .walk-question').textContent?.trim();

async function startWalk(editor: NatverkskartaEditor): Promise<void> {
  button(editor, 'Kartläggning').focus();
  await userEvent.keyboard('{Enter}');
  await eventually(() => expect(editor.shadowRoot!.querySelector('.walk')).not.toBeNull());
  await editor.updateComplete;
}

describe('Kartläggning, a guided walk through the catalogue', () => {
  it('asks sector by sector, one key per answer, says where it is, and takes details typed there', async () => {
    const pointerEvents: string[] = [];
    const onPointer = (event: Event) => pointerEvents.push(event.type);
    window.addEventListener('pointerdown', onPointer, { capture: true });
    try {
      const id = uniqueId('walk');
      const editor = await mountEditor({ 'map-id': id });
      await startWalk(editor);
      expect(progress(editor)).toBe('Familj och närstående, 1 av 6');
      expect(question(editor)).toBe('Finns det en förälder eller vårdnadshavare att ta med på kartan?');
      expect(focused()).toBe($(editor, '.walk .walk-question'));

      // Förälder: finns, with a name typed; Enter in the field answers "finns".
      $(editor, '#walk-name').focus();
      await userEvent.keyboard('Sara Haddad{Enter}');
      await editor.updateComplete;
      expect(question(editor)).toBe('Har barnet syskon?');
      await userEvent.keyboard('i'); // syskon: inte aktuellt
      await editor.updateComplete;
      await userEvent.keyboard('f'); // mor- och farförälder: finns
      await editor.updateComplete;
      await userEvent.keyboard('i'); // släkting
      await userEvent.keyboard('i'); // vän
      await userEvent.keyboard('i'); // granne
      await editor.updateComplete;
      expect(progress(editor)).toBe('Kommunen, 1 av 7');
      await userEvent.keyboard('b'); // LSS-handläggare: behövs
      await editor.updateComplete;
      expect(progress(editor)).toBe('Kommunen, 2 av 7');

      expect(editor.map.actors.map((actor) => [actor.category, actor.status, actor.name])).toEqual([
        ['foralder', 'active', 'Sara Haddad'],
        ['farforalder', 'active', ''],
        ['lss', 'needed', ''],
      ]);
      expect(editor.map.actors.find((actor) => actor.category === 'lss')).toMatchObject({ sector: 'municipality', ring: 2 });
      expect(editor.map.skipped).toEqual(['syskon', 'slakting', 'van', 'granne']);

      // Stored with the map: the marks are in IndexedDB.
      await editor.flush();
      expect((await loadMapRevision(id))!.doc.skipped).toEqual(['syskon', 'slakting', 'van', 'granne']);

      // Left, and taken up again where it stood: nothing answered is asked again.
      await userEvent.keyboard('{Escape}');
      await editor.updateComplete;
      expect(editor.shadowRoot!.querySelector('.walk')).toBeNull();
      unmountAll();
      const again = await mountEditor({ 'map-id': id });
      await startWalk(again);
      expect(progress(again)).toBe('Kommunen, 2 av 7');
      expect(question(again)).toBe('Har familjen kontakt med socialtjänsten?');
      expect(pointerEvents).toEqual([]);
    } finally {
      window.removeEventListener('pointerdown', onPointer, { capture: true });
    }
  });

  it('ends with what the map holds, and Ctrl+Z takes an answer back', async () => {
    const editor = await mountEditor({ storage: 'none' });
    await startWalk(editor);
    // Every question but the last three answered "inte aktuellt" (32 questions in all), the last three as they come.
    for (let i = 0; i < 29; i++) {
      await userEvent.keyboard('i');
      await editor.updateComplete;
    }
    expect(progress(editor)).toBe('Föreningar och fritid, 3 av 5');
    for (const key of ['f', 'b', 'i']) {
      await userEvent.keyboard(key);
      await editor.updateComplete;
    }
    expect($(editor, '.walk h2').textContent).toBe('Kartläggningen är klar');
    expect(question(editor)).toBe('2 kontakter, varav 1 behövs.');
    expect(editor.undo()).toBe(true);
    expect(editor.map.skipped).not.toContain('fritid');
  });

  it('gives the focus back to its button when left, asks an undone answer again, and closes for the add form', async () => {
    const editor = await mountEditor({ storage: 'none' });
    await startWalk(editor);
    await userEvent.keyboard('f');
    await editor.updateComplete;
    expect(question(editor)).toBe('Har barnet syskon?');
    await userEvent.keyboard('{Control>}z{/Control}');
    await editor.updateComplete;
    expect(question(editor)).toBe('Finns det en förälder eller vårdnadshavare att ta med på kartan?');
    expect(focused()).toBe($(editor, '.walk .walk-question'));
    await userEvent.keyboard('{Escape}');
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('.walk')).toBeNull();
    expect(focused()).toBe($(editor, '.walk-button'));
    await startWalk(editor);
    await userEvent.click(button(editor, 'Lägg till kontakt'));
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('.walk')).toBeNull();
    expect(editor.shadowRoot!.querySelector('#add-heading')).not.toBeNull();
  });

  it('keeps the question when a detail is wrong, and says why', async () => {
    const editor = await mountEditor({ storage: 'none' });
    await startWalk(editor);
    $(editor, '#walk-phone').focus();
    await userEvent.keyboard('inte ett nummer{Enter}');
    await editor.updateComplete;
    expect(question(editor)).toBe('Finns det en förälder eller vårdnadshavare att ta med på kartan?');
    expect($(editor, '.walk #error-phone').textContent).toContain('inget giltigt telefonnummer');
    expect(editor.map.actors).toEqual([]);
  });

  it('asks in English in English, and in a host’s own language through its table', async () => {
    const { registerTranslations } = await import('natverkskarta');
    const { en } = await import('../../packages/natverkskarta/src/i18n/en.js');
    registerTranslations('nb', {
      ...en,
      locale: 'nb',
      ui: { ...en.ui, walkQuestion: (kind) => `Har familien kontakt med: ${kind}?` },
    });
    const english = await mountEditor({ storage: 'none', lang: 'en' });
    await english.updateComplete;
    $(english, '.walk-button').click();
    await eventually(() => expect(question(english)).toBe('Is there a parent or guardian to put on the map?'));
    const norwegian = await mountEditor({ storage: 'none', lang: 'nb' });
    await norwegian.updateComplete;
    $(norwegian, '.walk-button').click();
    await eventually(() => expect(question(norwegian)).toBe('Har familien kontakt med: Parent?'));
  });

  for (const lang of ['sv', 'en']) {
    it(`axe-core finds nothing in the walk (${lang})`, async () => {
      const editor = await mountEditor({ storage: 'none', lang });
      await editor.updateComplete;
      $(editor, '.walk-button').click();
      await eventually(() => expect(editor.shadowRoot!.querySelector('.walk')).not.toBeNull());
      await editor.updateComplete;
      expect(await violations(editor)).toEqual([]);
    });
  }
});
