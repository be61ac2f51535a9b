/**
 * What each `whatsapp:disconnected` reason means to a staff member, and what the app
 * does about it. Shared so the window and the desktop notification say the same.
 */
import type { KnownDisconnectReason } from './events';

export type DisconnectFollowUp =
  /** WhatsApp will not come back by itself: the number must be linked again. */
  | 'reconnect_flow'
  /** The backend is bringing it back; nothing to do but wait. */
  | 'backend_retrying'
  /** Stopped on purpose; the user can connect again when they want. */
  | 'idle';

export interface DisconnectExplanation {
  title: string;
  text: string;
  followUp: DisconnectFollowUp;
}

const KNOWN: Record<KnownDisconnectReason, DisconnectExplanation> = {
  logged_out: {
    title: 'Logged out on the phone',
    text: 'This number was logged out in WhatsApp on the phone (Linked devices). Link it again to keep receiving messages.',
    followUp: 'reconnect_flow',
  },
  session_expired: {
    title: 'Session expired',
    text: 'The link expired before it was completed. Start again to get a new QR code or pairing code.',
    followUp: 'reconnect_flow',
  },
  connection_lost: {
    title: 'Connection lost',
    text: 'The connection between AuZap and WhatsApp was lost. The server is reconnecting; messages will arrive once it is back.',
    followUp: 'backend_retrying',
  },
  manual: {
    title: 'Disconnected on request',
    text: 'This number was disconnected from AuZap on purpose. Connect it again when you need it.',
    followUp: 'idle',
  },
  error: {
    title: 'Disconnected by an error',
    text: 'WhatsApp disconnected because of an unexpected error. The server is retrying; if it does not come back, link the number again.',
    followUp: 'backend_retrying',
  },
};

export function explainDisconnect(reason: string | null | undefined): DisconnectExplanation {
  if (reason && Object.prototype.hasOwnProperty.call(KNOWN, reason)) return KNOWN[reason as KnownDisconnectReason];
  if (!reason) {
    return {
      title: 'Disconnected',
      text: 'WhatsApp disconnected without giving a reason. The server is retrying; if it does not come back, link the number again.',
      followUp: 'backend_retrying',
    };
  }
  return {
    title: 'Disconnected',
    text: `WhatsApp disconnected (reason: “${reason}”). The server is retrying; if it does not come back, link the number again.`,
    followUp: 'backend_retrying',
  };
}
