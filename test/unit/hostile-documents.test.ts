import { describe, expect, it } from 'vitest';
import {
  actorFromInput,
  checkTie,
  cleanText,
  createMap,
  LIMITS,
  parseMapJson,
  restoreMap,
  ValidationError,
  type MapDocument,
  type ValidationIssue,
} from '../../packages/natverkskarta/src/model/index.js';
import { formatIssues, sv, translations } from '../../packages/natverkskarta/src/i18n/index.js';
import { en } from '../../packages/natverkskarta/src/i18n/en.js';

function refusal(work: () => unknown): readonly ValidationIssue[] {
  try {
    work();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('was accepted');
}

function mapWith(actorCount: number, extra: Partial<MapDocument> = {}): MapDocument {
  const map = createMap({ id: 'hostile', now: new Date('2026-11-01T09:00:00.000Z') });
  const actors = Array.from({ length: actorCount }, (_, i) =>
    actorFromInput({ category: 'bup', name: `K ${i}` }, { ...map, actors: [] }, `a${i}`),
  );
  return { ...map, actors, ...extra };
}

describe('limits on a document, checked before the work', () => {
  it('refuses a file longer than the limit before parsing it, naming the limit in both languages', () => {
    const text = `{"schemaVersion":2,"note":"${'x'.repeat(LIMITS.fileSize)}"}`;
    const issues = refusal(() => parseMapJson(text));
    expect(issues).toEqual([{ path: '', code: 'fileTooLarge', detail: '6' }]);
    expect(formatIssues(sv, issues)).toBe('Filen är för stor: en nätverkskarta får vara högst 6 MB.');
    expect(formatIssues(en, issues)).toBe('The file is too large: a network map may be at most 6 MB.');
  });

  it('refuses 100,000 actors by their count, at once, without reading one of them', () => {
    const raw = { ...mapWith(0), actors: Array.from({ length: 100_000 }, () => ({ id: 'same', ring: 'no' })) };
    const issues = refusal(() => parseMapJson(JSON.stringify(raw)));
    expect(issues).toEqual([{ path: '', code: 'tooManyActors', detail: String(LIMITS.actors) }]);
    expect(formatIssues(sv, issues)).toBe(`Kartan får ha högst ${LIMITS.actors} kontakter.`);
    // One issue, not 100,000 duplicate ids and wrong rings: no item was looked at.
  });

  it('refuses too many ties and sectors', () => {
    const map = mapWith(1);
    const ties = Array.from({ length: LIMITS.ties + 1 }, (_, i) => ({ id: `t${i}`, from: 'centre', to: 'a0', kind: 'normal' }));
    const sectors = Array.from({ length: LIMITS.sectors + 1 }, (_, i) => ({ id: `s${i}` }));
    expect(refusal(() => restoreMap({ ...map, ties, sectors })).map((issue) => issue.code)).toEqual([
      'tooManyTies',
      'tooManySectors',
    ]);
  });

  it('loads a map right at the limits', () => {
    expect(restoreMap(mapWith(LIMITS.actors)).actors).toHaveLength(LIMITS.actors);
  });

  it('refuses ids, a sector label and timestamps over their lengths, and quotes no value in full', () => {
    const long = 'å'.repeat(5000);
    const map = mapWith(1);
    const doc = {
      ...map,
      id: long,
      sectors: [...map.sectors.slice(0, 5), { id: 'civil', label: long }],
      actors: [{ ...map.actors[0]!, id: long }],
      createdAt: `2026-11-01T09:00:00.000Z${long}`,
    };
    const issues = refusal(() => restoreMap(doc));
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['id', 'tooLong'],
      ['sectors[5].label', 'tooLong'],
      ['actors[0].id', 'tooLong'],
      ['createdAt', 'invalidTimestamp'],
    ]);
    expect(formatIssues(sv, issues).length).toBeLessThan(500);
  });

  it('lets no edit take a map over a limit, so that every stored map opens again', () => {
    const full = mapWith(LIMITS.actors);
    expect(refusal(() => actorFromInput({ category: 'bup' }, full, 'one-more'))[0]!.code).toBe('tooManyActors');
    const tied = {
      ...mapWith(2),
      ties: Array.from({ length: LIMITS.ties }, (_, i) => ({ id: `t${i}`, from: 'centre', to: 'a0', kind: 'normal' as const })),
    };
    expect(checkTie(tied, 'a0', 'a1', 'normal').map((issue) => issue.code)).toContain('tooManyTies');
    expect(translations('sv').issues.tooManyTies(String(LIMITS.ties))).toContain('2000');
  });
});

describe('a refusal as the user reads it', () => {
  it('names a field by its label, a place in a file once, and a tie or the whole file by the message alone', () => {
    const map = mapWith(2);
    const tied: MapDocument = { ...map, ties: [{ id: 't0', from: 'a0', to: 'a1', kind: 'normal' }] };
    // Tying two that are tied already: their ends are no field the user sees, so no "to:" before the words.
    expect(formatIssues(sv, checkTie(tied, 'a0', 'a1', 'normal'))).toBe('De två är redan sammanbundna.');
    expect(formatIssues(en, checkTie(tied, 'a1', 'a1', 'normal'))).toBe('A tie must join two different contacts.');
    // An end the map does not have is named, as any place without a label is.
    expect(formatIssues(sv, checkTie(tied, 'a0', 'ghost', 'normal'))).toBe('to: kontakten ”ghost” finns inte på kartan.');

    const { id: _id, ...withoutId } = map.actors[0]!;
    const file = { ...map, actors: [withoutId, { ...map.actors[1]!, email: 'inte-en-adress' }] };
    expect(
      formatIssues(
        sv,
        refusal(() => restoreMap(file)),
      ),
    ).toBe('actors[0].id: måste anges. E-post (actors[1].email): ”inte-en-adress” är ingen giltig e-postadress.');
  });
});

describe('typed text cannot pass for other text', () => {
  it('drops bidirectional overrides, embeddings, isolates and marks', () => {
    expect(cleanText('Socialtjänsten \u202E11 11-010 :nfT\u202C')).toBe('Socialtjänsten 11 11-010 :nfT');
    expect(cleanText('\u202Aa\u202Bb\u202Dc\u2066d\u2067e\u2068f\u2069\u200E\u200F\u061C')).toBe('abcdef');
  });

  it('drops zero-width and invisible characters, so that two entries cannot look the same and differ', () => {
    expect(cleanText('An\u200Bna Li\u2060nd\uFEFF')).toBe('Anna Lind');
    expect(cleanText('Anna\u200C Lind\u200D')).toBe('Anna Lind');
    expect(cleanText('An\u200Cna')).toBe('Anna');
    expect(cleanText('\u3164')).toBe('');
    expect(cleanText('An\u00ADna Li\u034Fnd\u206A')).toBe('Anna Lind');
    expect(cleanText('Anna\u{E0041}\u{E007F}')).toBe('Anna');
    expect(cleanText('Rad 1\u2028Rad 2')).toBe('Rad 1\nRad 2');
  });

  it('keeps the joiners where a script needs them: Persian, Hindi and emoji', () => {
    expect(cleanText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(cleanText('क्\u200Dष')).toBe('क्\u200Dष');
    expect(cleanText('👩\u200D👧')).toBe('👩\u200D👧');
    // Malayalam's chillu: a word-final ZWJ after a virama.
    expect(cleanText('ന്\u200D')).toBe('ന്\u200D');
    // A flag spelled in tag characters (Scotland).
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(cleanText(scotland)).toBe(scotland);
  });

  it('keeps line breaks, turns tabs into spaces and composes accents (NFC)', () => {
    expect(cleanText('Rad 1\r\nRad 2\tslut\u0007')).toBe('Rad 1\nRad 2 slut');
    expect(cleanText('A\u030Angström')).toBe('Ångström');
  });

  it('cleans text on input and on every restore, in every field', () => {
    const map = mapWith(0);
    const actor = actorFromInput(
      { category: 'lss', name: 'Socialtjänsten \u202E11 11-010 :nfT\u202C', phone: '010-222 22 22' },
      map,
      'x',
    );
    expect(actor.name).toBe('Socialtjänsten 11 11-010 :nfT');
    const restored = restoreMap({
      ...map,
      title: 'Familjen\u200B Lind',
      sectors: [{ id: 'family', label: 'Fa\u202Emilj' }, ...map.sectors.slice(1)],
      actors: [{ ...actor, name: 'Eva\u202E', note: 'a\u2066b', organisation: 'B\u200BUP' }],
    });
    expect(restored.title).toBe('Familjen Lind');
    expect(restored.sectors[0]!.label).toBe('Familj');
    expect(restored.actors[0]).toMatchObject({ name: 'Eva', note: 'ab', organisation: 'BUP' });
  });
});
