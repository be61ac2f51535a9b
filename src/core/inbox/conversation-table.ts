/**
 * Every conversation's row: contact, latest activity, unread count, mute. Rows are few
 * (one per chat) and always all kept; messages live in the thread shelf.
 *
 * Unread counts are the app's own, except when the server first lists a conversation
 * (server-counts.ts).
 */
import { visibleName } from '../../shared/display-name';
import type { ConversationView, MessageView } from '../../shared/inbox';
import { plainLine, truncate, type MediaKind } from '../../shared/message-text';
import type { ConversationDto } from '../../shared/rest';
import type { ChangeSet } from './change-set';
import { createConversationMutes, type MuteEnd } from './conversation-mutes';
import { slotOf, type ConversationSlots } from './conversation-slots';
import { createServerCounts } from './server-counts';

export interface ConversationRecord {
  id: string;
  contactId: string;
  contactName: string | null;
  contactPhone: string | null;
  /** The WhatsApp number the chat came in on, when the server says so. */
  instanceId: string | null;
  lastMessageAt: string;
  lastMessagePreview: string | null;
  lastMessageKind?: MediaKind;
  unreadCount: number;
}

/** A row as saved between runs: what the table works out (mute, pending reply) is kept apart. */
export type SavedRow = Omit<ConversationView, 'muted' | 'mutedUntil' | 'pendingReply'>;

/** A name as received: without invisible format characters (look-alike names), null when nothing visible is left. */
const cleanName = (name: string | null | undefined): string | null => (name ? visibleName(name) || null : null);

const PREVIEW_MAX_CHARS = 120;

/** The text part of a preview; what the media is travels as its kind, so the window labels it in its language. */
const previewOfServerText = (text: string | undefined) => truncate(plainLine(text ?? ''), PREVIEW_MAX_CHARS) || null;

const fromDto = (dto: ConversationDto): ConversationRecord => ({
  id: dto.id,
  contactId: dto.contactId,
  contactName: cleanName(dto.contactName),
  contactPhone: dto.contactPhone ?? null,
  instanceId: dto.instanceId ?? null,
  lastMessageAt: dto.lastMessageAt,
  lastMessagePreview: previewOfServerText(dto.lastMessagePreview),
  unreadCount: 0,
});

/** Contact details from the server; activity only if newer than what the app has seen. */
function updateFromDto(record: ConversationRecord, dto: ConversationDto) {
  record.contactId = dto.contactId;
  record.contactName = cleanName(dto.contactName) ?? record.contactName;
  record.contactPhone = dto.contactPhone ?? record.contactPhone;
  record.instanceId = dto.instanceId ?? record.instanceId;
  if (dto.lastMessageAt > record.lastMessageAt) {
    record.lastMessageAt = dto.lastMessageAt;
    const serverPreview = previewOfServerText(dto.lastMessagePreview);
    if (serverPreview !== null) {
      record.lastMessagePreview = serverPreview;
      delete record.lastMessageKind;
    }
  }
}

/** Everything a row shows, as one string: equal signatures, nothing to push. */
const rowSignature = (r: ConversationRecord): string =>
  JSON.stringify([r.contactId, r.contactName, r.contactPhone, r.lastMessageAt, r.lastMessagePreview, r.unreadCount]);

/** The row of a conversation seen only in a live event so far (REST fills in the contact). */
const bareRow = (id: string, contactId: string, lastMessageAt: string): ConversationRecord => ({
  id,
  contactId,
  contactName: null,
  contactPhone: null,
  instanceId: null,
  lastMessageAt,
  lastMessagePreview: null,
  unreadCount: 0,
});

/** Chats with a reply waiting to be sent or refused (the store works it out from the thread). */
type PendingReply = 'queued' | 'failed';

function createPendingReplies(changed: (id: string) => void) {
  const pending = new Map<string, PendingReply>();
  return {
    get: (id: string) => pending.get(id) ?? null,
    set(id: string, state: PendingReply | null): void {
      if ((pending.get(id) ?? null) === state) return;
      if (state) pending.set(id, state);
      else pending.delete(id);
      changed(id);
    },
  };
}

/**
 * Previews worked out when a row is read, not per message: a burst bumps a row many
 * times between two reads of it, and only the newest message's preview is ever shown.
 */
function createLatePreviews() {
  const newest = new Map<string, MessageView>();
  return {
    due: (message: MessageView) => void newest.set(message.conversationId, message),
    drop: (conversationId: string) => void newest.delete(conversationId),
    settle(record: ConversationRecord): ConversationRecord {
      const message = newest.get(record.id);
      if (message) {
        record.lastMessagePreview = previewOfServerText(message.content);
        if (message.contentType === 'text') delete record.lastMessageKind;
        else record.lastMessageKind = message.contentType;
        newest.delete(record.id);
      }
      return record;
    },
  };
}

/** Built field by field, not spread: one per changed row per push, thousands in a burst. */
function rowView(record: ConversationRecord, mute: MuteEnd | undefined, pendingReply: PendingReply | null) {
  const view: ConversationView = {
    id: record.id,
    contactId: record.contactId,
    contactName: record.contactName,
    contactPhone: record.contactPhone,
    instanceId: record.instanceId,
    lastMessageAt: record.lastMessageAt,
    lastMessagePreview: record.lastMessagePreview,
    unreadCount: record.unreadCount,
    muted: mute !== undefined,
    pendingReply,
  };
  if (record.lastMessageKind !== undefined) view.lastMessageKind = record.lastMessageKind;
  if (typeof mute === 'number') view.mutedUntil = new Date(mute).toISOString();
  return view;
}

const newestFirst = (a: ConversationView, b: ConversationView) =>
  a.lastMessageAt < b.lastMessageAt ? 1 : a.lastMessageAt > b.lastMessageAt ? -1 : 0;

/** The sum of every row's unread count, kept as the counts change (not summed per read). */
function createUnreadTotal() {
  let total = 0;
  return {
    set(record: ConversationRecord, unread: number): void {
      total += unread - record.unreadCount;
      record.unreadCount = unread;
    },
    get: () => total,
  };
}

/** Updates a (settled) row from its listing; true when what the window shows of it changed. */
function refreshedFromListing(
  record: ConversationRecord,
  dto: ConversationDto,
  unread: number | null,
  setUnread: (record: ConversationRecord, unread: number) => void,
): boolean {
  const before = rowSignature(record);
  updateFromDto(record, dto);
  if (unread !== null) setUnread(record, unread);
  return rowSignature(record) !== before;
}

function* rowsIn(slots: ConversationSlots): IterableIterator<ConversationRecord> {
  for (const { row } of slots.values()) if (row) yield row;
}

function* activityOf(slots: ConversationSlots): IterableIterator<[id: string, lastMessageAt: string]> {
  for (const record of rowsIn(slots)) yield [record.id, record.lastMessageAt];
}

/** The rows, over the shared slots: the part of a Map the table uses. */
function rowsOver(slots: ConversationSlots) {
  let size = 0;
  return {
    get: (id: string) => slots.get(id)?.row,
    has: (id: string) => slots.get(id)?.row !== undefined,
    set(id: string, record: ConversationRecord) {
      const slot = slotOf(slots, id);
      if (!slot.row) size += 1;
      slot.row = record;
    },
    values: () => rowsIn(slots),
    size: () => size,
  };
}

export function createConversationTable(changes: ChangeSet, slots: ConversationSlots) {
  const rows = rowsOver(slots);
  const pendingReplies = createPendingReplies((id) => rows.has(id) && touch(id));
  const serverCounts = createServerCounts();
  let sortedCache: ConversationView[] | null = null;
  const unreadTotal = createUnreadTotal();
  const previews = createLatePreviews();

  const touch = (id: string) => {
    sortedCache = null;
    changes.conversation(id);
  };
  const mutes = createConversationMutes((id) => rows.has(id) && touch(id));
  const setUnread = unreadTotal.set;

  const view = (r: ConversationRecord) => rowView(previews.settle(r), mutes.get(r.id), pendingReplies.get(r.id));

  const addUnread = (conversationId: string, count: number) => {
    const record = rows.get(conversationId);
    if (!record || count <= 0) return;
    setUnread(record, record.unreadCount + count);
    touch(conversationId);
  };

  const insert = (record: ConversationRecord) => {
    previews.drop(record.id);
    const row = { ...record, unreadCount: 0 };
    rows.set(record.id, row);
    setUnread(row, record.unreadCount);
    touch(record.id);
  };

  return {
    /** Newest activity first; cached until something changes. */
    sorted(): ConversationView[] {
      sortedCache ??= [...rows.values()].map(view).sort(newestFirst);
      return sortedCache;
    },
    get(id: string): ConversationView | null {
      const record = rows.get(id);
      return record ? view(record) : null;
    },
    has: (id: string) => rows.has(id),
    size: rows.size,
    /** Each row's last activity, unordered, no views built: per-event work must not sort every row. */
    lastActivity: () => activityOf(slots),
    totalUnread: unreadTotal.get,
    isMuted: mutes.isMuted,
    mutedIds: mutes.ids,
    muteEnds: mutes.ends,
    nextMuteEnd: mutes.nextEnd,
    /** Drops the mutes that ended by `now`; true when a row changed. */
    expireMutes: mutes.expire,

    /** The row for a live message's conversation, created bare if it is new (REST fills in the contact). */
    ensure(id: string, contactId: string, timestamp: string): void {
      if (rows.has(id)) return;
      insert(bareRow(id, contactId, timestamp));
      serverCounts.createdLive(id);
    },

    /** A newer message moves the row up and becomes its preview; `back`: the newer one went, this one stands again. */
    bumpActivity(message: MessageView, back = false): void {
      const record = rows.get(message.conversationId);
      if (!record || (!back && message.timestamp < record.lastMessageAt)) return;
      record.lastMessageAt = message.timestamp;
      previews.due(message);
      touch(record.id);
    },

    /** A live message: counted unless the server's count already included it. */
    countIncoming(conversationId: string, timestamp: string): void {
      if (rows.has(conversationId) && serverCounts.countsLive(conversationId, timestamp)) addUnread(conversationId, 1);
    },

    addUnread,

    markRead(conversationId: string): boolean {
      const record = rows.get(conversationId);
      serverCounts.read(conversationId);
      if (!record || record.unreadCount === 0) return false;
      setUnread(record, 0);
      touch(conversationId);
      return true;
    },

    setPendingReply: pendingReplies.set,

    /** `until`: when the mute ends by itself (epoch ms), null for until undone. */
    setMuted: mutes.set,

    /** Conversations from GET /conversations: contact details and activity; unread as server-counts.ts says. */
    merge(dtos: ConversationDto[]): void {
      for (const dto of dtos) {
        const record = rows.get(dto.id);
        const unread = serverCounts.listed(dto, !record);
        if (!record) {
          insert({ ...fromDto(dto), unreadCount: unread ?? 0 });
          continue;
        }
        // A listing mostly repeats what we hold: only rows that changed are pushed (a sync
        // of 10,000 conversations must not ship all of them to the window again).
        if (refreshedFromListing(previews.settle(record), dto, unread, setUnread)) touch(dto.id);
      }
    },

    /** Known only from live events so far (the next listing brings its contact and count). */
    isUnlisted: serverCounts.isUnlisted,

    /** Listing this conversation now takes the server's unread count (it covers everything up to the listed time). */
    takesServerCount: serverCounts.takesCount,

    /** Saved rows and mutes, as they were. */
    restore(saved: Array<SavedRow>, muted: string[], muteEnds: Record<string, number> = {}): void {
      for (const row of saved)
        insert({ ...row, contactName: cleanName(row.contactName), instanceId: row.instanceId ?? null });
      mutes.restore(muted, muteEnds);
    },
  };
}
