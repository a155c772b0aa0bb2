import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ValidationError, type MapDocument } from 'natverkskarta';
import { $, $$, actorNode, mountEditor, unmountAll } from './helpers.js';

afterEach(unmountAll);

function nodePositions(editor: HTMLElement): string[] {
  return [...editor.shadowRoot!.querySelectorAll('g.actor')].map(
    (g) => `${g.getAttribute('data-actor-id')} ${g.getAttribute('transform')}`,
  );
}

describe('the public contract', () => {
  it('rejects an unknown category or sector with a clear message in the UI language, and changes nothing', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const before = editor.map;
    expect(() => editor.addActor({ category: 'trollkarl' })).toThrow(/Typ av kontakt: ”trollkarl” finns inte i katalogen/);
    expect(() => editor.addActor({ sector: 'mars' })).toThrow(ValidationError);
    expect(editor.map).toBe(before);

    editor.setAttribute('lang', 'en');
    await editor.updateComplete;
    expect(() => editor.addActor({ category: 'bup', email: 'nope' })).toThrow(/E-mail: “nope” is not a valid e-mail address/);
    expect(editor.map).toBe(before);
    expect($(editor, '.toolbar').textContent).toContain('Add contact');
  });

  it('draws the same picture for the same document, and keeps it through a reload', async () => {
    const a = await mountEditor({ storage: 'none' });
    for (const category of ['foralder', 'syskon', 'skola', 'mentor', 'bup', 'habilitering', 'lss', 'forsakringskassan', 'fub'])
      a.addActor({ category });
    const b = await mountEditor({ storage: 'none' });
    const unplaced: MapDocument = { ...a.map, actors: a.map.actors.map((actor) => ({ ...actor, position: null })) };
    b.map = unplaced;
    const c = await mountEditor({ storage: 'none' });
    c.map = unplaced;
    await b.updateComplete;
    await c.updateComplete;
    expect(nodePositions(b)).toEqual(nodePositions(c));
    expect(nodePositions(b)).toHaveLength(9);
  });

  it('moves an actor dragged into another sector and ring there, pinned', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const id = editor.addActor({ category: 'bup', name: 'Dragen' });
    await editor.updateComplete;
    expect(editor.map.actors[0]).toMatchObject({ sector: 'region', ring: 2 });
    // Drop near twelve o'clock, close to the family: the family sector, ring 1.
    const svg = $(editor, 'svg.map') as unknown as SVGSVGElement;
    const matrix = svg.getScreenCTM()!;
    const target = new DOMPoint(30, -100).matrixTransform(matrix);
    const box = svg.getBoundingClientRect();
    await userEvent.dragAndDrop(actorNode(editor, id).querySelector('circle.node')!, svg, {
      targetPosition: { x: target.x - box.left, y: target.y - box.top },
    });
    await editor.updateComplete;
    const actor = editor.map.actors[0]!;
    expect(actor).toMatchObject({ sector: 'family', ring: 1, pinned: true });
    expect(Math.hypot(actor.position!.x - 30, actor.position!.y + 100)).toBeLessThan(25);
    expect($(editor, '.contact-list ul[data-sector="family"]').textContent).toContain('Dragen');
    editor.undo();
    expect(editor.map.actors[0]).toMatchObject({ sector: 'region', ring: 2, pinned: false });
  });

  it('exports the hand-over file and imports it; a bad file is refused and changes nothing', async () => {
    const editor = await mountEditor({ storage: 'none' });
    editor.setTitle('Familjen Yusuf');
    editor.addActor({ category: 'socialtjanst', name: 'Faisal Yusuf' });
    const file = editor.exportJson();
    const other = await mountEditor({ storage: 'none' });
    await other.importJson(file);
    expect(other.map.actors[0]!.name).toBe('Faisal Yusuf');
    expect(other.map.title).toBe('Familjen Yusuf');

    const errors: Error[] = [];
    other.addEventListener('nk-error', (event) => errors.push(event.detail.error));
    const before = other.map;
    const broken = JSON.parse(file) as MapDocument;
    (broken.actors[0] as unknown as Record<string, unknown>).ring = 7;
    await expect(other.importJson(JSON.stringify(broken))).rejects.toThrow(/Hur nära \(actors\[0\]\.ring\)/);
    await expect(other.importJson('{ not json')).rejects.toThrow(/inte JSON/);
    await expect(other.importJson(JSON.stringify({ ...broken, schemaVersion: 99 }))).rejects.toThrow(/nyare version/);
    expect(other.map).toBe(before);
    expect(errors).toHaveLength(3);
  });

  it('in read-only mode shows the map but offers no edits', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const id = editor.addActor({ category: 'granne', name: 'Olle' });
    editor.readonly = true;
    await editor.updateComplete;
    expect($$(editor, 'button').map((b) => b.textContent?.trim())).not.toContain('Lägg till kontakt');
    expect(() => editor.removeActor(id)).toThrow(/skrivskyddad/);
    await userEvent.click(actorNode(editor, id));
    await editor.updateComplete;
    expect(($(editor, '#edit-name') as HTMLInputElement).readOnly).toBe(true);
    expect(editor.map.actors).toHaveLength(1);
  });

  it('renders text a user typed as text, never as markup, in every field', async () => {
    const editor = await mountEditor({ storage: 'none' });
    const payload = (field: string) => `<img src=x onerror="window.__pwned='${field}'"><script>window.__pwned=1</script>`;
    editor.setTitle(payload('title'));
    const fields = ['organisation', 'name', 'role', 'address', 'helpsWith', 'note'] as const;
    const id = editor.addActor({ category: 'annan', ...Object.fromEntries(fields.map((field) => [field, payload(field)])) });
    editor.select(id);
    await editor.updateComplete;
    const root = editor.shadowRoot!;
    expect(root.querySelector('img, script, foreignObject')).toBeNull();
    expect(root.querySelector('.contact-list')!.textContent).toContain(payload('organisation'));
    expect((root.querySelector('#edit-note') as HTMLTextAreaElement).value).toBe(payload('note'));
    expect(root.querySelector('svg.map g.actor')!.getAttribute('aria-label')).toContain(payload('organisation'));
    expect(editor.exportJson()).toContain('onerror');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });
});

describe('a lang that is no language', () => {
  for (const lang of ['__proto__', 'constructor', 'toString', 'xx-YY']) {
    it(`lang="${lang}" speaks Swedish, and nothing throws`, async () => {
      const failures: unknown[] = [];
      const onError = (event: ErrorEvent | PromiseRejectionEvent) =>
        failures.push('reason' in event ? event.reason : event.error);
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onError);
      try {
        const editor = await mountEditor({ storage: 'none', lang });
        editor.addActor({ category: 'bup' });
        await editor.updateComplete;
        expect($(editor, '.contact-list h2').textContent).toBe('Kontaktlista');
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onError);
      }
      expect(failures).toEqual([]);
    });
  }
});
