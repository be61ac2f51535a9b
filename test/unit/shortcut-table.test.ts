import { describe, expect, it } from 'vitest';
import {
  keyLabel,
  neighbourConversation,
  shortcutFor,
  SHORTCUTS,
  type KeyPress,
} from '../../src/renderer/src/features/shortcuts/shortcut-table';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const linux = { mac: false, typing: false };
const mac = { mac: true, typing: false };

describe('shortcutFor', () => {
  it('reads Ctrl on Linux/Windows and ⌘ on macOS as the modifier', () => {
    expect(shortcutFor(press('k', { ctrlKey: true }), linux)).toBe('quick-switcher');
    expect(shortcutFor(press('K', { ctrlKey: true, shiftKey: false }), linux)).toBe('quick-switcher');
    expect(shortcutFor(press('k', { metaKey: true }), linux)).toBeNull();
    expect(shortcutFor(press('k', { metaKey: true }), mac)).toBe('quick-switcher');
    expect(shortcutFor(press('k', { ctrlKey: true }), mac)).toBeNull();
    expect(shortcutFor(press('f', { ctrlKey: true }), linux)).toBe('focus-search');
  });

  it('tells Alt+arrows from Alt+Shift+arrows', () => {
    expect(shortcutFor(press('ArrowUp', { altKey: true }), linux)).toBe('previous-conversation');
    expect(shortcutFor(press('ArrowDown', { altKey: true }), linux)).toBe('next-conversation');
    expect(shortcutFor(press('ArrowUp', { altKey: true, shiftKey: true }), linux)).toBe('previous-unread');
    expect(shortcutFor(press('ArrowDown', { altKey: true, shiftKey: true }), linux)).toBe('next-unread');
    expect(shortcutFor(press('ArrowDown'), linux)).toBeNull();
    expect(shortcutFor(press('ArrowDown', { altKey: true, ctrlKey: true }), linux)).toBeNull();
  });

  it('never eats a typed character: ? only outside fields, chords and Esc everywhere', () => {
    expect(shortcutFor(press('?', { shiftKey: true }), linux)).toBe('help');
    expect(shortcutFor(press('?', { shiftKey: true }), { mac: false, typing: true })).toBeNull();
    expect(shortcutFor(press('/', { ctrlKey: true }), { mac: false, typing: true })).toBe('help');
    // F1, where people look for help first, types nothing either.
    expect(shortcutFor(press('F1'), linux)).toBe('help');
    expect(shortcutFor(press('F1'), { mac: false, typing: true })).toBe('help');
    expect(shortcutFor(press('F1', { ctrlKey: true }), linux)).toBeNull();
    expect(shortcutFor(press('k', { ctrlKey: true }), { mac: false, typing: true })).toBe('quick-switcher');
    expect(shortcutFor(press('ArrowDown', { altKey: true }), { mac: false, typing: true })).toBe('next-conversation');
    expect(shortcutFor(press('Escape'), { mac: false, typing: true })).toBe('escape');
    expect(shortcutFor(press('k'), linux)).toBeNull();
    expect(shortcutFor(press('/'), linux)).toBeNull();
  });

  it('has one row per action for the help overlay', () => {
    const actions = SHORTCUTS.map((shortcut) => shortcut.action);
    expect(new Set(actions).size).toBe(actions.length);
  });
});

describe('keyLabel', () => {
  it('names the keys as the keyboard shows them', () => {
    expect(keyLabel(['Mod', 'K'], false)).toBe('Ctrl+K');
    expect(keyLabel(['Mod', 'K'], true)).toBe('⌘K');
    expect(keyLabel(['Alt', 'Shift', '↓'], true)).toBe('⌥Shift↓');
  });
});

describe('neighbourConversation', () => {
  const rows = [
    { id: 'a', unreadCount: 0 },
    { id: 'b', unreadCount: 2 },
    { id: 'c', unreadCount: 0 },
    { id: 'd', unreadCount: 1 },
  ];

  it('steps one row either way and stops at the ends', () => {
    expect(neighbourConversation(rows, 'b', 1, false)).toBe('c');
    expect(neighbourConversation(rows, 'b', -1, false)).toBe('a');
    expect(neighbourConversation(rows, 'd', 1, false)).toBeNull();
    expect(neighbourConversation(rows, 'a', -1, false)).toBeNull();
  });

  it('skips read conversations when asked for unread ones', () => {
    expect(neighbourConversation(rows, 'a', 1, true)).toBe('b');
    expect(neighbourConversation(rows, 'b', 1, true)).toBe('d');
    expect(neighbourConversation(rows, 'c', -1, true)).toBe('b');
  });

  it('goes round for unread ones: the next unread may be back at the top, where new chats arrive', () => {
    expect(neighbourConversation(rows, 'd', 1, true)).toBe('b');
    expect(neighbourConversation(rows, 'b', -1, true)).toBe('d');
    // The open chat is the only unread one: there is nowhere else to go.
    const alone = [
      { id: 'a', unreadCount: 0 },
      { id: 'b', unreadCount: 3 },
    ];
    expect(neighbourConversation(alone, 'b', 1, true)).toBeNull();
    expect(neighbourConversation(alone, 'a', -1, true)).toBe('b');
    expect(neighbourConversation([], null, 1, true)).toBeNull();
  });

  it('starts from the top (↓) or the bottom (↑) when nothing is open', () => {
    expect(neighbourConversation(rows, null, 1, false)).toBe('a');
    expect(neighbourConversation(rows, null, -1, false)).toBe('d');
    expect(neighbourConversation(rows, null, 1, true)).toBe('b');
  });
});
