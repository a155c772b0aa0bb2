/**
 * The versions as a coordinator uses them in the side panel: "Spara version" with the names offered, the list,
 * a version shown read-only, and what changed since, in words a parent reads.
 */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { NatverkskartaEditor } from 'natverkskarta';
import { $, $$, focused, mountEditor, readable, uniqueId, violations, withEmptyDatabase } from './helpers.js';

withEmptyDatabase();

/** The family at the kartläggning: Försäkringskassan works badly, korttidsvistelse is needed. */
async function atIntake(lang = 'sv'): Promise<{ editor: NatverkskartaEditor; korttids: string; fk: string }> {
  const editor = await mountEditor({ 'map-id': uniqueId('versions-ui'), lang });
  editor.setTitle('Familjen Lind');
  const fk = editor.addActor({ category: 'forsakringskassan', functioning: 'poor', ring: 3 });
  const korttids = editor.addActor({ category: 'korttids', status: 'needed' });
  await editor.updateComplete;
  return { editor, korttids, fk };
}

const mapActors = (editor: NatverkskartaEditor) =>
  $$(editor, 'svg.map g.actor').map((group) => group.getAttribute('data-actor-id'));

describe('versions in the side panel', () => {
  it('saves a version under a name offered or typed, lists it, and says why an empty name is refused', async () => {
    const { editor } = await atIntake();
    $(editor, 'details.versions summary').click();
    await editor.updateComplete;
    expect(readable($(editor, 'details.versions summary').textContent).trim()).toBe('Versioner (0)');
    const field = $<HTMLInputElement>(editor, '#version-label');
    expect(field.value).toBe('Kartläggning');
    expect([...$(editor, '#version-labels').querySelectorAll('option')].map((option) => option.value)).toEqual([
      'Kartläggning',
      'Uppföljning',
      'Avslut',
    ]);
    await userEvent.click($(editor, '.version-form button[type="submit"]'));
    await expect.poll(async () => (await editor.listVersions()).length).toBe(1);
    await editor.updateComplete;
    expect($$(editor, '.version-list li .version-title').map((title) => title.textContent)).toEqual(['Kartläggning']);
    expect($(editor, '.version-list li').textContent).toContain('2 kontakter');
    await expect.poll(() => $(editor, '[role="status"][aria-live]').textContent).toContain('Versionen ”Kartläggning” är sparad.');
    // The next one is offered as a follow-up.
    expect(field.value).toBe('Uppföljning');

    await userEvent.clear(field);
    await userEvent.click($(editor, '.version-form button[type="submit"]'));
    await editor.updateComplete;
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect($(editor, '#version-error').textContent).toContain('Versionens namn');
    expect(await editor.listVersions()).toHaveLength(1);

    // Mended and saved: the panel stays open, with the focus on its button, as after a save with no refusal.
    await userEvent.fill(field, 'Uppföljning');
    await userEvent.click($(editor, '.version-form button[type="submit"]'));
    await expect.poll(async () => (await editor.listVersions()).length).toBe(2);
    await editor.updateComplete;
    expect($$(editor, '#version-error')).toHaveLength(0);
    expect($<HTMLDetailsElement>(editor, 'details.versions').open).toBe(true);
    expect(focused()).toBe($(editor, '.version-form button[type="submit"]'));
  });

  it('shows a version read-only in place of the map, and goes back to the map now', async () => {
    const { editor, korttids } = await atIntake();
    const intake = await editor.saveVersion('Kartläggning');
    editor.updateActor(korttids, { status: 'active', organisation: 'Solgläntan' });
    const ombud = editor.addActor({ category: 'personligt-ombud', name: 'Eva Berg' });
    await editor.updateComplete;
    $(editor, 'details.versions summary').click();
    await editor.updateComplete;
    await userEvent.click(
      [...$(editor, `.version-list [data-version-id="${intake.id}"]`).querySelectorAll('button')].find(
        (button) => button.textContent?.trim() === 'Visa',
      )!,
    );
    await editor.updateComplete;
    const banner = $(editor, '.viewing-banner');
    expect(readable(banner.textContent)).toContain('Du ser versionen ”Kartläggning”');
    expect(banner.textContent).toContain('Den går inte att ändra.');
    expect(focused()).toBe(banner.querySelector('button'));
    expect(mapActors(editor)).not.toContain(ombud);
    expect(mapActors(editor)).toHaveLength(2);
    // Nothing to change it with: the toolbar says it is read-only, and keys that edit do nothing.
    expect($(editor, '.toolbar').textContent).not.toContain('Lägg till kontakt');
    expect(editor.map.actors).toHaveLength(3);

    await userEvent.click(banner.querySelector('button')!);
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('.viewing-banner')).toBeNull();
    expect(mapActors(editor)).toContain(ombud);
    expect(focused()?.textContent?.trim()).toBe('Visa');
  });

  for (const [lang, heading, lines] of [
    [
      'sv',
      'Förändringar sedan Kartläggning',
      [
        '1 ny kontakt: Eva Berg.',
        '1 behov har fått en kontakt: Solgläntan.',
        'Fungerar nu bra: Försäkringskassan.',
        'Närmare familjen: Försäkringskassan.',
      ],
    ],
    [
      'en',
      'Changes since Intake',
      [
        '1 new contact: Eva Berg.',
        '1 need has got a contact: Solgläntan.',
        'Now works well: Social Insurance Agency (Försäkringskassan).',
        'Closer to the family: Social Insurance Agency (Försäkringskassan).',
      ],
    ],
  ] as const) {
    it(`tells what changed since a version, as a list a parent reads (${lang}), and nothing axe-core finds`, async () => {
      const { editor, korttids, fk } = await atIntake(lang);
      const intake = await editor.saveVersion(lang === 'sv' ? 'Kartläggning' : 'Intake');
      editor.updateActor(korttids, { status: 'active', organisation: 'Solgläntan' });
      editor.updateActor(fk, { functioning: 'good', ring: 2 });
      editor.addActor({ category: 'personligt-ombud', name: 'Eva Berg' });
      await editor.updateComplete;
      $(editor, 'details.versions summary').click();
      await editor.updateComplete;
      expect(await violations(editor), 'versions open').toEqual([]);
      const row = $(editor, `.version-list [data-version-id="${intake.id}"]`);
      await userEvent.click([...row.querySelectorAll('button')].find((button) => /nu|now/.test(button.textContent ?? ''))!);
      await editor.updateComplete;
      expect(focused()).toBe($(editor, '#changes-heading'));
      expect($(editor, '#changes-heading').textContent).toBe(heading);
      const told = (item: Element) => {
        const copy = item.cloneNode(true) as Element;
        copy.querySelector('.change-glyph')?.remove();
        return readable(copy.textContent).replace(/\s+/g, ' ').trim();
      };
      expect($$(editor, '.changes li').map(told)).toEqual(lines);
      // On the map, each changed contact carries the sign its group has in the list, which is the legend; its
      // name says what changed.
      const glyphs = $$(editor, '.changes li').map((item) => item.querySelector('.change-glyph')?.textContent);
      expect(glyphs).toEqual(['+', '★', '▲', '◀']);
      const mark = (id: string) => $(editor, `svg.map g.actor[data-actor-id="${id}"] .change-mark text`).textContent;
      expect(mark(korttids)).toBe('★');
      expect(mark(fk)).toBe('▲');
      expect($(editor, `svg.map g.actor[data-actor-id="${fk}"]`).getAttribute('aria-label')).toContain(
        lang === 'sv' ? 'Fungerar nu bra; Närmare familjen' : 'Now works well; Closer to the family',
      );
      expect($$(editor, 'svg.map g.actor.changed')).toHaveLength(3);
      expect(await violations(editor), 'changes shown').toEqual([]);

      $(editor, `.version-list [data-version-id="${intake.id}"] button`).click();
      await editor.updateComplete;
      expect(await violations(editor), 'a version shown').toEqual([]);
      // Shown read-only, or the comparison closed: no marks.
      expect($$(editor, 'svg.map .change-mark')).toEqual([]);
    });
  }

  it('makes the PDF with the changes since a version, and refuses one the map does not have', async () => {
    const { editor } = await atIntake();
    const intake = await editor.saveVersion('Kartläggning');
    const plain = await editor.exportPdf();
    const compared = await editor.exportPdf({ compareWith: intake.id });
    expect(compared.size).toBeGreaterThan(plain.size);
    await expect(editor.exportPdf({ compareWith: 'ingen-sådan' })).rejects.toThrow(/ingen sådan version/);
  });
});
