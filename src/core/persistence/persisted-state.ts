/**
 * What survives a restart: notification settings, mutes and a bounded recent inbox.
 * The file is another trust boundary (it may be old, hand-edited or damaged), so it
 * is parsed like anything else from outside; what does not parse is not used.
 */
import { z } from 'zod';
import { isoTimestamp } from '../../shared/events';
import {
  conversationView,
  DEFAULT_NOTIFICATION_SETTINGS,
  messageView,
  notificationSettings,
  type NotificationSettings,
} from '../../shared/inbox';
import { describeZodError } from '../../shared/events';
import { MAX_PAGE_SIZE } from '../inbox/message-pager';
import { MAX_LIVE_IDS, MAX_RANGES_PER_CONVERSATION } from '../inbox/missed-ranges';
import type { PersistedInbox } from '../inbox/inbox-snapshot';

export const PERSISTED_STATE_VERSION = 2;

/** Keep every conversation row, but messages only for the most recent chats. */
export const PERSIST_LIMITS = { conversationsWithMessages: 200, messagesPerConversation: 50 };

const pageCursor = z.object({
  timestamp: isoTimestamp,
  ids: z.array(z.string()).max(MAX_PAGE_SIZE),
  passed: z.boolean().optional(),
});
const missedRange = z.object({
  after: isoTimestamp,
  knownAtAfter: z.array(z.string()).max(MAX_PAGE_SIZE).nullable(),
  /** Absent in files from before it was kept: such a range is walked from the newest message. */
  until: isoTimestamp.nullable().default(null),
  liveIds: z.array(z.string()).max(MAX_LIVE_IDS).default([]),
  fetchedDownTo: pageCursor.nullable(),
  /** Absent in files from before it was kept: the range counts every message it finds. */
  countedUntil: isoTimestamp.nullable().default(null),
});

const persistedInbox = z.object({
  /** The server + organization this inbox belongs to: another org's inbox is never shown. */
  scope: z.string(),
  conversations: z.array(conversationView.omit({ muted: true, pendingReply: true })),
  messages: z.record(z.string(), z.array(messageView)),
  mutedIds: z.array(z.string()),
  lastSyncAt: isoTimestamp.nullable(),
  /** Gaps still to fetch (inbox/missed-ranges.ts); absent in files from before they were kept. */
  missed: z.record(z.string(), z.array(missedRange).max(MAX_RANGES_PER_CONVERSATION)).default({}),
});

/** Inboxes kept per data folder: switching organization and back keeps mutes and unread. */
export const KEPT_INBOXES = 3;

export const persistedState = z.object({
  version: z.literal(PERSISTED_STATE_VERSION),
  notifications: notificationSettings,
  /** Most recently used first. */
  inboxes: z.array(persistedInbox),
});
export type PersistedState = z.infer<typeof persistedState>;
type PersistedInboxDoc = z.infer<typeof persistedInbox>;

export function inboxScope(serverUrl: string, organizationId: string): string {
  return `${serverUrl}#${organizationId}`;
}

export interface LoadedState {
  notifications: NotificationSettings;
  inbox: PersistedInbox | null;
  /** Other organizations' inboxes, kept as they were so saving does not erase them. */
  otherInboxes: PersistedInboxDoc[];
  /** Why (part of) the saved state could not be used, in words; null when it was fine. */
  problem: string | null;
}

/** Older documents, brought up to the current shape. */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  // v1 kept a single inbox.
  1: ({ inbox, ...rest }) => ({ ...rest, version: 2, inboxes: inbox ? [inbox] : [] }),
};

const envelope = z.object({ version: z.number().int().positive() }).loose();

/**
 * Parses a saved document part by part: a damaged inbox does not cost the user their
 * notification privacy, and one organization's damaged inbox does not cost the others.
 */
export function readPersistedState(raw: unknown, scope: string): LoadedState {
  const empty: LoadedState = {
    notifications: DEFAULT_NOTIFICATION_SETTINGS,
    inbox: null,
    otherInboxes: [],
    problem: null,
  };
  if (raw === undefined || (typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0)) return empty;
  const head = envelope.safeParse(raw);
  if (!head.success || head.data.version > PERSISTED_STATE_VERSION) {
    return { ...empty, problem: 'The saved state is not in a format this version of AuZap knows; using defaults.' };
  }
  let doc: Record<string, unknown> = head.data;
  for (let version = doc.version as number; version < PERSISTED_STATE_VERSION; version += 1) {
    const migrate = MIGRATIONS[version];
    if (migrate) doc = migrate(doc);
  }
  const problems: string[] = [];
  const notifications = notificationSettings.safeParse(doc.notifications);
  if (!notifications.success) problems.push(`notification settings (${describeZodError(notifications.error)})`);
  const inboxes: PersistedInboxDoc[] = [];
  for (const candidate of Array.isArray(doc.inboxes) ? doc.inboxes : []) {
    const parsed = persistedInbox.safeParse(candidate);
    if (parsed.success) inboxes.push(parsed.data);
    else problems.push(`a saved inbox (${describeZodError(parsed.error)})`);
  }
  const mine = inboxes.find((inbox) => inbox.scope === scope) ?? null;
  return {
    notifications: notifications.success ? notifications.data : DEFAULT_NOTIFICATION_SETTINGS,
    inbox: mine,
    otherInboxes: inboxes.filter((inbox) => inbox.scope !== scope),
    problem: problems.length > 0 ? `Part of the saved state could not be used: ${problems.join('; ')}.` : null,
  };
}

/** The document to save: this organization's inbox first, a few others kept. */
export function composePersistedState(
  notifications: NotificationSettings,
  current: PersistedInboxDoc,
  others: PersistedInboxDoc[],
): PersistedState {
  return {
    version: PERSISTED_STATE_VERSION,
    notifications,
    inboxes: [current, ...others.filter((inbox) => inbox.scope !== current.scope)].slice(0, KEPT_INBOXES),
  };
}
