import { describe, it, expect } from 'vitest';
import {
  SCHEMA_VERSION,
  TITLE_LIMIT,
  ValidationError,
  migrate,
  parseMapJson,
  restoreMap,
  type MapDocument,
} from '../../packages/natverkskarta/src/model/index.js';
import { deepFreeze, expectIssue, issuesOf, sampleMap } from './model-helpers.js';

/** A stored document as plain JSON data, as it would come from storage or a hand-over file. */
function stored(map: MapDocument = sampleMap()): Record<string, any> {
  return JSON.parse(JSON.stringify(map));
}

describe('migrate', () => {
  it('passes a current-version document through unchanged', () => {
    const doc = stored();
    expect(migrate(doc)).toEqual(doc);
  });

  it('refuses a newer schema version with newerVersion', () => {
    const issues = issuesOf(() => migrate({ ...stored(), schemaVersion: SCHEMA_VERSION + 1 }));
    expectIssue(issues, 'schemaVersion', 'newerVersion');
    expect(issues[0]!.detail).toBe(String(SCHEMA_VERSION + 1));
  });

  it.each([undefined, null, '1', 0, -1, 1.5, Number.NaN])('refuses schemaVersion %j with unknownVersion', (schemaVersion) => {
    const doc = stored();
    if (schemaVersion === undefined) delete doc.schemaVersion;
    else doc.schemaVersion = schemaVersion;
    expectIssue(
      issuesOf(() => migrate(doc)),
      'schemaVersion',
      'unknownVersion',
    );
  });

  it.each([null, 'text', 3, []])('refuses %j as not an object', (raw) => {
    expectIssue(
      issuesOf(() => migrate(raw)),
      '',
      'notObject',
    );
  });
});

describe('restoreMap', () => {
  it('round-trips a valid document through JSON', () => {
    const map = sampleMap();
    expect(restoreMap(JSON.parse(JSON.stringify(map)))).toEqual(map);
    expect(parseMapJson(JSON.stringify(map))).toEqual(map);
  });

  it('keeps custom sector labels and order', () => {
    const doc = stored();
    doc.sectors = [
      { id: 'civil', label: 'Fritid' },
      { id: 'family' },
      { id: 'region' },
      { id: 'school' },
      { id: 'municipality' },
      { id: 'state' },
    ];
    expect(restoreMap(doc).sectors).toEqual(doc.sectors);
  });

  it('does not change its input', () => {
    const doc = deepFreeze(stored());
    expect(() => restoreMap(doc)).not.toThrow();
  });

  it('drops unknown fields at every level', () => {
    const doc = stored();
    doc.extra = 'x';
    doc.sectors[0].colour = 'red';
    doc.actors[0].secret = 'x';
    doc.actors[0].consent = { given: true, date: '2024-01-01', by: 'Eva' };
    doc.actors[1].position = { x: 1, y: 2, z: 3 };
    doc.ties[0].weight = 5;
    const map = restoreMap(doc);
    expect(map).not.toHaveProperty('extra');
    expect(map.sectors[0]).toEqual({ id: 'family' });
    expect(map.actors[0]).not.toHaveProperty('secret');
    expect(map.actors[0]!.consent).toEqual({ given: true, date: '2024-01-01' });
    expect(map.actors[1]!.position).toEqual({ x: 1, y: 2 });
    expect(map.ties[0]).toEqual({
      id: 't1',
      from: 'centre',
      to: 'a',
      kind: 'strong',
    });
  });

  it('gives missing optional actor fields their defaults', () => {
    const doc = stored();
    doc.actors = [{ id: 'a', category: 'bup', sector: 'region', ring: 2 }];
    doc.ties = [];
    expect(restoreMap(doc).actors).toEqual([
      {
        id: 'a',
        category: 'bup',
        sector: 'region',
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
      },
    ]);
  });

  it('gives a missing title its default, and a version 1 document’s missing timestamps theirs', () => {
    const doc = stored();
    delete doc.title;
    delete doc.createdAt;
    delete doc.updatedAt;
    doc.schemaVersion = 1;
    const map = restoreMap(doc);
    expect(map.title).toBe('');
    expect(map.createdAt).toBe(new Date(0).toISOString());
    expect(map.updatedAt).toBe(map.createdAt);
  });

  it('refuses a version 2 document whose timestamps are missing or not ISO, quoting the value cut short', () => {
    const doc = stored();
    delete doc.createdAt;
    doc.updatedAt = `2024-05-01 ${'x'.repeat(1_000_000)}`;
    const issues = issuesOf(() => restoreMap(doc));
    expectIssue(issues, 'createdAt', 'invalidTimestamp');
    expectIssue(issues, 'updatedAt', 'invalidTimestamp');
    expect(issues.find((issue) => issue.path === 'updatedAt')!.detail!.length).toBeLessThanOrEqual(61);
  });

  it('reports a tie to a missing actor at its path', () => {
    const doc = stored();
    doc.ties[0].to = 'ghost';
    doc.ties[2].from = 'nobody';
    const issues = issuesOf(() => restoreMap(doc));
    expectIssue(issues, 'ties[0].to', 'unknownActor');
    expectIssue(issues, 'ties[2].from', 'unknownActor');
    expect(issues).toHaveLength(2);
  });

  it('reports a self tie and a bad tie kind', () => {
    const doc = stored();
    doc.ties[1].to = doc.ties[1].from;
    doc.ties[3].kind = 'conflict';
    const issues = issuesOf(() => restoreMap(doc));
    expectIssue(issues, 'ties[1].to', 'selfTie');
    expectIssue(issues, 'ties[3].kind', 'oneOf');
  });

  it('reports duplicate actor, tie and sector ids', () => {
    const doc = stored();
    doc.actors[2].id = 'a';
    doc.ties[3].id = 't1';
    doc.sectors[5].id = 'family';
    doc.actors = doc.actors.map((a: Record<string, unknown>) => (a.sector === 'civil' ? { ...a, sector: 'family' } : a));
    doc.ties = doc.ties.filter((t: Record<string, unknown>) => t.to !== 'c' && t.from !== 'c');
    doc.ties.push({ id: 't1', from: 'centre', to: 'b', kind: 'weak' });
    const issues = issuesOf(() => restoreMap(doc));
    expectIssue(issues, 'actors[2].id', 'duplicateId');
    expectIssue(issues, `ties[${doc.ties.length - 1}].id`, 'duplicateId');
    expectIssue(issues, 'sectors[5].id', 'duplicateId');
  });

  it('refuses an actor that uses the centre id', () => {
    const doc = stored();
    doc.actors[0].id = 'centre';
    expectIssue(
      issuesOf(() => restoreMap(doc)),
      'actors[0].id',
      'required',
    );
  });

  it('reports wrong actor fields with their paths', () => {
    const doc = stored();
    doc.actors[1].email = 'not-an-email';
    doc.actors[1].ring = 7;
    doc.actors[2].sector = 'mars';
    doc.actors[2].category = 'nope';
    doc.actors[0].nextContact = '2024-02-30';
    delete doc.actors[0].ring;
    const issues = issuesOf(() => restoreMap(doc));
    expectIssue(issues, 'actors[1].email', 'invalidEmail');
    expectIssue(issues, 'actors[1].ring', 'oneOf');
    expectIssue(issues, 'actors[2].sector', 'unknownSector');
    expectIssue(issues, 'actors[2].category', 'unknownCategory');
    expectIssue(issues, 'actors[0].nextContact', 'invalidDate');
    expectIssue(issues, 'actors[0].ring', 'required');
  });

  it('requires id, sector list, actor list and tie list', () => {
    const issues = issuesOf(() => restoreMap({ schemaVersion: 1, sectors: [], actors: 'none' }));
    expectIssue(issues, 'id', 'required');
    expectIssue(issues, 'sectors', 'notList');
    expectIssue(issues, 'actors', 'notList');
    expectIssue(issues, 'ties', 'notList');
  });

  it('refuses a title that is not text or too long', () => {
    expectIssue(
      issuesOf(() => restoreMap({ ...stored(), title: 5 })),
      'title',
      'notText',
    );
    expectIssue(
      issuesOf(() => restoreMap({ ...stored(), title: 'x'.repeat(TITLE_LIMIT + 1) })),
      'title',
      'tooLong',
    );
  });

  it('reports entries that are not objects', () => {
    const doc = stored();
    doc.actors.push('actor');
    doc.ties.push(null);
    const issues = issuesOf(() => restoreMap(doc));
    expectIssue(issues, 'actors[3]', 'notObject');
    expectIssue(issues, 'ties[4]', 'notObject');
  });

  it('passes version errors through from migrate', () => {
    expectIssue(
      issuesOf(() => restoreMap({ ...stored(), schemaVersion: SCHEMA_VERSION + 1 })),
      'schemaVersion',
      'newerVersion',
    );
    expectIssue(
      issuesOf(() => restoreMap({ ...stored(), schemaVersion: undefined })),
      'schemaVersion',
      'unknownVersion',
    );
  });

  it('never returns a partly read document: one bad field among many good ones throws', () => {
    const doc = stored();
    for (let i = 0; i < 20; i++) doc.actors.push({ ...doc.actors[0], id: `extra-${i}` });
    doc.actors[15].pinned = 'yes';
    let result: MapDocument | undefined;
    expect(() => {
      result = restoreMap(doc);
    }).toThrow(ValidationError);
    expect(result).toBeUndefined();
    expectIssue(
      issuesOf(() => restoreMap(doc)),
      'actors[15].pinned',
      'notBoolean',
    );
  });

  it('caps the number of reported issues at 50', () => {
    const doc = stored();
    for (let i = 0; i < 80; i++) doc.ties.push({ id: `bad-${i}`, from: 'a', to: 'c', kind: 'nope' });
    const issues = issuesOf(() => restoreMap(doc));
    expect(issues).toHaveLength(50);
    expect(issues[0]!.path).toBe('ties[4].kind');
  });
});

describe('parseMapJson', () => {
  it.each(['not json', '', '{"schemaVersion":1,', "{'a':1}"])('refuses %j with notJson', (text) => {
    const issues = issuesOf(() => parseMapJson(text));
    expect(issues).toEqual([{ path: '', code: 'notJson' }]);
  });

  it('refuses JSON that is not a document', () => {
    expectIssue(
      issuesOf(() => parseMapJson('null')),
      '',
      'notObject',
    );
    expectIssue(
      issuesOf(() => parseMapJson('[]')),
      '',
      'notObject',
    );
    expectIssue(
      issuesOf(() => parseMapJson('{}')),
      'schemaVersion',
      'unknownVersion',
    );
  });
});
