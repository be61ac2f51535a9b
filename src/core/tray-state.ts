/** What the tray shows for a connection state and unread count (pure). */
import { CONNECTION_STATUS_WORDS, type ConnectionStatus } from '../shared/bridge';
import { endClockTime } from '../shared/quiet-time';
import type { TrayState } from './ports';

/** The badge text: nothing for 0, the number up to 99, then "99+". */
export function badgeLabel(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

/**
 * A pause in the tooltip says when it ends as a clock time ("until 08:00"): unlike a
 * count of minutes left, it is still true when the tooltip is read an hour later.
 */
function pauseText(pause: { paused: boolean; pausedUntil?: string | null } | undefined): string {
  if (!pause?.paused) return '';
  return pause.pausedUntil
    ? `, notifications paused until ${endClockTime(Date.parse(pause.pausedUntil))}`
    : ', notifications paused';
}

export function describeTray(
  status: ConnectionStatus,
  unread: number,
  demo: boolean,
  pause?: { paused: boolean; pausedUntil?: string | null },
): TrayState {
  const unreadText =
    unread === 0 ? 'no unread messages' : unread === 1 ? '1 unread message' : `${unread} unread messages`;
  return {
    badgeCount: Math.max(0, Math.floor(unread)),
    tooltip: `AuZap${demo ? ' (Demo)' : ''} — ${CONNECTION_STATUS_WORDS[status]}, ${unreadText}${pauseText(pause)}`,
    attention: status === 'auth_failed' ? 'sign_in' : status === 'online' ? 'none' : 'offline',
  };
}
