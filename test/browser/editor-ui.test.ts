import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { MapDocument, NatverkskartaEditor } from 'natverkskarta';
import { $, $$, actorNode, button, eventually, focused, mountEditor, readable, uniqueId, unmountAll } from './helpers.js';

afterEach(unmountAll);

/** Opens a contact's form from the contact list, as a coordinator does. */
async function openForm(editor: NatverkskartaEditor, id: string): Promise<void> {
  await editor.updateComplete;
  await userEvent.click($(editor, `.contact-list button[data-actor-id="${id}"]`));
}

/** Types into a field of the form and leaves it: the field's change event, as when focus moves on. */
async function enter(editor: NatverkskartaEditor, selector: string, text: string): Promise<void> {
  await userEvent.fill($(editor, selector), text);
  $(editor, selector).dispatchEvent(new Event('change', { bubbles: true }));
  await editor.updateComplete;
}

describe('adding, editing, removing and undoing through the UI', () => {
  it('adds BUP with a name and a phone number in a few steps', async () => {
    const editor = await mountEditor({ 'map-id': uniqueId('ui-add') });
    const changes: MapDocument[] = [];
    editor.addEventListener('nk-change', (event) => changes.push(event.detail.map));

    await userEvent.click(button(editor, 'Lägg till kontakt'));
    await userEvent.selectOptions($(editor, '#add-category'), 'bup');
    await userEvent.fill($(editor, '#add-name'), 'Dr. Łukasz Nowak');
    await userEvent.fill($(editor, '#add-phone'), '010-123 45 67');
    await userEvent.click(button(editor, 'Lägg till'));

    await eventually(() => expect($$(editor, 'g.actor')).toHaveLength(1));
    const node = $$(editor, 'g.actor')[0]!;
    expect(node.getAttribute('aria-label')).toContain('BUP');
    expect(node.getAttribute('aria-label')).toContain('Dr. Łukasz Nowak');
    expect($(editor, `svg.map g.actor-label[data-actor-id="${node.getAttribute('data-actor-id')}"]`).textContent).toContain(
      'Dr. Łukasz Nowak',
    );
    const entry = $(editor, '.contact-list ul[data-sector="region"] button.entry');
    expect(entry.textContent).toContain('Dr. Łukasz Nowak');
    expect(entry.textContent).toContain('010-123 45 67');
    expect(changes.at(-1)?.actors[0]).toMatchObject({
      category: 'bup',
      sector: 'region',
      name: 'Dr. Łukasz Nowak',
      phone: '010-123 45 67',
    });
    // The new actor is selected and its form open, ready for more details.
    expect($(editor, '#edit-heading').textContent).toContain('Dr. Łukasz Nowak');
  });

  it('explains a wrong e-mail beside the field and changes nothing; a right one is saved', async () => {
    const editor = await mountEditor({ 'map-id': uniqueId('ui-edit') });
    const id = editor.addActor({ category: 'skola', organisation: 'Ekbackens skola' });
    await openForm(editor, id);

    await enter(editor, '#edit-email', 'inte en adress');
    expect($(editor, '#error-email').textContent).toContain('ingen giltig e-postadress');
    expect($(editor, '#edit-email').getAttribute('aria-invalid')).toBe('true');
    expect(editor.map.actors[0]!.email).toBe('');
    // The wrong text stays in the field to be mended, whatever else redraws the editor.
    editor.requestUpdate();
    await editor.updateComplete;
    expect($<HTMLInputElement>(editor, '#edit-email').value).toBe('inte en adress');

    await enter(editor, '#edit-email', 'mentor@ekbacken.se');
    expect(editor.map.actors[0]!.email).toBe('mentor@ekbacken.se');
    expect($$(editor, '#error-email')).toHaveLength(0);
    expect($(editor, '.contact-list').textContent).toContain('mentor@ekbacken.se');
  });

  it('keeps what is typed in a field while the map redraws, and shows the next contact its own fields', async () => {
    const editor = await mountEditor({ 'map-id': uniqueId('ui-draft') });
    const first = editor.addActor({ category: 'skola', organisation: 'Ekbackens skola' });
    const second = editor.addActor({ category: 'bup', organisation: 'BUP Karlstad' });
    await openForm(editor, first);
    await userEvent.fill($(editor, '#edit-name'), 'Mira Holm');
    // Another edit redraws the editor while the name is still being typed (no change event yet).
    editor.updateActor(second, { phone: '010-123 45 67' });
    await editor.updateComplete;
    expect($<HTMLInputElement>(editor, '#edit-name').value).toBe('Mira Holm');
    expect($<HTMLInputElement>(editor, '#edit-organisation').value).toBe('Ekbackens skola');

    // A wrong e-mail stays in its field, turned down…
    await enter(editor, '#edit-email', 'inte en adress');
    expect($$(editor, '#error-email')).toHaveLength(1);

    // …and leaving the field saves the name; the next contact's form shows its own fields, not the drafts.
    await userEvent.click($(editor, `.contact-list button[data-actor-id="${second}"]`));
    await editor.updateComplete;
    expect(editor.map.actors.find((actor) => actor.id === first)!.name).toBe('Mira Holm');
    expect($(editor, '#edit-heading').textContent).toContain('BUP Karlstad');
    expect($<HTMLInputElement>(editor, '#edit-name').value).toBe('');
    expect($<HTMLInputElement>(editor, '#edit-email').value).toBe('');
    expect($$(editor, '#error-email')).toHaveLength(0);
    expect(editor.map.actors.find((actor) => actor.id === first)!.email).toBe('');
  });

  it('shows a saved field as saved: spaces typed around a name it already had are gone from the field too', async () => {
    const editor = await mountEditor({ 'map-id': uniqueId('ui-trim') });
    const id = editor.addActor({ category: 'bup', name: 'Mira Holm' });
    await openForm(editor, id);
    await enter(editor, '#edit-name', '  Mira Holm  ');
    expect(editor.map.actors[0]!.name).toBe('Mira Holm');
    expect($<HTMLInputElement>(editor, '#edit-name').value).toBe('Mira Holm');
    expect($$(editor, '#error-name')).toHaveLength(0);
  });

  it('removes an actor with its ties, and Ångra and Ctrl+Z bring them back', async () => {
    const editor = await mountEditor({ 'map-id': uniqueId('ui-remove') });
    const a = editor.addActor({ category: 'lss', name: 'Anna Berg' });
    const b = editor.addActor({ category: 'korttids', organisation: 'Solgläntan' });
    editor.addTie(a, b, 'strong');
    await editor.updateComplete;
    await userEvent.click(actorNode(editor, a));
    await editor.updateComplete;
    await userEvent.click(button(editor, 'Ta bort'));
    await editor.updateComplete;
    expect($$(editor, 'g.actor')).toHaveLength(1);
    expect($$(editor, 'svg.map line.tie')).toHaveLength(0);
    expect(readable($(editor, '[role="status"]').textContent)).toContain('Anna Berg togs bort');
    // The button went with its form: the focus is on the next contact on the map, not lost to the page.
    expect(focused()).toBe(actorNode(editor, b));

    await userEvent.click(button(editor, 'Ångra'));
    await editor.updateComplete;
    expect($$(editor, 'g.actor')).toHaveLength(2);
    expect($$(editor, 'svg.map line.tie-strong')).toHaveLength(1);

    await userEvent.click(button(editor, 'Gör om'));
    await editor.updateComplete;
    expect($$(editor, 'g.actor')).toHaveLength(1);

    actorNode(editor, b).focus();
    await userEvent.keyboard('{Control>}z{/Control}');
    await editor.updateComplete;
    expect($$(editor, 'g.actor')).toHaveLength(2);
    expect(editor.map.actors.map((actor) => actor.name)).toContain('Anna Berg');
  });

  it('in the list view, Ta bort gives the focus to the next contact in the list', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const a = editor.addActor({ category: 'lss', name: 'Anna Berg' });
    const b = editor.addActor({ category: 'korttids', organisation: 'Solgläntan' });
    await editor.updateComplete;
    await userEvent.click(button(editor, 'Lista'));
    await openForm(editor, a);
    await editor.updateComplete;
    await userEvent.click(button(editor, 'Ta bort'));
    await editor.updateComplete;
    expect(editor.map.actors.map((actor) => actor.id)).toEqual([b]);
    await eventually(() => expect(focused()).toBe($(editor, `.contact-list button[data-actor-id="${b}"]`)));
  });

  it('ties two actors from the form, shows the kind as a line style, and ties to the family', async () => {
    const editor = await mountEditor({ 'map-id': uniqueId('ui-tie') });
    const a = editor.addActor({ category: 'foralder', name: 'Sara' });
    const b = editor.addActor({ category: 'habilitering' });
    await openForm(editor, a);
    await userEvent.selectOptions($(editor, '#tie-to'), b);
    await userEvent.selectOptions($(editor, '#tie-kind'), 'strained');
    await userEvent.click(button(editor, 'Knyt'));
    await editor.updateComplete;
    expect($$(editor, 'svg.map line.tie-strained')).toHaveLength(1);
    expect(editor.map.ties[0]).toMatchObject({ from: a, to: b, kind: 'strained' });

    await userEvent.click(button(editor, 'Knyt band'));
    await editor.updateComplete;
    expect($(editor, '.message.hint').textContent).toContain('Sara');
    await userEvent.click($(editor, 'g.centre'));
    await editor.updateComplete;
    expect(editor.map.ties.some((tie) => tie.from === a && tie.to === 'centre')).toBe(true);
    expect($$(editor, 'svg.map line.tie')).toHaveLength(2);
  });

  it('selecting in the list selects on the map and the other way round, and tells the host', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const a = editor.addActor({ category: 'fub' });
    const b = editor.addActor({ category: 'rbu' });
    await editor.updateComplete;
    const selections: (string | null)[] = [];
    editor.addEventListener('nk-select', (event) => selections.push(event.detail.actorId));
    await userEvent.click($(editor, `.contact-list button[data-actor-id="${a}"]`));
    await editor.updateComplete;
    expect(actorNode(editor, a).getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(actorNode(editor, b));
    await editor.updateComplete;
    expect($(editor, `.contact-list button[data-actor-id="${b}"]`).getAttribute('aria-pressed')).toBe('true');
    expect($(editor, `.contact-list button[data-actor-id="${a}"]`).getAttribute('aria-pressed')).toBe('false');
    expect(selections).toEqual([a, b]);
  });

  it('lists needed-but-missing contacts apart and shows empty sectors', async () => {
    const editor = await mountEditor({ storage: 'none' });
    editor.addActor({ category: 'kontaktperson', status: 'needed' });
    await editor.updateComplete;
    expect($(editor, '.contact-list ul.needed').textContent).toContain('Kontaktperson/stödfamilj');
    expect($(editor, '.contact-list ul[data-sector="school"]').textContent).toContain('Inga kontakter');
    expect($$(editor, 'g.actor.status-needed')).toHaveLength(1);
  });
});

describe('the add form', () => {
  it('takes status, ring and what the contact helps with, named as in the edit form', async () => {
    const editor = await mountEditor({ storage: 'none' });
    await userEvent.click(button(editor, 'Lägg till kontakt'));
    await editor.updateComplete;
    const form = $(editor, 'form.add-form');
    await userEvent.selectOptions(form.querySelector<HTMLSelectElement>('[name="category"]')!, 'korttids');
    await userEvent.selectOptions(form.querySelector<HTMLSelectElement>('[name="status"]')!, 'needed');
    await userEvent.selectOptions(form.querySelector<HTMLSelectElement>('[name="ring"]')!, '1');
    await userEvent.fill(form.querySelector<HTMLTextAreaElement>('[name="helpsWith"]')!, 'Avlastning en helg i månaden');
    await userEvent.click(button(editor, 'Lägg till'));
    expect(editor.map.actors).toEqual([
      expect.objectContaining({ category: 'korttids', status: 'needed', ring: 1, helpsWith: 'Avlastning en helg i månaden' }),
    ]);
  });

  it('refuses a wrong phone number or e-mail in its own words, and takes the focus to the field to mend', async () => {
    const editor = await mountEditor({ storage: 'none' });
    await userEvent.click(button(editor, 'Lägg till kontakt'));
    await editor.updateComplete;
    await userEvent.fill($(editor, '#add-phone'), 'ring mig aldrig');
    await userEvent.fill($(editor, '#add-email'), 'inte-en-epost');
    await userEvent.click(button(editor, 'Lägg till'));
    await editor.updateComplete;
    expect(editor.map.actors).toHaveLength(0);
    // Not the browser's own check of an e-mail field (in the browser's language): the editor's, beside each field.
    expect($(editor, '#error-email').textContent).toContain('ingen giltig e-postadress');
    expect($(editor, '#add-email').getAttribute('aria-invalid')).toBe('true');
    expect($(editor, '#error-phone').textContent).toBeTruthy();
    // The first field in error has the focus, whichever button was pressed.
    expect(focused()).toBe($(editor, '#add-phone'));
  });

  it('leaves the ring to the kind of contact unless one is chosen', async () => {
    const editor = await mountEditor({ storage: 'none' });
    await userEvent.click(button(editor, 'Lägg till kontakt'));
    await editor.updateComplete;
    await userEvent.selectOptions($(editor, 'form.add-form [name="category"]') as HTMLSelectElement, 'forsakringskassan');
    await userEvent.click(button(editor, 'Lägg till'));
    expect(editor.map.actors[0]).toMatchObject({ category: 'forsakringskassan', ring: 3, status: 'active' });
  });
});
