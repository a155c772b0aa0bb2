import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { NatverkskartaEditor } from 'natverkskarta';
import { $, button, mountEditor, unmountAll, violations } from './helpers.js';

afterEach(unmountAll);

function populate(editor: NatverkskartaEditor): string {
  editor.setTitle('Familjen Lind');
  const mamma = editor.addActor({ category: 'foralder', name: 'Sara Lind', consent: { given: true, date: '2026-11-01' } });
  const bup = editor.addActor({ category: 'bup', name: 'Łukasz Nowak', functioning: 'mixed', phone: '010-123 45 67' });
  editor.addActor({ category: 'kontaktperson', status: 'needed' });
  editor.addActor({ category: 'tandvard', status: 'ended', functioning: 'poor' });
  editor.addActor({ category: 'skola', organisation: 'Ekbackens skola', functioning: 'good' });
  editor.addTie('centre', mamma, 'strong');
  editor.addTie(bup, mamma, 'strained');
  return bup;
}

describe('axe-core finds nothing against WCAG 2.1 A and AA', () => {
  for (const lang of ['sv', 'en']) {
    it(`in every state of the editor (${lang})`, async () => {
      const editor = await mountEditor({ storage: 'none', lang });
      expect(await violations(editor), 'empty').toEqual([]);

      const bup = populate(editor);
      await editor.updateComplete;
      expect(await violations(editor), 'populated').toEqual([]);

      await userEvent.click(button(editor, lang === 'sv' ? 'Lägg till kontakt' : 'Add contact'));
      await editor.updateComplete;
      expect(await violations(editor), 'add form open').toEqual([]);

      editor.select(bup);
      await editor.updateComplete;
      expect(await violations(editor), 'selection with the actor form').toEqual([]);

      $(editor, '#edit-email').focus();
      await userEvent.fill($(editor, '#edit-email'), 'fel');
      $(editor, '#edit-email').dispatchEvent(new Event('change', { bubbles: true }));
      await editor.updateComplete;
      expect(await violations(editor), 'a field error shown').toEqual([]);

      await userEvent.click(button(editor, lang === 'sv' ? 'Lista' : 'List'));
      await editor.updateComplete;
      expect(await violations(editor), 'list view').toEqual([]);

      $(editor, 'details.legend summary').click();
      await userEvent.click(button(editor, lang === 'sv' ? 'Karta' : 'Map'));
      await editor.updateComplete;
      expect(await violations(editor), 'legend open').toEqual([]);

      await userEvent.click($(editor, 'button.help-button'));
      await editor.updateComplete;
      expect(await violations(editor), 'help open').toEqual([]);
    });
  }

  it('read-only', async () => {
    const editor = await mountEditor({ storage: 'none' });
    populate(editor);
    editor.readonly = true;
    await editor.updateComplete;
    expect(await violations(editor)).toEqual([]);
  });
});

describe('what the map says without colour', () => {
  it('names every actor with kind, organisation, person and status, and shows status and functioning by shape', async () => {
    const editor = await mountEditor({ storage: 'none' });
    populate(editor);
    await editor.updateComplete;
    const labels = [...editor.shadowRoot!.querySelectorAll('svg.map g.actor')].map((g) => g.getAttribute('aria-label'));
    expect(labels).toContain('Łukasz Nowak, BUP, Finns');
    expect(labels).toContain('Ekbackens skola, Skola/anpassad skola, Finns');
    expect(labels).toContain('Kontaktperson/stödfamilj, Behövs men saknas');
    const needed = $(editor, 'svg.map g.actor.status-needed');
    expect(needed.querySelector('.glyph')?.textContent).toBe('?');
    expect(getComputedStyle(needed.querySelector('.node')!).strokeDasharray).not.toBe('none');
    expect($(editor, 'svg.map g.actor.status-ended .glyph-line')).toBeTruthy();
    // How a contact works is a sign drawn in the disc (✓, ~, !), one shape per level, not a colour alone.
    const signs = (['good', 'mixed', 'poor'] as const).map((level) => {
      const sign = $(editor, `svg.map .mark.functioning-${level} path.sign`);
      expect(getComputedStyle(sign).stroke).toBe('rgb(255, 255, 255)');
      return sign.getAttribute('d');
    });
    expect(new Set(signs).size).toBe(3);
    expect($(editor, 'svg.map .mark.consent')).toBeTruthy();
    const strained = getComputedStyle($(editor, 'svg.map line.tie-strained')).strokeDasharray;
    const strong = getComputedStyle($(editor, 'svg.map line.tie-strong'));
    expect(strained).not.toBe('none');
    expect(Number.parseFloat(strong.strokeWidth)).toBeGreaterThan(4);
    const legend = $(editor, 'details.legend').textContent!;
    for (const words of ['Behövs men saknas', 'Fungerar delvis', 'Samtycke givet', 'Konflikt', 'Svagt band', 'Emellanåt'])
      expect(legend).toContain(words);
  });

  it('marks an empty sector on the map and in the list', async () => {
    const editor = await mountEditor({ storage: 'none' });
    editor.addActor({ category: 'bup' });
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelectorAll('svg.map g.sector.empty')).toHaveLength(5);
    expect($(editor, 'svg.map g.sector[data-sector="region"]').classList.contains('empty')).toBe(false);
  });
});

describe('the live region', () => {
  it('tells an addition, and holds nothing of the language left when the language changes', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const live = () => $(editor, '[role="status"][aria-live]').textContent ?? '';
    editor.addActor({ category: 'bup', name: 'Selam Tesfay' });
    await expect.poll(live).toContain('Selam Tesfay');
    editor.lang = 'en';
    await editor.updateComplete;
    expect($(editor, '.toolbar').textContent).toContain('Add contact');
    expect(live()).toBe('');
  });
});
