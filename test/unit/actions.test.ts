/**
 * The editor's commands, defined once (elements/actions.ts): the toolbar, its menu, the keyboard and the help are
 * made from this table, so what it says is what a user gets in every one of them.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  commandForKey,
  enabled,
  labelOf,
  keyLabel,
  pressed,
  type Action,
  type ActionKey,
  type ActionState,
} from '../../packages/natverkskarta/src/elements/actions.js';
import { sv } from '../../packages/natverkskarta/src/i18n/index.js';
import { en } from '../../packages/natverkskarta/src/i18n/en.js';

const commands = ACTIONS as readonly Action[];
const idle: ActionState = {
  readonly: false,
  canUndo: false,
  canRedo: false,
  selectedId: null,
  tying: false,
  view: 'map',
  makingPdf: false,
  importingFile: false,
};

type Press = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;
const press = (key: string, modifiers: Partial<Press> = {}): KeyboardEvent =>
  ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers }) as KeyboardEvent;

/** The key press the help describes: "Ctrl Shift Z" is Z with Control and Shift held (the key then reads "Z"). */
function pressOf(keys: readonly string[]): KeyboardEvent {
  const modifiers = { ctrlKey: keys.includes('Ctrl'), shiftKey: keys.includes('Shift'), altKey: keys.includes('Alt') };
  const last = keys.at(-1)!;
  const key = last === '−' ? '-' : last.length === 1 ? (modifiers.shiftKey ? last.toUpperCase() : last.toLowerCase()) : last;
  return press(key, modifiers);
}

/** Every press a user might make: letters, digits and signs, each alone and with every modifier. */
function everyPress(): KeyboardEvent[] {
  const keys = [...'abcdefghijklmnopqrstuvwxyz0123456789+-=?/', 'Delete', 'Backspace', 'Enter', ' '];
  const presses: KeyboardEvent[] = [];
  for (const key of keys)
    for (const ctrlKey of [false, true])
      for (const shiftKey of [false, true])
        for (const altKey of [false, true])
          presses.push(press(shiftKey && key.length === 1 ? key.toUpperCase() : key, { ctrlKey, shiftKey, altKey }));
  return presses;
}

describe('the editor’s commands', () => {
  it('define each command the editor offers once', () => {
    const ids = commands.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'add',
      'walk',
      'tie',
      'undo',
      'redo',
      'remove',
      'pdf',
      'export',
      'import',
      'zoomIn',
      'zoomOut',
      'fit',
      'map',
      'list',
      'help',
    ])
      expect(ids).toContain(id);
  });

  it('name every command in Swedish and English, as it stands', () => {
    for (const t of [sv, en])
      for (const command of commands) {
        expect(labelOf(command, idle, t).trim(), command.id).not.toBe('');
        if (command.activeLabel) expect(t.ui[command.activeLabel].trim()).not.toBe('');
      }
    const tie = commands.find((command) => command.id === 'tie')!;
    expect(labelOf(tie, idle, sv)).toBe('Knyt band');
    expect(labelOf(tie, { ...idle, tying: true }, sv)).toBe('Avbryt band');
    const pdf = commands.find((command) => command.id === 'pdf')!;
    expect(labelOf(pdf, { ...idle, makingPdf: true }, en)).toBe(en.ui.makingPdf);
    const importing = commands.find((command) => command.id === 'import')!;
    expect(labelOf(importing, { ...idle, importingFile: true }, sv)).toBe('Importerar fil …');
    expect(labelOf(importing, { ...idle, importingFile: true }, en)).toBe('Importing the file …');
  });

  it('explain every key in the help in both languages, and the key the help names runs its command', () => {
    for (const command of commands)
      for (const key of command.keys ?? []) {
        expect(sv.shortcuts[key.help].trim()).not.toBe('');
        expect(en.shortcuts[key.help].trim()).not.toBe('');
        const state = { ...idle, canUndo: true, canRedo: true, selectedId: key.scope === 'item' ? 'a' : null };
        expect(commandForKey(pressOf(keyLabel(key)), key.scope, state)?.id, keyLabel(key).join(' ')).toBe(command.id);
      }
    expect(commandForKey(press('y', { ctrlKey: true }), 'editor', { ...idle, canRedo: true })?.id).toBe('redo');
    expect(commandForKey(press('z', { metaKey: true }), 'editor', { ...idle, canUndo: true })?.id).toBe('undo');
  });

  it('never give one key to two commands in the same place', () => {
    const keyed = commands.flatMap((command) => (command.keys ?? []).map((key): [Action, ActionKey] => [command, key]));
    for (const event of everyPress())
      for (const scope of ['editor', 'item'] as const) {
        const answering = keyed.filter(([, key]) => key.scope === scope && pressed(event, key)).map(([command]) => command.id);
        expect(answering.length, `${scope}: ${JSON.stringify(event)} → ${answering.join(', ')}`).toBeLessThanOrEqual(1);
      }
  });

  it('are enabled only when they can act, and offer nothing that writes on a read-only map', () => {
    const byId = (id: string) => commands.find((command) => command.id === id)!;
    expect(enabled(byId('undo'), idle)).toBe(false);
    expect(enabled(byId('undo'), { ...idle, canUndo: true })).toBe(true);
    expect(enabled(byId('tie'), idle)).toBe(false);
    expect(enabled(byId('tie'), { ...idle, selectedId: 'a' })).toBe(true);
    expect(enabled(byId('pdf'), { ...idle, makingPdf: true })).toBe(false);
    expect(enabled(byId('import'), { ...idle, importingFile: true })).toBe(false);
    const readonly = { ...idle, readonly: true, canUndo: true, canRedo: true, selectedId: 'a' };
    const writing = commands.filter((command) => enabled(command, readonly)).map((command) => command.id);
    expect(writing.sort()).toEqual(['export', 'fit', 'help', 'list', 'map', 'pdf', 'zoomIn', 'zoomOut']);
    // A key of a writing command does nothing there either.
    expect(commandForKey(press('n'), 'editor', readonly)).toBeUndefined();
    expect(commandForKey(press('Delete'), 'item', readonly)).toBeUndefined();
    expect(commandForKey(press('+'), 'editor', readonly)?.id).toBe('zoomIn');
  });
});
