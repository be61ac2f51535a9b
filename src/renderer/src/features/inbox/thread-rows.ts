/**
 * What the thread shows, in order: messages with a separator before each new day and,
 * when the conversation was opened with unread messages, a divider where they start;
 * messages in quick succession from one side are grouped.
 * Pure, so where separators fall is unit-testable; the view only renders rows.
 */
import type { MessageView } from '../../../../shared/inbox';
import { localDayKey } from './day-label';

export type ThreadRow =
  | { kind: 'day'; key: string; date: Date }
  | { kind: 'unread'; key: 'unread'; count: number }
  | { kind: 'message'; key: string; message: MessageView; grouped: MessageGrouping };

/** Consecutive messages from the same side, this close in time, read as one group with one time. */
const GROUP_WITHIN_MS = 5 * 60_000;

export interface MessageGrouping {
  withPrevious: boolean;
  withNext: boolean;
}

export function messageKey(message: MessageView): string {
  return message.localId ?? message.id;
}

/** Index of the first unread message: the `unreadCount`-th incoming one from the end (0 if fewer are loaded). */
/**
 * The n-th incoming message back from the newest one there was when the chat opened (messages
 * arriving while it is open come after the divider and do not move it).
 */
function firstUnreadIndex(messages: readonly MessageView[], unreadCount: number, newestAtOpen: string | null): number {
  if (unreadCount <= 0) return -1;
  let left = unreadCount;
  const newest = newestAtOpen === null ? -1 : messages.findLastIndex((m) => messageKey(m) === newestAtOpen);
  for (let i = newest >= 0 ? newest : messages.length - 1; i >= 0; i -= 1) {
    if (messages[i]?.direction === 'incoming') left -= 1;
    if (left === 0) return i;
  }
  return messages.length > 0 ? 0 : -1;
}

export function buildThreadRows(
  messages: readonly MessageView[],
  unreadCount = 0,
  newestAtOpen: string | null = null,
): ThreadRow[] {
  const rows: ThreadRow[] = [];
  const unreadAt = firstUnreadIndex(messages, unreadCount, newestAtOpen);
  let previousDay: string | null = null;
  messages.forEach((message, index) => {
    const date = new Date(message.timestamp);
    const day = localDayKey(date);
    if (day !== previousDay) rows.push({ kind: 'day', key: `day-${day}`, date });
    previousDay = day;
    if (index === unreadAt) rows.push({ kind: 'unread', key: 'unread', count: unreadCount });
    rows.push({
      kind: 'message',
      key: messageKey(message),
      message,
      grouped: { withPrevious: false, withNext: false },
    });
  });
  groupNeighbours(rows);
  return rows;
}

/** Links each message row to the one right after it (no separator between) when they group. */
function groupNeighbours(rows: ThreadRow[]): void {
  for (let i = 1; i < rows.length; i += 1) {
    const previous = rows[i - 1];
    const current = rows[i];
    if (previous?.kind !== 'message' || current?.kind !== 'message') continue;
    const gap = Date.parse(current.message.timestamp) - Date.parse(previous.message.timestamp);
    if (current.message.direction !== previous.message.direction || gap > GROUP_WITHIN_MS) continue;
    previous.grouped.withNext = true;
    current.grouped.withPrevious = true;
  }
}
