import { describe, expect, it } from 'vitest';
import { parseMapJson, restoreMap, ValidationError } from 'natverkskarta';
import { fuzzCases } from '../fuzz-documents.js';

describe('restoring thousands of malformed documents', () => {
  it('either gives a whole valid document or a ValidationError, never a crash', () => {
    let accepted = 0;
    let refused = 0;
    for (const text of fuzzCases(5000)) {
      try {
        const doc = parseMapJson(text);
        // What was accepted is complete and stable: restoring it again changes nothing.
        expect(restoreMap(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
        accepted++;
      } catch (error) {
        if (!(error instanceof ValidationError)) throw new Error(`Crashed on ${text.slice(0, 300)}`, { cause: error });
        expect(error.issues.length).toBeGreaterThan(0);
        refused++;
      }
    }
    // Both outcomes occur, so the cases really exercise both paths.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(1000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
