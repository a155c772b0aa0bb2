/** Shared builders and assertions for the model unit tests. */
import { expect } from 'vitest';
import {
  actorFromInput,
  createMap,
  ValidationError,
  type Actor,
  type ActorInput,
  type IssueCode,
  type MapDocument,
  type Tie,
  type ValidationIssue,
} from '../../packages/natverkskarta/src/model/index.js';

export const FIXED_NOW = new Date('2024-05-01T10:00:00.000Z');

export function emptyMap(): MapDocument {
  return createMap({ id: 'map-1', title: 'Familjen Lind', now: FIXED_NOW });
}

export function actor(map: MapDocument, id: string, input: ActorInput = {}): Actor {
  return actorFromInput(input, map, id);
}

/** A map with three actors and four ties, built without commands so the tests of commands start from known data. */
export function sampleMap(): MapDocument {
  const map = emptyMap();
  const a = actor(map, 'a', {
    category: 'bup',
    organisation: 'BUP Lund',
    email: 'bup@example.se',
  });
  const b = actor(map, 'b', {
    category: 'skola',
    name: 'Eva',
    position: { x: 10, y: -20 },
    pinned: true,
  });
  const c = actor(map, 'c', {
    category: 'lss',
    status: 'needed',
    functioning: 'mixed',
    nextContact: '2024-06-01',
  });
  const ties: Tie[] = [
    { id: 't1', from: 'centre', to: 'a', kind: 'strong' },
    { id: 't2', from: 'b', to: 'c', kind: 'weak' },
    { id: 't3', from: 'a', to: 'b', kind: 'strained' },
    { id: 't4', from: 'centre', to: 'c', kind: 'normal' },
  ];
  return { ...map, actors: [a, b, c], ties };
}

/** Runs `fn`, expects a ValidationError, and returns its issues. */
export function issuesOf(fn: () => unknown): readonly ValidationIssue[] {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a ValidationError to be thrown').toBeInstanceOf(ValidationError);
  return (caught as ValidationError).issues;
}

/** Expects exactly one issue at `path` with `code` among `issues`. */
export function expectIssue(issues: readonly ValidationIssue[], path: string, code: IssueCode): void {
  expect(
    issues.filter((issue) => issue.path === path && issue.code === code),
    JSON.stringify(issues),
  ).toHaveLength(1);
}

/** Freezes an object graph, so a test fails if the code under test mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
