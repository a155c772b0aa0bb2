import { describe, it, expect } from 'vitest';
import {
  TEXT_LIMITS,
  ValidationError,
  actorFromInput,
  checkActorPatch,
  checkTie,
  isIsoDate,
  isTieKind,
  type MapDocument,
} from '../../packages/natverkskarta/src/model/index.js';
import { emptyMap, expectIssue, issuesOf, sampleMap } from './model-helpers.js';

describe('actorFromInput', () => {
  it('fills sector and ring from the catalogue', () => {
    const bup = actorFromInput({ category: 'bup' }, emptyMap(), 'a1');
    expect(bup.sector).toBe('region');
    expect(bup.ring).toBe(2);
    const assistans = actorFromInput({ category: 'assistans' }, emptyMap(), 'a2');
    expect(assistans.sector).toBe('municipality');
    expect(assistans.ring).toBe(1);
  });

  it('keeps an explicitly given sector and ring over the catalogue defaults', () => {
    const result = actorFromInput({ category: 'bup', sector: 'civil', ring: 1 }, emptyMap(), 'a1');
    expect(result.sector).toBe('civil');
    expect(result.ring).toBe(1);
  });

  it('builds a complete actor with defaults from an empty input', () => {
    expect(actorFromInput({}, emptyMap(), 'id-1')).toEqual({
      id: 'id-1',
      category: 'annan',
      sector: 'family',
      ring: 2,
      organisation: '',
      name: '',
      role: '',
      phone: '',
      email: '',
      address: '',
      helpsWith: '',
      note: '',
      status: 'active',
      functioning: null,
      consent: { given: false, date: '' },
      nextContact: '',
      position: null,
      pinned: false,
    });
  });

  it('puts an annan actor without a sector in the first sector of the map', () => {
    const map: MapDocument = {
      ...emptyMap(),
      sectors: [{ id: 'civil' }, { id: 'family' }],
    };
    expect(actorFromInput({ category: 'annan' }, map, 'x').sector).toBe('civil');
  });

  it('trims every text field', () => {
    const result = actorFromInput(
      {
        organisation: '  BUP Lund ',
        name: '\tEva\n',
        role: ' kurator ',
        phone: ' 070-123 45 67 ',
        email: ' eva@example.se ',
        address: ' Storgatan 1 ',
        helpsWith: ' medicin ',
        note: ' ring på tisdagar ',
      },
      emptyMap(),
      'a',
    );
    expect(result).toMatchObject({
      organisation: 'BUP Lund',
      name: 'Eva',
      role: 'kurator',
      phone: '070-123 45 67',
      email: 'eva@example.se',
      address: 'Storgatan 1',
      helpsWith: 'medicin',
      note: 'ring på tisdagar',
    });
  });

  it('keeps the optional fields it is given', () => {
    const result = actorFromInput(
      {
        category: 'skola',
        status: 'needed',
        functioning: 'poor',
        consent: { given: true, date: '2024-02-29' },
        nextContact: '2024-12-31',
        position: { x: 1.5, y: -3 },
        pinned: true,
      },
      emptyMap(),
      'a',
    );
    expect(result).toMatchObject({
      status: 'needed',
      functioning: 'poor',
      consent: { given: true, date: '2024-02-29' },
      nextContact: '2024-12-31',
      position: { x: 1.5, y: -3 },
      pinned: true,
    });
  });

  it('rejects an unknown category', () => {
    expectIssue(
      issuesOf(() => actorFromInput({ category: 'psykolog' }, emptyMap(), 'a')),
      'category',
      'unknownCategory',
    );
  });

  it('rejects a sector the map does not have', () => {
    expectIssue(
      issuesOf(() => actorFromInput({ category: 'bup', sector: 'mars' }, emptyMap(), 'a')),
      'sector',
      'unknownSector',
    );
  });

  it('rejects a catalogue sector that the map has removed', () => {
    const map: MapDocument = { ...emptyMap(), sectors: [{ id: 'family' }] };
    expectIssue(
      issuesOf(() => actorFromInput({ category: 'bup' }, map, 'a')),
      'sector',
      'unknownSector',
    );
  });

  it.each(['eva', 'eva@', 'eva@example', 'eva @example.se', '@example.se'])('rejects the email %j', (email) => {
    expectIssue(
      issuesOf(() => actorFromInput({ email }, emptyMap(), 'a')),
      'email',
      'invalidEmail',
    );
  });

  it.each(['abc', '12', '070-ABC', '+46 70 12x'])('rejects the phone number %j', (phone) => {
    expectIssue(
      issuesOf(() => actorFromInput({ phone }, emptyMap(), 'a')),
      'phone',
      'invalidPhone',
    );
  });

  it.each(['+46 70-123 45 67', '046-22 22 22', '(046) 123.45'])('accepts the phone number %j', (phone) => {
    expect(actorFromInput({ phone }, emptyMap(), 'a').phone).toBe(phone);
  });

  it('accepts empty email and phone', () => {
    const result = actorFromInput({ email: '  ', phone: '' }, emptyMap(), 'a');
    expect(result.email).toBe('');
    expect(result.phone).toBe('');
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '24-01-01', '2024-1-1', 'tomorrow'])(
    'rejects the date %j',
    (nextContact) => {
      expectIssue(
        issuesOf(() => actorFromInput({ nextContact }, emptyMap(), 'a')),
        'nextContact',
        'invalidDate',
      );
    },
  );

  it('rejects a bad consent date and a non-boolean consent', () => {
    const issues = issuesOf(() => actorFromInput({ consent: { given: 'yes', date: '2024-99-01' } }, emptyMap(), 'a'));
    expectIssue(issues, 'consent.given', 'notBoolean');
    expectIssue(issues, 'consent.date', 'invalidDate');
  });

  it.each([0, 4, '1', 1.5, null])('rejects the ring %j', (ring) => {
    expectIssue(
      issuesOf(() => actorFromInput({ ring }, emptyMap(), 'a')),
      'ring',
      'oneOf',
    );
  });

  it('rejects a bad status, functioning, position and pinned', () => {
    const issues = issuesOf(() =>
      actorFromInput(
        {
          status: 'gone',
          functioning: 'ok',
          position: { x: Number.NaN, y: 0 },
          pinned: 'yes',
        },
        emptyMap(),
        'a',
      ),
    );
    expectIssue(issues, 'status', 'oneOf');
    expectIssue(issues, 'functioning', 'oneOf');
    expectIssue(issues, 'position', 'notNumber');
    expectIssue(issues, 'pinned', 'notBoolean');
  });

  it('rejects unknown keys, naming each', () => {
    const issues = issuesOf(() => actorFromInput({ id: 'sneaky', colour: 'red' }, emptyMap(), 'a'));
    expectIssue(issues, 'id', 'oneOf');
    expectIssue(issues, 'colour', 'oneOf');
  });

  it('rejects text that is not text or is too long', () => {
    const issues = issuesOf(() => actorFromInput({ name: 42, note: 'x'.repeat(TEXT_LIMITS.note + 1) }, emptyMap(), 'a'));
    expectIssue(issues, 'name', 'notText');
    expectIssue(issues, 'note', 'tooLong');
    expect(issues.find((issue) => issue.path === 'note')?.detail).toBe(String(TEXT_LIMITS.note));
  });

  it('accepts text exactly at the limit', () => {
    expect(actorFromInput({ name: 'x'.repeat(TEXT_LIMITS.name) }, emptyMap(), 'a').name).toHaveLength(TEXT_LIMITS.name);
  });

  it('reports every wrong field at once', () => {
    const issues = issuesOf(() =>
      actorFromInput(
        {
          category: 'nope',
          sector: 'mars',
          email: 'x',
          phone: 'y',
          nextContact: 'z',
          ring: 9,
          extra: 1,
        },
        emptyMap(),
        'a',
      ),
    );
    expect(issues.map((issue) => `${issue.path}:${issue.code}`).sort()).toEqual(
      [
        'category:unknownCategory',
        'sector:unknownSector',
        'email:invalidEmail',
        'phone:invalidPhone',
        'nextContact:invalidDate',
        'ring:oneOf',
        'extra:oneOf',
      ].sort(),
    );
  });

  it('rejects input that is not an object', () => {
    for (const input of [null, undefined, 'bup', 3, ['bup']])
      expectIssue(
        issuesOf(() => actorFromInput(input, emptyMap(), 'a')),
        '',
        'notObject',
      );
  });

  it('throws a ValidationError whose message names the field and code', () => {
    try {
      actorFromInput({ email: 'nope' }, emptyMap(), 'a');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('ValidationError');
      expect((error as Error).message).toContain('email: invalidEmail');
    }
  });
});

describe('checkActorPatch', () => {
  it('returns a trimmed copy of a valid patch and leaves out undefined values', () => {
    const patch = checkActorPatch({ name: '  Eva ', ring: 3, note: undefined }, emptyMap());
    expect(patch).toEqual({ name: 'Eva', ring: 3 });
    expect('note' in patch).toBe(false);
  });

  it('fills a missing consent date with an empty string', () => {
    expect(checkActorPatch({ consent: { given: true } }, emptyMap())).toEqual({
      consent: { given: true, date: '' },
    });
  });

  it('accepts null for functioning and position', () => {
    expect(checkActorPatch({ functioning: null, position: null }, emptyMap())).toEqual({ functioning: null, position: null });
  });

  it('rejects bad fields and unknown keys, naming each', () => {
    const issues = issuesOf(() => checkActorPatch({ email: 'bad', sector: 'mars', ring: 0, id: 'other' }, emptyMap()));
    expectIssue(issues, 'email', 'invalidEmail');
    expectIssue(issues, 'sector', 'unknownSector');
    expectIssue(issues, 'ring', 'oneOf');
    expectIssue(issues, 'id', 'oneOf');
    expect(issues).toHaveLength(4);
  });

  it('rejects a patch that is not an object', () => {
    expectIssue(
      issuesOf(() => checkActorPatch(null, emptyMap())),
      '',
      'notObject',
    );
  });
});

describe('checkTie', () => {
  const map = sampleMap(); // ties: centre–a, b–c, a–b, centre–c

  it('accepts a new tie between two actors or between the centre and an actor', () => {
    expect(checkTie({ ...map, ties: [] }, 'a', 'c', 'normal')).toEqual([]);
    expect(checkTie(map, 'a', 'c', 'weak')).toEqual([]);
    expect(checkTie(map, 'centre', 'b', 'strong')).toEqual([]);
    expect(checkTie(map, 'b', 'centre', 'strained')).toEqual([]);
  });

  it('rejects a tie from an actor to itself', () => {
    expectIssue(checkTie(map, 'a', 'a', 'normal'), 'to', 'selfTie');
    expectIssue(checkTie(map, 'centre', 'centre', 'normal'), 'to', 'selfTie');
  });

  it('rejects a tie that already exists, in either direction', () => {
    expectIssue(checkTie(map, 'b', 'c', 'normal'), 'to', 'duplicateTie');
    expectIssue(checkTie(map, 'c', 'b', 'normal'), 'to', 'duplicateTie');
    expectIssue(checkTie(map, 'a', 'centre', 'normal'), 'to', 'duplicateTie');
  });

  it('rejects an unknown end', () => {
    expectIssue(checkTie(map, 'ghost', 'a', 'normal'), 'from', 'unknownActor');
    expectIssue(checkTie(map, 'a', 'ghost', 'normal'), 'to', 'unknownActor');
  });

  it('rejects an unknown kind', () => {
    for (const kind of ['conflict', '', undefined, 1]) expectIssue(checkTie(map, 'a', 'c', kind), 'kind', 'oneOf');
  });

  it('reports several problems together', () => {
    const issues = checkTie(map, 'ghost', 'ghost', 'bad');
    expectIssue(issues, 'from', 'unknownActor');
    expectIssue(issues, 'to', 'unknownActor');
    expectIssue(issues, 'to', 'selfTie');
    expectIssue(issues, 'kind', 'oneOf');
  });
});

describe('small predicates', () => {
  it('isIsoDate accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-04-30T00:00:00Z')).toBe(false);
  });

  it('isTieKind knows the four kinds', () => {
    expect(['strong', 'normal', 'weak', 'strained'].every(isTieKind)).toBe(true);
    expect(isTieKind('conflict')).toBe(false);
  });
});
