import { cleanText } from './clean-text.js';
import { LIMITS } from './limits.js';
import { ValidationError } from './validation.js';

/**
 * A version's name as typed: clean text, trimmed; refused when empty or too long. A module of its own: the session
 * names a version with it on the first screen, and the hand-over file's checks come with the forms, later.
 */
export function versionLabel(label: unknown, path = 'label'): string {
  const text = typeof label === 'string' ? cleanText(label).trim() : '';
  if (text === '') throw new ValidationError([{ path, code: 'required' }]);
  if (text.length > LIMITS.versionLabel)
    throw new ValidationError([{ path, code: 'tooLong', detail: String(LIMITS.versionLabel) }]);
  return text;
}
