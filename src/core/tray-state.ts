/** What the tray shows for a connection state and unread count (pure). */
import { CONNECTION_STATUS_WORDS, type ConnectionStatus } from '../shared/bridge';
import type { TrayState } from './ports';

/** The badge text: nothing for 0, the number up to 99, then "99+". */
export function badgeLabel(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

export function describeTray(status: ConnectionStatus, unread: number, demo: boolean): TrayState {
  const unreadText =
    unread === 0 ? 'no unread messages' : unread === 1 ? '1 unread message' : `${unread} unread messages`;
  return {
    badgeCount: Math.max(0, Math.floor(unread)),
    tooltip: `AuZap${demo ? ' (Demo)' : ''} — ${CONNECTION_STATUS_WORDS[status]}, ${unreadText}`,
    attention: status === 'auth_failed' ? 'sign_in' : status === 'online' ? 'none' : 'offline',
  };
}
