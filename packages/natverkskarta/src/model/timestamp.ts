import { LIMITS } from './limits.js';

/** An ISO date and time as `toISOString` writes it: what version 2 documents hold in `createdAt` and `updatedAt`. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function isTimestamp(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length <= LIMITS.timestamp && ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))
  );
}
