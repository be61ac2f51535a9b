/**
 * The inbox state, held in the host: conversation rows (conversation-table), the
 * messages kept in memory (thread-shelf), the gaps still to fetch (missed-ranges) and
 * what changed since the last push (change-set). No I/O here; the service feeds it from
 * events and REST.
 */
import type { WhatsAppMessageEvent } from '../../shared/events';
import type { MessageView } from '../../shared/inbox';
import type { MessageDto } from '../../shared/rest';
import { createChangeSet } from './change-set';
import { createConversationSlots } from './conversation-slots';
import { createConversationTable } from './conversation-table';
import { createMissedRanges } from './missed-ranges';
import { oldestStored, pendingReplyOf, putMessage, removeMessage, replaceMessage } from './thread';
import { createThreadShelf, DEFAULT_SHELF_LIMITS, type ShelfLimits, type ShelfStats } from './thread-shelf';

export function messageFromDto(conversationId: string, dto: MessageDto): MessageView {
  return {
    id: dto.id,
    localId: null,
    conversationId,
    content: dto.content,
    contentType: dto.contentType,
    direction: dto.direction,
    timestamp: dto.timestamp,
    mediaUrl: dto.mediaUrl ?? null,
    status: dto.direction === 'incoming' ? 'received' : 'sent',
    error: null,
  };
}

function messageFromEvent({ conversationId, message }: WhatsAppMessageEvent): MessageView {
  return {
    id: message.id,
    localId: null,
    conversationId,
    content: message.content,
    contentType: message.contentType,
    direction: 'incoming',
    timestamp: message.timestamp,
    mediaUrl: message.mediaUrl ?? null,
    status: 'received',
    error: null,
  };
}

/**
 * 'live': one message from an event; 'page': a contiguous page at the newest end;
 * 'older': a page fetched right below the oldest message held.
 */
export type Placement = 'live' | 'page' | 'older';

export interface InboxStats extends ShelfStats {
  conversations: number;
  missedRanges: number;
}

/**
 * Stores a message in its thread and moves the row. A live message older than all the
 * thread holds, while older history exists, is only remembered: storing it would show
 * it next to messages it is not next to (a page is contiguous by itself, and the
 * caller keeps it joined to the rest).
 */
function storeMessage(
  parts: {
    shelf: ReturnType<typeof createThreadShelf>;
    table: ReturnType<typeof createConversationTable>;
    changes: ReturnType<typeof createChangeSet>;
  },
  message: MessageView,
  placement: Placement,
): boolean {
  const { shelf, table, changes } = parts;
  const t = shelf.thread(message.conversationId);
  const oldest = placement === 'live' && t.hasOlder ? oldestStored(t) : null;
  if (oldest && message.timestamp < oldest.timestamp && !t.byId.has(message.id)) {
    shelf.remember(message.conversationId, message.id);
    table.bumpActivity(message);
    return true;
  }
  const isNew = putMessage(t, message, placement === 'older' ? 'older' : 'newer');
  changes.message(message.conversationId, message.id);
  table.bumpActivity(message);
  return isNew;
}

export function createInboxStore(limits: ShelfLimits = DEFAULT_SHELF_LIMITS) {
  // Only a thread on screen follows its messages (see inbox-pushes).
  const changes = createChangeSet((conversationId) => shelf.isOpen(conversationId));
  // One lookup finds a chat's row and thread together (conversation-slots).
  const slots = createConversationSlots();
  const table = createConversationTable(changes, slots);
  const shelf = createThreadShelf(changes, limits, slots);
  const missed = createMissedRanges();
  let lastSyncAt: string | null = null;

  const store = (message: MessageView, placement: Placement): boolean =>
    storeMessage({ shelf, table, changes }, message, placement);

  /** The list shows a chat's waiting or refused reply: worked out again whenever one changes. */
  const refreshPendingReply = (conversationId: string) =>
    table.setPendingReply(conversationId, pendingReplyOf(shelf.get(conversationId)));

  return {
    table,
    shelf,
    missed,
    conversations: table.sorted,
    conversation: table.get,
    has: table.has,
    size: table.size,
    totalUnread: table.totalUnread,
    isMuted: table.isMuted,
    messages: (conversationId: string): MessageView[] => shelf.get(conversationId)?.ordered ?? [],
    message: (conversationId: string, id: string): MessageView | null =>
      shelf.get(conversationId)?.byId.get(id) ?? null,
    lastSyncAt: () => lastSyncAt,
    refreshPendingReply,
    setLastSyncAt(iso: string) {
      lastSyncAt = iso;
    },
    takeChanges: changes.take,
    everythingChanged: changes.everything,
    stats: (): InboxStats => ({ ...shelf.stats(), conversations: table.size(), missedRanges: missed.count() }),

    /** A `whatsapp:message`. Returns the message when it is new, null for a duplicate. */
    receiveIncoming(event: WhatsAppMessageEvent, options: { countUnread: boolean }): MessageView | null {
      const { conversationId, contactId, message } = event;
      if (shelf.knows(conversationId, message.id)) return null;
      table.ensure(conversationId, contactId, message.timestamp);
      const stored = messageFromEvent(event);
      store(stored, 'live');
      // Counted now (or read): a catch-up walking a gap this message lies in must not count it again.
      missed.noteLive(conversationId, message.timestamp, message.id);
      if (options.countUnread) table.countIncoming(conversationId, message.timestamp);
      shelf.trim(conversationId);
      return stored;
    },

    /**
     * Server messages (a page), deduplicated; returns the incoming ones this store did
     * not know. Unread is not touched here: only the caller knows whether these were
     * missed or are just history.
     */
    mergeMessages(conversationId: string, dtos: MessageDto[], placement: Exclude<Placement, 'live'>): MessageView[] {
      const fresh: MessageView[] = [];
      // An older page goes in newest-first, each before its same-instant neighbours, which keeps the server's order.
      for (const dto of placement === 'older' ? [...dtos].reverse() : dtos) {
        const known = shelf.knows(conversationId, dto.id);
        const message = messageFromDto(conversationId, dto);
        store(message, placement);
        if (!known && message.direction === 'incoming') fresh.push(message);
      }
      if (placement === 'older') fresh.reverse();
      return fresh;
    },

    /** A message the user just sent, shown at once as "sending". */
    addOutgoing(message: MessageView) {
      putMessage(shelf.thread(message.conversationId), message);
      changes.message(message.conversationId, message.id);
      table.bumpActivity(message);
      refreshPendingReply(message.conversationId);
    },

    /** Replaces the local copy of a sent message by the server's. */
    resolveOutgoing(conversationId: string, localId: string, dto: MessageDto) {
      const t = shelf.thread(conversationId);
      if (removeMessage(t, localId)) changes.removedMessage(conversationId, localId);
      const stored = { ...messageFromDto(conversationId, dto), localId };
      putMessage(t, stored);
      changes.message(conversationId, stored.id);
      table.bumpActivity(stored);
      shelf.trim(conversationId);
      refreshPendingReply(conversationId);
    },

    /** A reply that could not be sent, let go of by the user. */
    discardOutgoing(conversationId: string, localId: string): boolean {
      const t = shelf.get(conversationId);
      const gone = t?.byId.get(localId);
      if (!t || !gone || !removeMessage(t, localId)) return false;
      changes.removedMessage(conversationId, localId);
      refreshPendingReply(conversationId);
      // It was the row's last word (its preview and place in the list): no longer.
      const newest = t.ordered[t.ordered.length - 1];
      if (newest && gone.timestamp >= (table.get(conversationId)?.lastMessageAt ?? ''))
        table.bumpActivity(newest, true);
      return true;
    },

    updateMessage(conversationId: string, id: string, patch: Partial<MessageView>): MessageView | null {
      const t = shelf.get(conversationId);
      const updated = t ? replaceMessage(t, id, patch) : null;
      if (updated) changes.message(conversationId, id);
      if (updated && patch.status) refreshPendingReply(conversationId);
      return updated;
    },
  };
}

export type InboxStore = ReturnType<typeof createInboxStore>;
