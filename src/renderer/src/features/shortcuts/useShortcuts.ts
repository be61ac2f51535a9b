import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ConversationView } from '../../../../shared/inbox';
import { searchMatcher } from '../inbox/inbox-model';
import { neighbourConversation, shortcutFor, type ShortcutAction } from './shortcut-table';

export type Overlay = 'switcher' | 'help' | null;

interface ShortcutTargets {
  /** In list order, before the search narrows them. */
  conversations: ConversationView[];
  openConversationId: string | null;
  openConversation: (id: string) => void;
  settingsOpen: boolean;
  closeSettings: () => void;
  query: string;
  setQuery: (query: string) => void;
  search: RefObject<HTMLInputElement | null>;
}

export const isMac = () => /mac/i.test(navigator.platform || navigator.userAgent);

/** Focus in a field where a plain key types a character. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    return true;
  }
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/**
 * The window's keyboard shortcuts (the table is shortcut-table.ts). Listening on the
 * window, after the focused element: a key the list or a field already used
 * (`defaultPrevented`) is not used twice. While a dialog is open, it has the keyboard.
 */
export function useShortcuts(targets: ShortcutTargets): [Overlay, (overlay: Overlay) => void] {
  const [overlay, setOverlay] = useState<Overlay>(null);
  // Read at key time: the listener is attached once.
  const latest = useRef({ targets, overlay });
  useLayoutEffect(() => {
    latest.current = { targets, overlay };
  });

  useEffect(() => {
    const mac = isMac();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || latest.current.overlay) return;
      const action = shortcutFor(event, { mac, typing: isTyping(event.target) });
      if (action && run(action, latest.current.targets, setOverlay)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return [overlay, setOverlay];
}

/** Does what the shortcut asks; false when there was nothing to do (the key keeps its usual meaning). */
function run(action: ShortcutAction, t: ShortcutTargets, setOverlay: (overlay: Overlay) => void): boolean {
  const go = (step: 1 | -1, unreadOnly: boolean) => {
    // The rows the list shows: a search narrows them (filtered now, not on every keystroke).
    const shown = t.query.trim() ? t.conversations.filter(searchMatcher(t.query)) : t.conversations;
    const id = neighbourConversation(shown, t.openConversationId, step, unreadOnly);
    if (id) t.openConversation(id);
    return true;
  };
  switch (action) {
    case 'quick-switcher':
      setOverlay('switcher');
      return true;
    case 'help':
      setOverlay('help');
      return true;
    case 'previous-conversation':
      return go(-1, false);
    case 'next-conversation':
      return go(1, false);
    case 'previous-unread':
      return go(-1, true);
    case 'next-unread':
      return go(1, true);
    case 'focus-search':
      t.search.current?.focus();
      t.search.current?.select();
      return true;
    case 'escape':
      if (t.settingsOpen) t.closeSettings();
      else if (t.query) t.setQuery('');
      else return false;
      return true;
  }
}
