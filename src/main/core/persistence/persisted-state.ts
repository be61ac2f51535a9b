/**
 * What survives a restart: notification settings, mutes and a bounded recent inbox.
 * The file is another trust boundary (it may be old, hand-edited or damaged), so it
 * is parsed like anything else from outside; what does not parse is not used.
 */
import { z } from 'zod';
import { isoTimestamp } from '../../../shared/events';
import {
  conversationView,
  DEFAULT_NOTIFICATION_SETTINGS,
  messageView,
  notificationSettings,
  type NotificationSettings,
} from '../../../shared/inbox';
import { describeZodError } from '../../../shared/events';
import type { PersistedInbox } from '../inbox/inbox-store';

export const PERSISTED_STATE_VERSION = 1;

/** Keep every conversation row, but messages only for the most recent chats. */
export const PERSIST_LIMITS = { conversationsWithMessages: 200, messagesPerConversation: 50 };

const persistedInbox = z.object({
  /** The server + organization this inbox belongs to: another org's inbox is never shown. */
  scope: z.string(),
  conversations: z.array(conversationView.omit({ muted: true })),
  messages: z.record(z.string(), z.array(messageView)),
  mutedIds: z.array(z.string()),
  lastSyncAt: isoTimestamp.nullable(),
});

export const persistedState = z.object({
  version: z.literal(PERSISTED_STATE_VERSION),
  notifications: notificationSettings,
  inbox: persistedInbox.nullable(),
});
export type PersistedState = z.infer<typeof persistedState>;

export const DEFAULT_PERSISTED_STATE: PersistedState = {
  version: PERSISTED_STATE_VERSION,
  notifications: DEFAULT_NOTIFICATION_SETTINGS,
  inbox: null,
};

export function inboxScope(serverUrl: string, organizationId: string): string {
  return `${serverUrl}#${organizationId}`;
}

export interface LoadedState {
  notifications: NotificationSettings;
  inbox: PersistedInbox | null;
  /** Why (part of) the saved state could not be used, in words; null when it was fine. */
  problem: string | null;
}

/** Parses a saved document; anything unusable falls back to defaults, with the reason. */
export function readPersistedState(raw: unknown, scope: string): LoadedState {
  if (raw === undefined || (typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0)) {
    return { notifications: DEFAULT_NOTIFICATION_SETTINGS, inbox: null, problem: null };
  }
  const parsed = persistedState.safeParse(raw);
  if (!parsed.success) {
    return {
      notifications: DEFAULT_NOTIFICATION_SETTINGS,
      inbox: null,
      problem: `The saved state did not have the expected shape (${describeZodError(parsed.error)}); using defaults.`,
    };
  }
  const inbox = parsed.data.inbox && parsed.data.inbox.scope === scope ? parsed.data.inbox : null;
  return { notifications: parsed.data.notifications, inbox, problem: null };
}
