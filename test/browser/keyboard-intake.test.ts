import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { $, focused, mountEditor, uniqueId, unmountAll } from './helpers.js';

afterEach(unmountAll);

async function press(keys: string): Promise<void> {
  await userEvent.keyboard(keys);
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('a whole intake by keyboard alone', () => {
  it('names the map, adds three actors, moves one, ties two, deletes one and undoes, with no mouse event', async () => {
    const pointerEvents: string[] = [];
    for (const type of ['pointerdown', 'mousedown', 'touchstart'])
      window.addEventListener(type, () => pointerEvents.push(type), { capture: true });

    const editor = await mountEditor({ 'map-id': uniqueId('keyboard') });
    const titleInput = $(editor, '.title-field input');
    titleInput.focus();
    await press('Familjen Tesfay');
    // Next after the family's name: adding by typing (quick-add.test.ts), its toggle, the kartläggning
    // (kartlaggning.test.ts), then the add form.
    await press('{Tab}');
    expect(focused()?.id).toBe('quick-add-input');
    await press('{Tab}{Tab}{Tab}');
    expect(focused()?.textContent?.trim()).toBe('Lägg till kontakt');
    expect(editor.map.title).toBe('Familjen Tesfay');

    const addActor = async (category: string, typeAhead: string, name: string) => {
      expect(focused()?.id).toBe('add-category');
      // A closed select takes typed letters as the start of an option's name.
      await press(typeAhead);
      expect((focused() as HTMLSelectElement).value).toBe(category);
      await press('{Tab}{Tab}');
      expect(focused()?.id).toBe('add-name');
      await press(name);
      await press('{Enter}');
      await editor.updateComplete;
      // The new actor is selected with its form; Escape goes back to it on the map.
      expect(focused()?.id).toBe('edit-heading');
      await press('{Escape}');
      await editor.updateComplete;
      expect(focused()?.getAttribute('data-actor-id')).toBeTruthy();
    };

    await press('{Enter}');
    await editor.updateComplete;
    await addActor('bup', 'BUP', 'Selam Tesfay');
    await press('n');
    await editor.updateComplete;
    await addActor('skola', 'Skola', 'Mentor Jonas');
    await press('n');
    await editor.updateComplete;
    await addActor('arbetsformedlingen', 'Arbetsf', 'Handläggare Aida');
    expect(editor.map.actors.map((actor) => actor.name)).toEqual(['Selam Tesfay', 'Mentor Jonas', 'Handläggare Aida']);

    // Move the focused actor (Arbetsförmedlingen, ring 3) one ring closer.
    const moving = focused()!.getAttribute('data-actor-id')!;
    expect(editor.map.actors.find((a) => a.id === moving)).toMatchObject({ category: 'arbetsformedlingen', ring: 3 });
    await press('{Alt>}{ArrowUp}{/Alt}');
    await editor.updateComplete;
    expect(editor.map.actors.find((a) => a.id === moving)!.ring).toBe(2);
    expect($(editor, '[role="status"]').textContent).toContain('flyttad till emellanåt');
    expect(focused()?.getAttribute('data-actor-id')).toBe(moving);

    // Tie it to the actor before it in the list: T, an arrow, Enter.
    await press('t');
    await editor.updateComplete;
    await press('{ArrowLeft}');
    const other = focused()!.getAttribute('data-actor-id')!;
    expect(editor.map.actors.map((a) => a.id)).toContain(other);
    expect(other).not.toBe(moving);
    await press('{Enter}');
    await editor.updateComplete;
    expect(editor.map.ties).toHaveLength(1);
    expect([editor.map.ties[0]!.from, editor.map.ties[0]!.to].sort()).toEqual([moving, other].sort());
    expect(focused()?.getAttribute('data-actor-id')).toBe(other);

    // Delete one, then undo.
    await press('{Delete}');
    await editor.updateComplete;
    expect(editor.map.actors).toHaveLength(2);
    expect(editor.map.ties).toHaveLength(0);
    // Focus stays in the map, on a neighbour, so that Ctrl+Z works at once.
    expect(focused()?.closest('svg.map')).toBeTruthy();
    await press('{Control>}z{/Control}');
    await editor.updateComplete;
    expect(editor.map.actors).toHaveLength(3);
    expect(editor.map.ties).toHaveLength(1);

    await editor.flush();
    expect(pointerEvents).toEqual([]);
  });

  it('opens the shortcut help with "?" and gives focus back when it closes', async () => {
    const editor = await mountEditor({ storage: 'none', lang: 'en' });
    const help = $(editor, 'button.help-button');
    help.focus();
    await press('{Enter}');
    await editor.updateComplete;
    const dialog = $<HTMLDialogElement>(editor, 'dialog.help');
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('Move the contact one ring closer or further out');
    await press('{Escape}');
    await editor.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(editor.shadowRoot!.querySelector('dialog.help')).toBeNull();
    expect(focused()).toBe(help);
  });
});

describe('the add form opened from the map', () => {
  it('N on a contact, then Escape or Avbryt, goes back to that contact; from the toolbar, back to its button', async () => {
    const editor = await mountEditor({ storage: 'none' });
    editor.addActor({ category: 'bup', name: 'Selam Tesfay' });
    const school = editor.addActor({ category: 'skola', organisation: 'Ekbackens skola' });
    await editor.updateComplete;
    const onMap = () => $(editor, `svg.map g.actor[data-actor-id="${school}"]`);
    onMap().focus();
    await press('n');
    await editor.updateComplete;
    expect(focused()?.id).toBe('add-category');
    await press('{Escape}');
    await editor.updateComplete;
    expect(focused()).toBe(onMap());

    await press('n');
    await editor.updateComplete;
    $(editor, 'form.add-form .form-actions button[type="button"]').click();
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('form.add-form')).toBeNull();
    expect(focused()).toBe(onMap());

    // Focus the user has taken elsewhere while the form was open stays there when Escape closes it.
    await press('n');
    await editor.updateComplete;
    const other = $(editor, 'svg.map g.actor:not([data-actor-id="' + school + '"])');
    other.focus();
    await press('{Escape}');
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('form.add-form')).toBeNull();
    expect(focused()).toBe(other);

    const addButton = $(editor, '.toolbar button.primary');
    addButton.focus();
    await press('{Enter}');
    await editor.updateComplete;
    expect(focused()?.id).toBe('add-category');
    await press('{Escape}');
    await editor.updateComplete;
    expect(focused()).toBe(addButton);
  });

  it('T and then Escape ends the tie, and its hint is gone from the live region; a tie made is told', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const bup = editor.addActor({ category: 'bup', name: 'Selam Tesfay' });
    editor.addActor({ category: 'skola', organisation: 'Ekbackens skola' });
    await editor.updateComplete;
    const live = () => $(editor, '[role="status"][aria-live]').textContent ?? '';
    $(editor, `svg.map g.actor[data-actor-id="${bup}"]`).focus();
    await press('t');
    await editor.updateComplete;
    await expect.poll(live).toContain('Esc avbryter');
    await press('{Escape}');
    await editor.updateComplete;
    await expect.poll(live).toBe('');
    expect(focused()?.getAttribute('data-actor-id')).toBe(bup);

    // A tie made is told, in place of the hint.
    await press('t');
    await editor.updateComplete;
    await press('{ArrowRight}');
    await press('{Enter}');
    await editor.updateComplete;
    expect(editor.map.ties).toHaveLength(1);
    await expect.poll(live).toContain('Band knutet mellan');
  });

  it('removing the last contact with Delete leaves the focus on the family', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const only = editor.addActor({ category: 'bup', name: 'Selam Tesfay' });
    await editor.updateComplete;
    $(editor, `svg.map g.actor[data-actor-id="${only}"]`).focus();
    await press('{Delete}');
    await editor.updateComplete;
    expect(editor.map.actors).toHaveLength(0);
    expect(focused()?.getAttribute('data-actor-id')).toBe('centre');
  });
});

describe('starting from the family at the centre', () => {
  it('on an empty map Tab reaches the family, N opens the add form there, and Enter goes to the family’s name', async () => {
    const editor = await mountEditor({ storage: 'none' });
    $(editor, '.title-field input').focus();
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await press('{Tab}');
      reached = focused()?.getAttribute('data-actor-id') === 'centre';
    }
    expect(reached).toBe(true);
    expect(focused()!.getAttribute('role')).toBe('button');
    expect(focused()!.getAttribute('aria-description')).toContain('Tryck N');

    await press('{Enter}');
    expect(focused()).toBe($(editor, '.title-field input'));

    (editor.shadowRoot!.querySelector('[data-actor-id="centre"]') as SVGGElement).focus();
    await press('n');
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('#add-heading')).not.toBeNull();
  });

  it('with contacts on the map, the family is not a tab stop of its own', async () => {
    const editor = await mountEditor({ storage: 'none' });
    editor.addActor({ category: 'bup' });
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('[data-actor-id="centre"]')!.hasAttribute('tabindex')).toBe(false);
  });
});
