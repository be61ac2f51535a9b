import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ConversationView } from '../../../shared/inbox';
import { useShortcuts } from '../features/shortcuts/useShortcuts';
import type { Selection } from './useSelection';

/**
 * The window's keyboard: the search it owns (Ctrl/⌘+F focuses it, Esc clears it), the
 * shortcuts' overlays, and opening a conversation so that its reply box takes the focus
 * however it was opened (list, switcher, shortcut).
 */
export function useWindowKeyboard(selection: Selection, select: (next: Selection) => void, listed: ConversationView[]) {
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const [replyFocus, setReplyFocus] = useState(0);
  // The same function on every render: the conversation list and its rows are memoized on it.
  const openConversation = useCallback(
    (id: string) => {
      select({ kind: 'conversation', id });
      setReplyFocus((n) => n + 1);
    },
    [select],
  );
  // Esc leaves Settings for what was on screen before.
  const beforeSettings = useRef<Selection>({ kind: 'home' });
  useLayoutEffect(() => {
    if (selection.kind !== 'settings') beforeSettings.current = selection;
  }, [selection]);
  const [overlay, setOverlay] = useShortcuts({
    conversations: listed,
    openConversationId: selection.kind === 'conversation' ? selection.id : null,
    openConversation,
    settingsOpen: selection.kind === 'settings',
    closeSettings: () => select(beforeSettings.current),
    query,
    setQuery,
    search,
  });
  return { query, setQuery, search, replyFocus, openConversation, overlay, setOverlay };
}
