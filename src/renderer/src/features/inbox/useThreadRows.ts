import { useMemo, useState } from 'react';
import type { MessageView } from '../../../../shared/inbox';
import { buildThreadRows, messageKey, type ThreadRow } from './thread-rows';

/**
 * The thread's rows, with the unread divider where the unread messages began when the chat
 * was opened: counted then (before opening reads it), back from the newest message there was
 * once the thread was in, so arrivals while it is open do not move it.
 */
export function useThreadRows(messages: readonly MessageView[], unreadCount: number, ready: boolean): ThreadRow[] {
  const [unreadAtOpen] = useState(unreadCount);
  const [newestAtOpen, setNewestAtOpen] = useState<string | null>(null);
  const newest = messages[messages.length - 1];
  // Adjusted while rendering (React's pattern for state that follows props).
  if (newestAtOpen === null && ready && newest) setNewestAtOpen(messageKey(newest));
  return useMemo(() => buildThreadRows(messages, unreadAtOpen, newestAtOpen), [messages, unreadAtOpen, newestAtOpen]);
}
