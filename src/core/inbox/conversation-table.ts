/**
 * Every conversation's row: contact, latest activity, unread count, mute. Rows are few
 * (one per chat) and always all kept; messages live in the thread shelf.
 *
 * Unread counts are local truth: the REST contract has no "mark read" call, so the
 * server's count is only taken the first time the server lists a conversation — new to
 * the app, or known so far only from live events, some of which may have been lost
 * (a conversation's first message can arrive while the app is cut off). From then on
 * the app counts by itself.
 */
import { visibleName } from '../../shared/display-name';
import type { ConversationView, MessageView } from '../../shared/inbox';
import { messagePreview } from '../../shared/message-text';
import type { ConversationDto } from '../../shared/rest';
import type { ChangeSet } from './change-set';

export interface ConversationRecord {
  id: string;
  contactId: string;
  contactName: string | null;
  contactPhone: string | null;
  lastMessageAt: string;
  lastMessagePreview: string | null;
  unreadCount: number;
}

/** A name as received: without invisible format characters (look-alike names), null when nothing visible is left. */
const cleanName = (name: string | null | undefined): string | null => (name ? visibleName(name) || null : null);

const previewOfServerText = (text: string | undefined) =>
  text ? messagePreview({ contentType: 'text', content: text }) : null;

export function createConversationTable(changes: ChangeSet) {
  const rows = new Map<string, ConversationRecord>();
  const mutedIds = new Set<string>();
  /**
   * For a conversation first learned from REST: the server's unread count already
   * includes its messages up to this instant, so their live events (which may still be
   * on their way) must not count them again.
   */
  const serverCountedUntil = new Map<string, string>();
  /**
   * Rows made from live events that the server has not listed yet: their count is
   * provisional. Kept: the times of the messages counted meanwhile, since those newer
   * than the server's list are not in its count.
   */
  const unlisted = new Map<string, string[]>();
  /** …and those the user read before that: the server's count would undo the reading. */
  const readWhileUnlisted = new Set<string>();
  let sortedCache: ConversationView[] | null = null;
  let totalUnread = 0;

  const touch = (id: string) => {
    sortedCache = null;
    changes.conversation(id);
  };

  const setUnread = (record: ConversationRecord, unread: number) => {
    totalUnread += unread - record.unreadCount;
    record.unreadCount = unread;
  };

  const view = (record: ConversationRecord): ConversationView => ({ ...record, muted: mutedIds.has(record.id) });

  const insert = (record: ConversationRecord) => {
    const unread = record.unreadCount;
    rows.set(record.id, { ...record, unreadCount: 0 });
    setUnread(rows.get(record.id) as ConversationRecord, unread);
    touch(record.id);
  };

  const fromDto = (dto: ConversationDto): ConversationRecord => ({
    id: dto.id,
    contactId: dto.contactId,
    contactName: cleanName(dto.contactName),
    contactPhone: dto.contactPhone ?? null,
    lastMessageAt: dto.lastMessageAt,
    lastMessagePreview: previewOfServerText(dto.lastMessagePreview),
    unreadCount: dto.unreadCount ?? 0,
  });

  const updateFromDto = (record: ConversationRecord, dto: ConversationDto) => {
    record.contactId = dto.contactId;
    record.contactName = cleanName(dto.contactName) ?? record.contactName;
    record.contactPhone = dto.contactPhone ?? record.contactPhone;
    if (dto.lastMessageAt > record.lastMessageAt) {
      record.lastMessageAt = dto.lastMessageAt;
      record.lastMessagePreview = previewOfServerText(dto.lastMessagePreview) ?? record.lastMessagePreview;
    }
  };

  return {
    /** Newest activity first; cached until something changes. */
    sorted(): ConversationView[] {
      sortedCache ??= [...rows.values()]
        .map(view)
        .sort((a, b) => (a.lastMessageAt < b.lastMessageAt ? 1 : a.lastMessageAt > b.lastMessageAt ? -1 : 0));
      return sortedCache;
    },
    get(id: string): ConversationView | null {
      const record = rows.get(id);
      return record ? view(record) : null;
    },
    has: (id: string) => rows.has(id),
    size: () => rows.size,
    totalUnread: () => totalUnread,
    isMuted: (id: string) => mutedIds.has(id),
    mutedIds: () => [...mutedIds],

    /** The row for a live message's conversation, created bare if it is new (REST fills in the contact). */
    ensure(id: string, contactId: string, timestamp: string): void {
      if (!rows.has(id)) {
        insert({
          id,
          contactId,
          contactName: null,
          contactPhone: null,
          lastMessageAt: timestamp,
          lastMessagePreview: null,
          unreadCount: 0,
        });
        unlisted.set(id, []);
      }
    },

    /** A newer message moves the row up and becomes its preview. */
    bumpActivity(message: MessageView): void {
      const record = rows.get(message.conversationId);
      if (!record || message.timestamp < record.lastMessageAt) return;
      record.lastMessageAt = message.timestamp;
      record.lastMessagePreview = messagePreview(message);
      touch(record.id);
    },

    /** A live message: counted unless the server's count already included it. */
    countIncoming(conversationId: string, timestamp: string): void {
      const record = rows.get(conversationId);
      const countedBy = serverCountedUntil.get(conversationId);
      if (!record || (countedBy !== undefined && timestamp <= countedBy)) return;
      unlisted.get(conversationId)?.push(timestamp);
      setUnread(record, record.unreadCount + 1);
      touch(conversationId);
    },

    addUnread(conversationId: string, count: number): void {
      const record = rows.get(conversationId);
      if (!record || count <= 0) return;
      setUnread(record, record.unreadCount + count);
      touch(conversationId);
    },

    markRead(conversationId: string): boolean {
      const record = rows.get(conversationId);
      if (record && unlisted.has(conversationId)) readWhileUnlisted.add(conversationId);
      if (!record || record.unreadCount === 0) return false;
      setUnread(record, 0);
      touch(conversationId);
      return true;
    },

    setMuted(conversationId: string, muted: boolean): void {
      if (muted) mutedIds.add(conversationId);
      else mutedIds.delete(conversationId);
      if (rows.has(conversationId)) touch(conversationId);
    },

    /**
     * Conversations from GET /conversations. Contact details and activity come from the
     * server; unread comes from the server only for conversations new to us.
     */
    merge(dtos: ConversationDto[]): void {
      for (const dto of dtos) {
        const record = rows.get(dto.id);
        if (!record) {
          insert(fromDto(dto));
        } else {
          updateFromDto(record, dto);
          const countedLive = unlisted.get(dto.id);
          if (countedLive && !readWhileUnlisted.has(dto.id) && dto.unreadCount !== undefined) {
            setUnread(record, dto.unreadCount + countedLive.filter((at) => at > dto.lastMessageAt).length);
          }
          touch(dto.id);
          if (!unlisted.has(dto.id)) continue;
        }
        // Live events of messages this count includes may still be on their way: not counted again.
        serverCountedUntil.set(dto.id, dto.lastMessageAt);
        unlisted.delete(dto.id);
        readWhileUnlisted.delete(dto.id);
      }
    },

    /** Known only from live events so far (the next listing brings its contact and count). */
    isUnlisted: (id: string) => unlisted.has(id),

    /** Saved rows and mutes, as they were. */
    restore(saved: Array<Omit<ConversationView, 'muted'>>, muted: string[]): void {
      for (const row of saved) insert({ ...row, contactName: cleanName(row.contactName) });
      for (const id of muted) mutedIds.add(id);
    },
  };
}
