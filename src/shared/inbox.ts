/**
 * The inbox as main shares it with the renderer: conversations (one row each in the
 * list) and messages (bubbles in a thread). Main owns the truth; the renderer keeps a
 * copy fed by upsert pushes, because re-sending 10,000 rows per message is not calm.
 */
import { z } from 'zod';
import { isoTimestamp, messageContentType } from './events';
import { messageDirection } from './rest';

export const conversationView = z.object({
  id: z.string(),
  contactId: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** The WhatsApp number the chat came in on; null when the server did not say (optional: older saved states). */
  instanceId: z.string().nullable().optional(),
  lastMessageAt: isoTimestamp,
  lastMessagePreview: z.string().nullable(),
  unreadCount: z.number().int().nonnegative(),
  muted: z.boolean(),
  /** A reply of this chat is waiting to be sent ('queued') or needs the user ('failed' wins). */
  pendingReply: z.enum(['queued', 'failed']).nullable().optional(),
});
export type ConversationView = z.infer<typeof conversationView>;

/**
 * Outgoing: 'sending' (a POST in flight), 'queued' (offline, 5xx or timed out: sent by
 * itself later), 'sent', or 'failed' (refused by the server: only a retry by hand helps).
 */
export const MESSAGE_STATUSES = ['received', 'sending', 'queued', 'sent', 'failed'] as const;
export const messageStatus = z.enum(MESSAGE_STATUSES);

export const messageView = z.object({
  /** The server's id; a local id (`local-…`) while an outgoing message is not stored yet. */
  id: z.string(),
  /** Stable across the local → server id swap, so the bubble does not flicker. */
  localId: z.string().nullable(),
  /** An unsent reply's id for the server, the same on every resend, so it is never stored twice. */
  clientMessageId: z.string().optional(),
  conversationId: z.string(),
  content: z.string(),
  contentType: messageContentType,
  direction: messageDirection,
  timestamp: isoTimestamp,
  mediaUrl: z.string().nullable(),
  status: messageStatus,
  /** Why sending failed (or why a queued reply waits), in words. */
  error: z.string().nullable(),
});
export type MessageView = z.infer<typeof messageView>;

/**
 * Time order. Sorting is stable, so messages of the same instant keep the order they
 * reached us in (WhatsApp times are whole seconds).
 */
export function compareMessagesByTime(a: Pick<MessageView, 'timestamp'>, b: Pick<MessageView, 'timestamp'>): number {
  return a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0;
}

export const conversationsDelta = z.object({
  /** True when `upserts` is the whole list (first load, resync): drop what you had. */
  reset: z.boolean(),
  upserts: z.array(conversationView),
  removedIds: z.array(z.string()),
});
export type ConversationsDelta = z.infer<typeof conversationsDelta>;

export const messagesDelta = z.object({
  conversationId: z.string(),
  upserts: z.array(messageView),
  removedIds: z.array(z.string()),
});
export type MessagesDelta = z.infer<typeof messagesDelta>;

export const threadPage = z.object({
  conversationId: z.string(),
  messages: z.array(messageView),
  /** More, older messages exist on the server. */
  hasOlder: z.boolean(),
  /** Why the thread could not be (fully) loaded, in words; null when fine. */
  error: z.string().nullable(),
});
export type ThreadPage = z.infer<typeof threadPage>;

export const inboxSummary = z.object({
  totalUnread: z.number().int().nonnegative(),
  conversationCount: z.number().int().nonnegative(),
  syncing: z.boolean(),
  lastSyncAt: isoTimestamp.nullable(),
  syncError: z.string().nullable(),
});
export type InboxSummary = z.infer<typeof inboxSummary>;

export const NOTIFICATION_PRIVACY = ['full', 'name', 'none'] as const;
export const notificationPrivacy = z.enum(NOTIFICATION_PRIVACY);
export type NotificationPrivacy = z.infer<typeof notificationPrivacy>;

export const notificationSettings = z.object({
  /** Global "pause notifications" (tray menu and settings). */
  paused: z.boolean(),
  /** full: name and text; name: name only; none: nothing that identifies the chat. */
  privacy: notificationPrivacy,
});
export type NotificationSettings = z.infer<typeof notificationSettings>;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = { paused: false, privacy: 'full' };
