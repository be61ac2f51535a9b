/**
 * What each `whatsapp:disconnected` reason means to a staff member, and what the app
 * does about it, as catalog words. Shared so the window and the desktop notification say the same.
 */
import type { KnownDisconnectReason } from './events';
import { text, type UserText } from './i18n/user-text';

export type DisconnectFollowUp =
  /** WhatsApp will not come back by itself: the number must be linked again. */
  | 'reconnect_flow'
  /** The backend is bringing it back; nothing to do but wait. */
  | 'backend_retrying'
  /** Stopped on purpose; the user can connect again when they want. */
  | 'idle';

export interface DisconnectExplanation {
  title: UserText;
  text: UserText;
  followUp: DisconnectFollowUp;
}

const KNOWN: Record<KnownDisconnectReason, DisconnectExplanation> = {
  logged_out: {
    title: text('disconnect.loggedOut.title'),
    text: text('disconnect.loggedOut.text'),
    followUp: 'reconnect_flow',
  },
  session_expired: {
    title: text('disconnect.sessionExpired.title'),
    text: text('disconnect.sessionExpired.text'),
    followUp: 'reconnect_flow',
  },
  connection_lost: {
    title: text('disconnect.connectionLost.title'),
    text: text('disconnect.connectionLost.text'),
    followUp: 'backend_retrying',
  },
  manual: {
    title: text('disconnect.manual.title'),
    text: text('disconnect.manual.text'),
    followUp: 'idle',
  },
  error: {
    title: text('disconnect.error.title'),
    text: text('disconnect.error.text'),
    followUp: 'backend_retrying',
  },
};

export function explainDisconnect(reason: string | null | undefined): DisconnectExplanation {
  if (reason && Object.prototype.hasOwnProperty.call(KNOWN, reason)) return KNOWN[reason as KnownDisconnectReason];
  return {
    title: text('disconnect.unknown.title'),
    // The server's own reason is data: shown as a quote, never as our words.
    text: reason ? text('disconnect.unknown.textWithReason', { reason }) : text('disconnect.unknown.text'),
    followUp: 'backend_retrying',
  };
}
