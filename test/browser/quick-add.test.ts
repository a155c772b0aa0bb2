import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { NatverkskartaEditor } from 'natverkskarta';
import { findCategories } from '../../packages/natverkskarta/src/i18n/category-search.js';
import { sv } from '../../packages/natverkskarta/src/i18n/sv.js';
import { $, focused, mountEditor, unmountAll, violations } from './helpers.js';

afterEach(unmountAll);

const field = (editor: NatverkskartaEditor) => $<HTMLInputElement>(editor, '#quick-add-input');

describe('adding by typing', () => {
  it('finds kinds of contact by the words coordinators use, in Swedish and English', () => {
    const first = (query: string) => findCategories(sv, query)[0];
    expect(first('FK')).toBe('forsakringskassan');
    expect(first('habben')).toBe('habilitering');
    expect(first('BUP')).toBe('bup');
    expect(first('kurator')).toBe('elevhalsa');
    expect(first('assistans')).toBe('assistans');
    expect(first('korttids')).toBe('korttids');
    expect(first('forsakring')).toBe('forsakringskassan');
    expect(first('respite')).toBe('korttids');
    expect(first('dentist')).toBe('tandvard');
    expect(findCategories(sv, 'xyzzy')).toEqual([]);
  });

  it('enters a family of 20 contacts, 4 of them needed, by keyboard alone in at most 100 keystrokes', async () => {
    const pointerEvents: string[] = [];
    const onPointer = (event: Event) => pointerEvents.push(event.type);
    for (const type of ['pointerdown', 'mousedown', 'touchstart', 'click'])
      window.addEventListener(type, onPointer, { capture: true });
    let keystrokes = 0;
    const count = () => keystrokes++;
    window.addEventListener('keydown', count, { capture: true });
    try {
      const editor = await mountEditor({ storage: 'none' });
      await editor.updateComplete;
      $(editor, '.title-field input').focus();
      while (focused() !== field(editor) && keystrokes < 10) await userEvent.keyboard('{Tab}');
      expect(focused()).toBe(field(editor));

      const present = [
        'fk',
        'bup',
        'hab',
        'kur',
        'lss',
        'sko',
        'men',
        'mam',
        'morm',
        'sys',
        'van',
        'bvc',
        'tand',
        'vc',
        'af',
        'fub',
      ];
      const needed = ['ass', 'kortt', 'po', 'kont'];
      for (const query of present) await userEvent.keyboard(`${query}{Enter}`);
      for (const query of needed) await userEvent.keyboard(`${query}{Shift>}{Enter}{/Shift}`);
      await editor.updateComplete;

      expect(editor.map.actors.map((actor) => actor.category)).toEqual([
        'forsakringskassan',
        'bup',
        'habilitering',
        'elevhalsa',
        'lss',
        'skola',
        'mentor',
        'foralder',
        'farforalder',
        'syskon',
        'van',
        'bvc',
        'tandvard',
        'vardcentral',
        'arbetsformedlingen',
        'fub',
        'assistans',
        'korttids',
        'personligt-ombud',
        'kontaktperson',
      ]);
      expect(editor.map.actors.filter((actor) => actor.status === 'needed').map((actor) => actor.category)).toEqual([
        'assistans',
        'korttids',
        'personligt-ombud',
        'kontaktperson',
      ]);
      // Each in its sector and ring from the catalogue.
      expect(editor.map.actors.find((actor) => actor.category === 'forsakringskassan')).toMatchObject({
        sector: 'state',
        ring: 3,
      });
      expect(keystrokes).toBeLessThanOrEqual(100);
      expect(focused()).toBe(field(editor));
      expect(pointerEvents).toEqual([]);
    } finally {
      for (const type of ['pointerdown', 'mousedown', 'touchstart', 'click'])
        window.removeEventListener(type, onPointer, { capture: true });
      window.removeEventListener('keydown', count, { capture: true });
    }
  });

  it('adds text it does not know as "Annan", with that text as the organisation', async () => {
    const editor = await mountEditor({ storage: 'none' });
    await editor.updateComplete;
    field(editor).focus();
    await userEvent.keyboard('Stiftelsen Solrosen');
    await editor.updateComplete;
    const options = editor.shadowRoot!.querySelectorAll('[role="option"]');
    expect(options[options.length - 1]!.textContent).toContain('Annan: ”Stiftelsen Solrosen”');
    await userEvent.keyboard('{ArrowUp}{Enter}');
    expect(editor.map.actors).toEqual([expect.objectContaining({ category: 'annan', organisation: 'Stiftelsen Solrosen' })]);
  });

  it('is a combobox as the APG describes it: expanded, controls, active descendant; the toggle adds as needed', async () => {
    const editor = await mountEditor({ storage: 'none' });
    await editor.updateComplete;
    const input = field(editor);
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    input.focus();
    await userEvent.keyboard('fk');
    await editor.updateComplete;
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const list = editor.shadowRoot!.getElementById(input.getAttribute('aria-controls')!)!;
    expect(list.getAttribute('role')).toBe('listbox');
    expect(editor.shadowRoot!.getElementById(input.getAttribute('aria-activedescendant')!)!.textContent).toContain(
      'Försäkringskassan',
    );
    await userEvent.keyboard('{ArrowDown}');
    await editor.updateComplete;
    const active = editor.shadowRoot!.getElementById(input.getAttribute('aria-activedescendant')!)!;
    expect(active.getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{Escape}');
    await editor.updateComplete;
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('fk');
    await userEvent.keyboard('{Escape}');
    expect(input.value).toBe('');

    const toggle = $<HTMLButtonElement>(editor, '.quick-add .needed-toggle');
    toggle.click();
    await editor.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    input.focus();
    await userEvent.keyboard('bup{Enter}');
    expect(editor.map.actors[0]).toMatchObject({ category: 'bup', status: 'needed' });
  });

  it('keeps what was typed and says why when the contact is refused; adds nothing from a closed list', async () => {
    const editor = await mountEditor({ storage: 'none' });
    await editor.updateComplete;
    field(editor).focus();
    await userEvent.keyboard('x'.repeat(201));
    await editor.updateComplete;
    await userEvent.keyboard('{ArrowUp}{Enter}');
    await editor.updateComplete;
    expect(editor.map.actors).toEqual([]);
    expect(field(editor).value).toBe('x'.repeat(201));
    expect($(editor, '#quick-add-error').textContent).toContain('högst 200 tecken');

    await userEvent.keyboard('{Escape}'); // the list closes; Enter now adds nothing unseen
    await userEvent.keyboard('{Enter}');
    expect(editor.map.actors).toEqual([]);
  });

  it('takes Ctrl+Z in the empty field back to the editor: the contact just added goes', async () => {
    const editor = await mountEditor({ storage: 'none' });
    await editor.updateComplete;
    field(editor).focus();
    await userEvent.keyboard('bup{Enter}');
    expect(editor.map.actors).toHaveLength(1);
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(editor.map.actors).toHaveLength(0);
    expect(focused()).toBe(field(editor));
  });

  for (const lang of ['sv', 'en']) {
    it(`axe-core finds nothing with the list open (${lang})`, async () => {
      const editor = await mountEditor({ storage: 'none', lang });
      await editor.updateComplete;
      field(editor).focus();
      await userEvent.keyboard('ha');
      await editor.updateComplete;
      expect(field(editor).getAttribute('aria-expanded')).toBe('true');
      expect(await violations(editor)).toEqual([]);
    });
  }
});
