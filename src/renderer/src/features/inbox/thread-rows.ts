/**
 * What the thread shows, in order: messages with a separator before each new day. Pure,
 * so where separators fall is unit-testable; the view only renders rows.
 */
import type { MessageView } from '../../../../shared/inbox';
import { localDayKey } from './day-label';

export type ThreadRow =
  { kind: 'day'; key: string; date: Date } | { kind: 'message'; key: string; message: MessageView };

export function messageKey(message: MessageView): string {
  return message.localId ?? message.id;
}

export function buildThreadRows(messages: readonly MessageView[]): ThreadRow[] {
  const rows: ThreadRow[] = [];
  let previousDay: string | null = null;
  for (const message of messages) {
    const date = new Date(message.timestamp);
    const day = localDayKey(date);
    if (day !== previousDay) rows.push({ kind: 'day', key: `day-${day}`, date });
    previousDay = day;
    rows.push({ kind: 'message', key: messageKey(message), message });
  }
  return rows;
}
