import { useMemo, useState } from 'react';
import type { MessageView } from '../../../../shared/inbox';
import { buildThreadRows, messageKey, type ThreadRow } from './thread-rows';

/**
 * The thread's rows, with the unread divider where the unread messages began when the chat
 * was opened: counted then (before opening reads it), back from the newest message there was
 * once the thread was in, so arrivals while it is open and looked at do not move it.
 *
 * Arrivals while the user is away (the window in the background: they stay unread, and are
 * notified) move it to where those begin, so that coming back shows what is new; the count
 * main keeps for the open chat is above zero only then.
 */
export function useThreadRows(messages: readonly MessageView[], unreadCount: number, ready: boolean): ThreadRow[] {
  const [anchor, setAnchor] = useState<{ count: number; newest: string | null }>({ count: unreadCount, newest: null });
  const newest = messages[messages.length - 1];
  const newestKey = newest ? messageKey(newest) : null;
  // Adjusted while rendering (React's pattern for state that follows props).
  if (anchor.newest === null) {
    if (ready && newestKey) setAnchor({ count: anchor.count, newest: newestKey });
  } else if (ready && newestKey && unreadCount > 0 && (newestKey !== anchor.newest || unreadCount !== anchor.count)) {
    // The message and its count come in separate pushes: either may be the later one.
    setAnchor({ count: unreadCount, newest: newestKey });
  }
  return useMemo(() => buildThreadRows(messages, anchor.count, anchor.newest), [messages, anchor]);
}
