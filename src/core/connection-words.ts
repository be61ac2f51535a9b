/**
 * Connection problems in words a staff member understands. socket.io reports
 * transport-level codes ("xhr poll error", "transport close"); nobody at a shop
 * counter should have to read those.
 */

export function describeRefusal(error: Error): string {
  const reason = error.message.trim() || 'no reason given';
  return `The server refused your sign-in (${reason}). Sign in again to continue.`;
}

export function describeConnectError(error: Error, serverUrl: string): string {
  const raw = error.message.toLowerCase();
  const cause = (error as Error & { description?: unknown }).description;
  const causeText = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : '';
  if (/econnrefused/i.test(causeText) || /econnrefused/.test(raw)) {
    return `Cannot reach the server at ${serverUrl} (connection refused). Retrying…`;
  }
  if (/enotfound|eai_again/i.test(causeText) || /enotfound|eai_again/.test(raw)) {
    return `Cannot find the server ${serverUrl} (name lookup failed). Check the server address. Retrying…`;
  }
  if (raw === 'timeout') {
    return `The server at ${serverUrl} did not answer in time. Retrying…`;
  }
  return `Cannot reach the server at ${serverUrl}. Retrying…`;
}

const DISCONNECT_WORDS: Record<string, string> = {
  'io server disconnect': 'The server closed the connection. Reconnecting…',
  'ping timeout': 'The server stopped answering. Reconnecting…',
  'transport close': 'The connection to the server was lost. Reconnecting…',
  'transport error': 'The connection to the server failed. Reconnecting…',
  'parse error': 'The server sent something unreadable. Reconnecting…',
};

export function describeDisconnectReason(reason: string): string {
  return DISCONNECT_WORDS[reason] ?? 'The connection to the server was lost. Reconnecting…';
}
