/**
 * Connection problems as catalog words a staff member understands. socket.io reports
 * transport-level codes ("xhr poll error", "transport close"); nobody at a shop
 * counter should have to read those. The server's own refusal is quoted as data.
 */
import type { MessageKey } from '../shared/i18n/translate';
import { text, type UserText } from '../shared/i18n/user-text';

export function describeRefusal(error: Error): UserText {
  const reason = error.message.trim();
  return reason ? text('connection.refusedSaying', { server: reason }) : text('connection.refused');
}

export function describeConnectError(error: Error, serverUrl: string): UserText {
  const raw = error.message.toLowerCase();
  const cause = (error as Error & { description?: unknown }).description;
  const causeText = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : '';
  if (/econnrefused/i.test(causeText) || /econnrefused/.test(raw)) {
    return text('connection.refusedByHost', { server: serverUrl });
  }
  if (/enotfound|eai_again/i.test(causeText) || /enotfound|eai_again/.test(raw)) {
    return text('connection.notFound', { server: serverUrl });
  }
  if (raw === 'timeout') return text('connection.timeout', { server: serverUrl });
  return text('connection.unreachable', { server: serverUrl });
}

const DISCONNECT_WORDS: Record<string, MessageKey> = {
  'io server disconnect': 'connection.closedByServer',
  'ping timeout': 'connection.stoppedAnswering',
  'transport close': 'connection.lost',
  'transport error': 'connection.failed',
  'parse error': 'connection.unreadable',
};

export function describeDisconnectReason(reason: string): UserText {
  return text(DISCONNECT_WORDS[reason] ?? 'connection.lost');
}
