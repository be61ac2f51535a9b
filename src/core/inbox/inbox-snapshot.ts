/**
 * The inbox as saved between runs: every conversation row, the latest messages of the
 * most recent conversations, mutes, the last sync and the gaps still to fetch. Bounded
 * by the number of conversations, never by the number of messages ever received.
 */
import type { ConversationView, MessageView } from '../../shared/inbox';
import type { InboxStore } from './inbox-store';
import type { MissedRange } from './missed-ranges';
import { putMessage } from './thread';

export interface PersistedInbox {
  conversations: Array<Omit<ConversationView, 'muted'>>;
  messages: Record<string, MessageView[]>;
  mutedIds: string[];
  lastSyncAt: string | null;
  /** Gaps not fetched yet: resumed on the next run, so none is ever permanent. */
  missed: Record<string, MissedRange[]>;
}

export interface SaveLimits {
  conversationsWithMessages: number;
  messagesPerConversation: number;
}

/** A bounded copy: every conversation row, messages only for the most recent ones. */
export function exportRecent(store: InboxStore, limits: SaveLimits): PersistedInbox {
  const rows = store.conversations();
  const messages: Record<string, MessageView[]> = {};
  for (const row of rows.slice(0, limits.conversationsWithMessages)) {
    const ordered = store.messages(row.id);
    if (ordered.length === 0) continue;
    messages[row.id] = ordered.slice(-limits.messagesPerConversation).map((m) =>
      // An app that quits mid-send must not pretend: the user can retry it later.
      m.status === 'sending'
        ? { ...m, status: 'failed' as const, error: 'Not sent: AuZap was closed while sending.' }
        : m,
    );
  }
  return {
    conversations: rows.map(({ muted: _muted, ...rest }) => rest),
    messages,
    mutedIds: store.table.mutedIds(),
    lastSyncAt: store.lastSyncAt(),
    missed: store.missed.export(),
  };
}

export function importPersisted(store: InboxStore, data: PersistedInbox): void {
  store.table.restore(data.conversations, data.mutedIds);
  for (const [conversationId, list] of Object.entries(data.messages)) {
    const t = store.shelf.thread(conversationId);
    for (const message of list) putMessage(t, message);
    // A saved tail is contiguous but not current: the newest page is fetched on open.
    t.loaded = false;
    store.shelf.trim(conversationId);
  }
  store.missed.restore(data.missed);
  if (data.lastSyncAt) store.setLastSyncAt(data.lastSyncAt);
  store.everythingChanged();
}
