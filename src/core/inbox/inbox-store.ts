/**
 * The inbox state, held in main: conversations, their messages (deduplicated by id,
 * ordered by time), unread counts and mutes. No I/O here; the service feeds it from
 * events and REST, and asks it for what changed so pushes stay small.
 *
 * Unread counts are local truth: the REST contract has no "mark read" call, so the
 * server's count is only taken for a conversation the app has never seen before.
 */
import type { WhatsAppMessageEvent } from '../../shared/events';
import { compareMessagesByTime, type ConversationView, type MessageView } from '../../shared/inbox';
import { messagePreview } from '../../shared/message-text';
import type { ConversationDto, MessageDto } from '../../shared/rest';

interface Thread {
  byId: Map<string, MessageView>;
  /** Oldest first; equal timestamps in arrival order. */
  ordered: MessageView[];
  /** Loaded from the server at least once (otherwise only live events are here). */
  loaded: boolean;
  hasOlder: boolean;
}

interface ConversationRecord {
  id: string;
  contactId: string;
  contactName: string | null;
  contactPhone: string | null;
  lastMessageAt: string;
  lastMessagePreview: string | null;
  unreadCount: number;
}

export interface InboxChanges {
  /** 'all' after a bulk replace; otherwise the ids whose rows changed. */
  conversations: Set<string> | 'all';
  messages: Map<string, { upserts: Set<string>; removed: Set<string> }>;
}

export interface PersistedInbox {
  conversations: Array<Omit<ConversationView, 'muted'>>;
  messages: Record<string, MessageView[]>;
  mutedIds: string[];
  lastSyncAt: string | null;
}

export interface MergeResult {
  /** Incoming messages this store had not seen before (duplicates excluded). */
  newIncoming: MessageView[];
}

export function createInboxStore() {
  const conversations = new Map<string, ConversationRecord>();
  const threads = new Map<string, Thread>();
  const mutedIds = new Set<string>();
  /**
   * For a conversation first learned from REST: the server's unread count already
   * includes its messages up to this instant, so their live events (which may still be
   * on their way) must not count them again.
   */
  const serverCountedUntil = new Map<string, string>();
  let lastSyncAt: string | null = null;
  let sortedCache: ConversationView[] | null = null;
  let totalUnread = 0;
  let changes: InboxChanges = emptyChanges();

  function emptyChanges(): InboxChanges {
    return { conversations: new Set(), messages: new Map() };
  }

  const touchConversation = (id: string) => {
    sortedCache = null;
    if (changes.conversations !== 'all') changes.conversations.add(id);
  };

  const touchMessage = (conversationId: string, id: string, removed = false) => {
    let entry = changes.messages.get(conversationId);
    if (!entry) {
      entry = { upserts: new Set(), removed: new Set() };
      changes.messages.set(conversationId, entry);
    }
    if (removed) {
      entry.removed.add(id);
      entry.upserts.delete(id);
    } else {
      entry.upserts.add(id);
    }
  };

  const setUnread = (record: ConversationRecord, unread: number) => {
    totalUnread += unread - record.unreadCount;
    record.unreadCount = unread;
  };

  const thread = (conversationId: string): Thread => {
    let t = threads.get(conversationId);
    if (!t) {
      t = { byId: new Map(), ordered: [], loaded: false, hasOlder: true };
      threads.set(conversationId, t);
    }
    return t;
  };

  const view = (record: ConversationRecord): ConversationView => ({ ...record, muted: mutedIds.has(record.id) });

  /**
   * Inserts or replaces a message; returns true when its id was not known. Among
   * messages of the same instant a newer arrival goes last, an older page's goes first.
   */
  const putMessage = (t: Thread, message: MessageView, placement: 'newer' | 'older' = 'newer'): boolean => {
    const existing = t.byId.get(message.id);
    if (existing) {
      // A duplicate delivery: keep the first copy's position, take any newer fields.
      if (existing.timestamp === message.timestamp) {
        const index = t.ordered.indexOf(existing);
        const merged = { ...existing, ...message, localId: existing.localId ?? message.localId };
        t.ordered[index] = merged;
        t.byId.set(message.id, merged);
        return false;
      }
      removeFromOrdered(t, existing);
    }
    t.byId.set(message.id, message);
    let lo = 0;
    let hi = t.ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const probe = t.ordered[mid];
      const order = probe ? compareMessagesByTime(probe, message) : 1;
      if (order < 0 || (order === 0 && placement === 'newer')) lo = mid + 1;
      else hi = mid;
    }
    t.ordered.splice(lo, 0, message);
    return !existing;
  };

  const removeFromOrdered = (t: Thread, message: MessageView) => {
    const index = t.ordered.indexOf(message);
    if (index >= 0) t.ordered.splice(index, 1);
  };

  const bumpActivity = (record: ConversationRecord, message: MessageView) => {
    if (message.timestamp >= record.lastMessageAt) {
      record.lastMessageAt = message.timestamp;
      record.lastMessagePreview = messagePreview(message);
    }
  };

  const fromDto = (conversationId: string, dto: MessageDto): MessageView => ({
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
  });

  /** Newest activity first; cached until something changes. */
  const sortedConversations = (): ConversationView[] => {
    if (!sortedCache) {
      sortedCache = [...conversations.values()]
        .map(view)
        .sort((a, b) => (a.lastMessageAt < b.lastMessageAt ? 1 : a.lastMessageAt > b.lastMessageAt ? -1 : 0));
    }
    return sortedCache;
  };

  return {
    // ---- queries -----------------------------------------------------------
    conversations: sortedConversations,
    conversation(id: string): ConversationView | null {
      const record = conversations.get(id);
      return record ? view(record) : null;
    },
    has(id: string): boolean {
      return conversations.has(id);
    },
    messages(conversationId: string): MessageView[] {
      return threads.get(conversationId)?.ordered ?? [];
    },
    message(conversationId: string, id: string): MessageView | null {
      return threads.get(conversationId)?.byId.get(id) ?? null;
    },
    threadInfo(conversationId: string): { loaded: boolean; hasOlder: boolean } {
      const t = threads.get(conversationId);
      return { loaded: t?.loaded ?? false, hasOlder: t?.hasOlder ?? true };
    },
    isMuted(conversationId: string): boolean {
      return mutedIds.has(conversationId);
    },
    totalUnread(): number {
      return totalUnread;
    },
    size(): number {
      return conversations.size;
    },
    lastSyncAt(): string | null {
      return lastSyncAt;
    },

    // ---- live events -------------------------------------------------------
    /** A `whatsapp:message`. Returns the stored message when it is new, null for a duplicate. */
    receiveIncoming(event: WhatsAppMessageEvent, options: { countUnread: boolean }): MessageView | null {
      const { conversationId, contactId, message } = event;
      let record = conversations.get(conversationId);
      if (!record) {
        record = {
          id: conversationId,
          contactId,
          contactName: null,
          contactPhone: null,
          lastMessageAt: message.timestamp,
          lastMessagePreview: null,
          unreadCount: 0,
        };
        conversations.set(conversationId, record);
      }
      const stored: MessageView = {
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
      const t = thread(conversationId);
      if (t.byId.has(message.id)) return null;
      putMessage(t, stored);
      touchMessage(conversationId, stored.id);
      bumpActivity(record, stored);
      const countedBy = serverCountedUntil.get(conversationId);
      if (options.countUnread && !(countedBy && message.timestamp <= countedBy)) {
        setUnread(record, record.unreadCount + 1);
      }
      touchConversation(conversationId);
      return stored;
    },

    // ---- REST --------------------------------------------------------------
    /**
     * Conversations from GET /conversations. Contact details and activity come from
     * the server; unread comes from the server only for conversations new to us.
     */
    mergeConversations(dtos: ConversationDto[]): ConversationView[] {
      const added: ConversationView[] = [];
      for (const dto of dtos) {
        const record = conversations.get(dto.id);
        if (!record) {
          const fresh: ConversationRecord = {
            id: dto.id,
            contactId: dto.contactId,
            contactName: dto.contactName ?? null,
            contactPhone: dto.contactPhone ?? null,
            lastMessageAt: dto.lastMessageAt,
            lastMessagePreview: dto.lastMessagePreview
              ? messagePreview({ contentType: 'text', content: dto.lastMessagePreview })
              : null,
            unreadCount: 0,
          };
          conversations.set(dto.id, fresh);
          setUnread(fresh, dto.unreadCount ?? 0);
          serverCountedUntil.set(dto.id, dto.lastMessageAt);
          added.push(view(fresh));
        } else {
          record.contactId = dto.contactId;
          record.contactName = dto.contactName ?? record.contactName;
          record.contactPhone = dto.contactPhone ?? record.contactPhone;
          if (dto.lastMessageAt > record.lastMessageAt) {
            record.lastMessageAt = dto.lastMessageAt;
            if (dto.lastMessagePreview) {
              record.lastMessagePreview = messagePreview({ contentType: 'text', content: dto.lastMessagePreview });
            }
          }
        }
        touchConversation(dto.id);
      }
      return added;
    },

    /**
     * Messages from GET /conversations/:id/messages, deduplicated. Unread is not
     * touched here: only the caller knows whether these were missed or just history.
     */
    mergeMessages(
      conversationId: string,
      dtos: MessageDto[],
      options: { isNewestPage: boolean; hasOlder?: boolean; placement?: 'newer' | 'older' },
    ): MergeResult {
      const record = conversations.get(conversationId);
      const t = thread(conversationId);
      const newIncoming: MessageView[] = [];
      const placement = options.placement ?? 'newer';
      // An older page goes in newest-first, each before its same-instant neighbours,
      // which keeps the server's order.
      const ordered = placement === 'older' ? [...dtos].reverse() : dtos;
      for (const dto of ordered) {
        const message = fromDto(conversationId, dto);
        const isNew = putMessage(t, message, placement);
        touchMessage(conversationId, message.id);
        if (record) bumpActivity(record, message);
        if (isNew && message.direction === 'incoming') newIncoming.push(message);
      }
      if (options.isNewestPage) t.loaded = true;
      if (options.hasOlder !== undefined) t.hasOlder = options.hasOlder;
      if (record) touchConversation(conversationId);
      return { newIncoming };
    },

    setUnreadCount(conversationId: string, unread: number) {
      const record = conversations.get(conversationId);
      if (!record || record.unreadCount === unread) return;
      setUnread(record, Math.max(0, unread));
      touchConversation(conversationId);
    },

    setLastSyncAt(iso: string) {
      lastSyncAt = iso;
    },

    // ---- user actions ------------------------------------------------------
    markRead(conversationId: string): boolean {
      const record = conversations.get(conversationId);
      if (!record || record.unreadCount === 0) return false;
      setUnread(record, 0);
      touchConversation(conversationId);
      return true;
    },

    setMuted(conversationId: string, muted: boolean) {
      if (muted) mutedIds.add(conversationId);
      else mutedIds.delete(conversationId);
      if (conversations.has(conversationId)) touchConversation(conversationId);
    },

    /** A message the user just sent, shown at once as "sending". */
    addOutgoing(message: MessageView) {
      const t = thread(message.conversationId);
      putMessage(t, message);
      touchMessage(message.conversationId, message.id);
      const record = conversations.get(message.conversationId);
      if (record) {
        bumpActivity(record, message);
        touchConversation(record.id);
      }
    },

    /** Replaces the local copy of a sent message by the server's. */
    resolveOutgoing(conversationId: string, localId: string, dto: MessageDto) {
      const t = thread(conversationId);
      const local = t.byId.get(localId);
      if (local) {
        t.byId.delete(localId);
        removeFromOrdered(t, local);
        touchMessage(conversationId, localId, true);
      }
      const stored = { ...fromDto(conversationId, dto), localId };
      putMessage(t, stored);
      touchMessage(conversationId, stored.id);
      const record = conversations.get(conversationId);
      if (record) {
        bumpActivity(record, stored);
        touchConversation(conversationId);
      }
    },

    updateMessage(conversationId: string, id: string, patch: Partial<MessageView>): MessageView | null {
      const t = threads.get(conversationId);
      const existing = t?.byId.get(id);
      if (!t || !existing) return null;
      const updated = { ...existing, ...patch };
      t.byId.set(id, updated);
      t.ordered[t.ordered.indexOf(existing)] = updated;
      touchMessage(conversationId, id);
      return updated;
    },

    // ---- change tracking ---------------------------------------------------
    takeChanges(): InboxChanges {
      const taken = changes;
      changes = emptyChanges();
      return taken;
    },

    // ---- persistence -------------------------------------------------------
    /** A bounded copy: every conversation row, messages only for the most recent ones. */
    exportRecent(limits: { conversationsWithMessages: number; messagesPerConversation: number }): PersistedInbox {
      const rows = sortedConversations();
      const messages: Record<string, MessageView[]> = {};
      for (const row of rows.slice(0, limits.conversationsWithMessages)) {
        const ordered = threads.get(row.id)?.ordered ?? [];
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
        mutedIds: [...mutedIds],
        lastSyncAt,
      };
    },

    importPersisted(data: PersistedInbox) {
      for (const row of data.conversations) {
        const record: ConversationRecord = { ...row, unreadCount: 0 };
        conversations.set(row.id, record);
        setUnread(record, row.unreadCount);
      }
      for (const [conversationId, list] of Object.entries(data.messages)) {
        const t = thread(conversationId);
        for (const message of list) putMessage(t, message);
        // Persisted messages are a tail, not a loaded thread: reload on open.
        t.loaded = false;
      }
      for (const id of data.mutedIds) mutedIds.add(id);
      lastSyncAt = data.lastSyncAt;
      sortedCache = null;
      changes = { conversations: 'all', messages: new Map() };
    },
  };
}

export type InboxStore = ReturnType<typeof createInboxStore>;
