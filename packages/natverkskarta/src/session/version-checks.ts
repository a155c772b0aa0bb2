import { newId } from '../model/ids.js';
import { LIMITS } from '../model/limits.js';
import type { MapVersion } from '../model/types.js';
import { ValidationError } from '../model/validation.js';
import { versionLabel } from '../model/version-label.js';
import type { EditorSession } from './editor-session.js';

/*
 * The checks of a new version, apart from the session: they come with the versions (the forms' chunk), which the
 * first picture does not need.
 */

/**
 * The session's map as it is now, as a version named `label`: checked (a name, the count), not yet kept
 * (`session.addVersions`). Refused in the UI language, as an edit is; refused too when nothing can be edited.
 */
export function versionOfNow(session: EditorSession, label: string): MapVersion {
  session.assertWritable();
  if (session.versions.length >= LIMITS.versions)
    session.refuse([{ path: 'versionLabel', code: 'tooMany', detail: String(LIMITS.versions) }]);
  let name: string;
  try {
    name = versionLabel(label, 'versionLabel');
  } catch (error) {
    if (error instanceof ValidationError) session.refuse(error.issues);
    throw error;
  }
  return { id: newId(), label: name, savedAt: new Date().toISOString(), map: session.map };
}

/**
 * Of a hand-over file's versions, those the session does not know yet (a version is read-only: none is replaced);
 * refused when they would pass the limit.
 */
export function versionsToAdd(session: EditorSession, versions: readonly MapVersion[]): MapVersion[] {
  const known = new Set(session.versions.map((version) => version.id));
  const added = versions.filter((version) => !known.has(version.id));
  if (session.versions.length + added.length > LIMITS.versions)
    throw new ValidationError([{ path: 'versions', code: 'tooMany', detail: String(LIMITS.versions) }]);
  return added;
}
