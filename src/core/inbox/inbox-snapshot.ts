/**
 * The inbox as saved between runs: every conversation row, the latest messages of the
 * most recent conversations, mutes, the last sync and the gaps still to fetch. Bounded
 * by the number of conversations, never by the number of messages ever received.
 */
import type { MessageView } from '../../shared/inbox';
import type { SavedRow } from './conversation-table';
import type { InboxStore } from './inbox-store';
import type { MissedRange } from './missed-ranges';
import { isUnsent, putMessage } from './thread';
import { text } from '../../shared/i18n/user-text';

/**
 * A reply in flight when the app quit may or may not have reached the server: with its
 * clientMessageId it is queued again (the resend cannot duplicate it); without one (saved
 * by an older version) only the user can tell, so it waits for a retry by hand.
 */
function asSaved(m: MessageView): MessageView {
  if (m.status !== 'sending') return m;
  return m.clientMessageId
    ? { ...m, status: 'queued' }
    : { ...m, status: 'failed', error: text('thread.closedWhileSending') };
}

export interface PersistedInbox {
  conversations: SavedRow[];
  messages: Record<string, MessageView[]>;
  mutedIds: string[];
  /** When the timed ones of `mutedIds` end (ISO); the others last until unmuted. */
  muteEnds: Record<string, string>;
  lastSyncAt: string | null;
  /** Gaps not fetched yet: resumed on the next run, so none is ever permanent. */
  missed: Record<string, MissedRange[]>;
}

export interface SaveLimits {
  conversationsWithMessages: number;
  messagesPerConversation: number;
}

/**
 * A bounded copy: every conversation row, messages only for the most recent ones — and
 * every reply not sent yet, wherever it is: only this app has it.
 */
export function exportRecent(store: InboxStore, limits: SaveLimits): PersistedInbox {
  const rows = store.conversations();
  const messages: Record<string, MessageView[]> = {};
  rows.forEach((row, index) => {
    const ordered = store.messages(row.id);
    if (ordered.length === 0) return;
    const tailLength = index < limits.conversationsWithMessages ? limits.messagesPerConversation : 0;
    const cut = Math.max(0, ordered.length - tailLength);
    const kept = [...ordered.slice(0, cut).filter(isUnsent), ...ordered.slice(cut)];
    if (kept.length > 0) messages[row.id] = kept.map(asSaved);
  });
  return {
    conversations: rows.map(({ muted: _muted, mutedUntil: _until, pendingReply: _pending, ...rest }) => rest),
    messages,
    mutedIds: store.table.mutedIds(),
    muteEnds: Object.fromEntries(
      Object.entries(store.table.muteEnds()).map(([id, end]) => [id, new Date(end).toISOString()]),
    ),
    lastSyncAt: store.lastSyncAt(),
    missed: store.missed.export(),
  };
}

export function importPersisted(store: InboxStore, data: PersistedInbox): void {
  const ends = Object.fromEntries(Object.entries(data.muteEnds).map(([id, end]) => [id, Date.parse(end)]));
  store.table.restore(data.conversations, data.mutedIds, ends);
  for (const [conversationId, list] of Object.entries(data.messages)) {
    const t = store.shelf.thread(conversationId);
    for (const message of list) putMessage(t, message);
    // A saved tail is contiguous but not current: the newest page is fetched on open.
    t.loaded = false;
    store.shelf.trim(conversationId);
    store.refreshPendingReply(conversationId);
  }
  store.missed.restore(data.missed);
  if (data.lastSyncAt) store.setLastSyncAt(data.lastSyncAt);
  store.everythingChanged();
}
