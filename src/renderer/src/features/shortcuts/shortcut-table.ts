/**
 * Every keyboard shortcut of the window, in one table: the key handler asks it which
 * action a key press is, and the help overlay lists it, so the two can never disagree.
 * Pure (no DOM), so the rules are unit-tested.
 */
import type { MessageKey } from '../../../../shared/i18n/catalogs/en';

export type ShortcutAction =
  | 'quick-switcher'
  | 'previous-conversation'
  | 'next-conversation'
  | 'previous-unread'
  | 'next-unread'
  | 'focus-search'
  | 'help'
  | 'escape';

/** The parts of a keydown event the table reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

interface Shortcut {
  action: ShortcutAction;
  /** Each way to press it, as key names; "Mod" is ⌘ on macOS and Ctrl elsewhere. */
  keys: string[][];
  /** What it does, for the help overlay (a catalog key). */
  does: MessageKey;
  /**
   * Also while typing in a field. Only chords with Ctrl/⌘ or Alt (they type no
   * character) and Esc (it types nothing) may; `?` would eat the character.
   */
  whileTyping: boolean;
  matches(press: KeyPress, mac: boolean): boolean;
}

const mod = (press: KeyPress, mac: boolean) =>
  mac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
const noMod = (press: KeyPress) => !press.ctrlKey && !press.metaKey && !press.altKey;
const letter = (press: KeyPress, key: string) => press.key.toLowerCase() === key;
const altArrow = (press: KeyPress, key: string, shift: boolean) =>
  press.altKey && !press.ctrlKey && !press.metaKey && press.shiftKey === shift && press.key === key;

export const SHORTCUTS: readonly Shortcut[] = [
  {
    action: 'quick-switcher',
    keys: [['Mod', 'K']],
    does: 'shortcuts.quickSwitcher',
    whileTyping: true,
    matches: (p, mac) => mod(p, mac) && !p.altKey && !p.shiftKey && letter(p, 'k'),
  },
  {
    action: 'previous-conversation',
    keys: [['Alt', '↑']],
    does: 'shortcuts.previous',
    whileTyping: true,
    matches: (p) => altArrow(p, 'ArrowUp', false),
  },
  {
    action: 'next-conversation',
    keys: [['Alt', '↓']],
    does: 'shortcuts.next',
    whileTyping: true,
    matches: (p) => altArrow(p, 'ArrowDown', false),
  },
  {
    action: 'previous-unread',
    keys: [['Alt', 'Shift', '↑']],
    does: 'shortcuts.previousUnread',
    whileTyping: true,
    matches: (p) => altArrow(p, 'ArrowUp', true),
  },
  {
    action: 'next-unread',
    keys: [['Alt', 'Shift', '↓']],
    does: 'shortcuts.nextUnread',
    whileTyping: true,
    matches: (p) => altArrow(p, 'ArrowDown', true),
  },
  {
    action: 'focus-search',
    keys: [['Mod', 'F']],
    does: 'shortcuts.search',
    whileTyping: true,
    matches: (p, mac) => mod(p, mac) && !p.altKey && !p.shiftKey && letter(p, 'f'),
  },
  {
    action: 'escape',
    keys: [['Esc']],
    does: 'shortcuts.escape',
    whileTyping: true,
    matches: (p) => noMod(p) && p.key === 'Escape',
  },
  {
    action: 'help',
    keys: [['?'], ['Mod', '/'], ['F1']],
    does: 'shortcuts.help',
    whileTyping: false,
    matches: (p, mac) => (noMod(p) && (p.key === '?' || p.key === 'F1')) || (mod(p, mac) && !p.altKey && p.key === '/'),
  },
];

/** Ctrl/⌘+/ and F1 type nothing, so they open the help even from a field; `?` does not. */
const typesNothing = (press: KeyPress) =>
  press.ctrlKey || press.metaKey || press.altKey || press.key === 'Escape' || press.key === 'F1';

/** The action a key press asks for, or null. `typing`: the focus is in a text field. */
export function shortcutFor(press: KeyPress, context: { mac: boolean; typing: boolean }): ShortcutAction | null {
  for (const shortcut of SHORTCUTS) {
    if (!shortcut.matches(press, context.mac)) continue;
    if (context.typing && !shortcut.whileTyping && !typesNothing(press)) return null;
    return shortcut.action;
  }
  return null;
}

/** A shortcut's keys as the user's keyboard labels them ("Ctrl+K", "⌘K"). */
export function keyLabel(keys: string[], mac: boolean): string {
  const names = keys.map((key) => (key === 'Mod' ? (mac ? '⌘' : 'Ctrl') : key === 'Alt' && mac ? '⌥' : key));
  return mac ? names.join('') : names.join('+');
}

/**
 * The conversation `step` places away from the open one in list order, or, with
 * `unreadOnly`, the nearest unread one that way — going round past the end: new chats
 * come in at the top, so "next unread" from lower down must find them. Nothing open: the
 * first (or last) one. A plain step stops at the ends, as in any list.
 */
export function neighbourConversation(
  rows: ReadonlyArray<{ id: string; unreadCount: number }>,
  openId: string | null,
  step: 1 | -1,
  unreadOnly: boolean,
): string | null {
  const from = openId === null ? -1 : rows.findIndex((row) => row.id === openId);
  const start = from < 0 ? (step === 1 ? 0 : rows.length - 1) : from + step;
  if (!unreadOnly) return rows[start]?.id ?? null;
  for (let taken = 0; taken < rows.length; taken += 1) {
    const index = (((start + taken * step) % rows.length) + rows.length) % rows.length;
    const row = rows[index];
    if (row && row.unreadCount > 0 && index !== from) return row.id;
  }
  return null;
}
