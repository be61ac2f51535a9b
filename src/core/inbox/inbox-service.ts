/**
 * The inbox's behaviour: live messages, resync after an unrecovered reconnect,
 * opening threads, replying, muting, and deciding which messages deserve a
 * notification. State lives in the store; this module does the I/O around it and
 * turns the store's changes into small pushes.
 */
import { randomUUID } from 'node:crypto';
import type { WhatsAppMessageEvent } from '../../shared/events';
import type { ConversationsDelta, InboxSummary, MessageView, MessagesDelta, ThreadPage } from '../../shared/inbox';
import type { MessageDto } from '../../shared/rest';
import type { Logger, Scheduler, Timer } from '../ports';
import type { RestClient } from '../rest-client';
import { restFailureWords } from '../rest-failure';
import { UserFacingError } from '../user-facing-error';
import type { InboxStore } from './inbox-store';

export const THREAD_PAGE_SIZE = 50;
export const RESYNC_PAGE_SIZE = 100;
/** A resync fetches back at most this many pages per conversation. */
export const RESYNC_MAX_PAGES = 10;
/** Overlap between syncs, so clock differences with the server never lose a message. */
export const SYNC_OVERLAP_MS = 2 * 60_000;
const PUSH_THROTTLE_MS = 50;
export const SYNC_RETRY_MIN_MS = 5_000;
export const SYNC_RETRY_MAX_MS = 60_000;

export interface InboxViewer {
  /** The conversation on screen in a focused, visible window, if any. */
  conversationInFocus(): string | null;
}

export interface InboxServiceOptions {
  store: InboxStore;
  rest: RestClient;
  clock: Scheduler;
  logger: Logger;
  viewer: InboxViewer;
  /** Hands a new incoming message to the notification policy. */
  onNewIncoming: (message: MessageView) => void;
  onConversations: (delta: ConversationsDelta) => void;
  onMessages: (delta: MessagesDelta) => void;
  /** Totals or sync state changed (badge, tray, title). */
  onSummary: () => void;
  /** Something worth persisting changed. */
  onPersist: () => void;
  onUnauthorized: (message: string) => void;
}

export function createInboxService(options: InboxServiceOptions) {
  const { store, rest, clock, logger } = options;
  let syncing = false;
  let syncAgain = false;
  let syncError: string | null = null;
  let flushTimer: Timer | null = null;
  let stopped = false;
  const threadErrors = new Map<string, string>();

  const iso = (ms: number) => new Date(ms).toISOString();

  const wordsFor = restFailureWords({ logger, onUnauthorized: options.onUnauthorized, area: 'inbox' });

  const flushNow = () => {
    flushTimer = null;
    const changes = store.takeChanges();
    if (changes.conversations === 'all') {
      options.onConversations({ reset: true, upserts: store.conversations(), removedIds: [] });
    } else if (changes.conversations.size > 0) {
      const upserts = [...changes.conversations].flatMap((id) => {
        const row = store.conversation(id);
        return row ? [row] : [];
      });
      options.onConversations({ reset: false, upserts, removedIds: [] });
    }
    for (const [conversationId, entry] of changes.messages) {
      const upserts = [...entry.upserts].flatMap((id) => {
        const message = store.message(conversationId, id);
        return message ? [message] : [];
      });
      options.onMessages({ conversationId, upserts, removedIds: [...entry.removed] });
    }
    options.onSummary();
    options.onPersist();
  };

  /** Many changes in a burst become one push per throttle window. */
  const scheduleFlush = () => {
    if (flushTimer || stopped) return;
    flushTimer = clock.setTimeout(flushNow, PUSH_THROTTLE_MS);
  };

  const threadPage = (conversationId: string): ThreadPage => ({
    conversationId,
    messages: store.messages(conversationId),
    hasOlder: store.threadInfo(conversationId).hasOlder,
    error: threadErrors.get(conversationId) ?? null,
  });

  /**
   * Fetches a conversation's newest messages, going back page by page until it
   * reaches messages it already knows (or the page limit).
   */
  /** Just after `timestamp`: paging with `before` is strict, and messages can share a second. */
  const justAfter = (timestamp: string) => iso(Date.parse(timestamp) + 1);

  /** Pages back from the newest message; returns them oldest first, in the server's order. */
  const fetchMissed = async (conversationId: string, knownUntil: string | null): Promise<MessageDto[]> => {
    const pages: MessageDto[][] = [];
    const seen = new Set<string>();
    let before: string | undefined;
    for (let page = 0; page < RESYNC_MAX_PAGES; page += 1) {
      const batch = await rest.listMessages(conversationId, { before, limit: RESYNC_PAGE_SIZE });
      const fresh = batch.filter((message) => !seen.has(message.id));
      for (const message of fresh) seen.add(message.id);
      pages.push(fresh);
      const added = fresh.length;
      const oldest = batch[0];
      const reachedKnown = knownUntil !== null && batch.some((m) => m.timestamp <= knownUntil);
      if (!oldest || added === 0 || batch.length < RESYNC_PAGE_SIZE || reachedKnown || knownUntil === null) break;
      // Overlap by the oldest timestamp so same-second messages on a page boundary are kept.
      before = justAfter(oldest.timestamp);
    }
    return pages.reverse().flat();
  };

  /**
   * Conversations that moved on while we were away, with what we knew of them then.
   * An entry leaves only once its missed messages are merged, so a failed fetch is
   * retried by the next sync instead of being forgotten.
   */
  const catchUp = new Map<string, string>();

  const syncOnce = async () => {
    const startedAt = clock.now();
    const previous = store.lastSyncAt();
    const since = previous ? iso(Date.parse(previous) - SYNC_OVERLAP_MS) : undefined;
    // Taken before the request: a live message arriving meanwhile must not hide the gap.
    const knownBefore = new Map(store.conversations().map((c) => [c.id, c.lastMessageAt]));
    const dtos = await rest.listConversations(since);
    for (const dto of dtos) {
      const known = knownBefore.get(dto.id);
      if (known !== undefined && dto.lastMessageAt > known && !catchUp.has(dto.id)) catchUp.set(dto.id, known);
    }
    // A conversation first seen live while this request was out keeps its live count:
    // the server's count may include messages whose events are still on their way.
    store.mergeConversations(dtos);
    for (const [conversationId, knownUntil] of [...catchUp]) {
      const missed = await fetchMissed(conversationId, knownUntil);
      const inFocus = options.viewer.conversationInFocus() === conversationId;
      const { newIncoming } = store.mergeMessages(conversationId, missed, {
        // The pages are the newest ones, contiguous back to what we knew.
        isNewestPage: true,
      });
      catchUp.delete(conversationId);
      const unseen = newIncoming.filter((m) => m.timestamp > knownUntil);
      if (unseen.length > 0 && !inFocus) {
        const row = store.conversation(conversationId);
        if (row) store.setUnreadCount(conversationId, row.unreadCount + unseen.length);
        for (const message of unseen) options.onNewIncoming(message);
      }
      scheduleFlush();
    }
    store.setLastSyncAt(iso(startedAt));
  };

  const setSyncing = (value: boolean) => {
    syncing = value;
    options.onSummary();
  };

  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryDelayMs = 0;

  /** Brings the inbox up to date from REST (on connect without recovery, and on start). */
  const sync = async (): Promise<void> => {
    if (syncing) {
      syncAgain = true;
      return;
    }
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    setSyncing(true);
    try {
      do {
        syncAgain = false;
        try {
          await syncOnce();
          syncError = null;
          retryDelayMs = 0;
        } catch (failure) {
          syncError = `Could not update the inbox. ${wordsFor(failure)}`;
          logger.warn(syncError);
        }
      } while (syncAgain && !stopped);
    } finally {
      setSyncing(false);
      scheduleFlush();
    }
    // A failed sync is retried on its own (5 s, doubling to a minute): messages missed
    // while offline must not wait for the next disconnect to show up.
    if (syncError && !stopped) {
      retryDelayMs = Math.min(SYNC_RETRY_MAX_MS, retryDelayMs ? retryDelayMs * 2 : SYNC_RETRY_MIN_MS);
      retryTimer = setTimeout(() => void sync(), retryDelayMs);
    }
  };

  return {
    summary(): InboxSummary {
      return {
        totalUnread: store.totalUnread(),
        conversationCount: store.size(),
        syncing,
        lastSyncAt: store.lastSyncAt(),
        syncError,
      };
    },

    sync,

    receive(event: WhatsAppMessageEvent) {
      const inFocus = options.viewer.conversationInFocus() === event.conversationId;
      const isNewConversation = !store.has(event.conversationId);
      const stored = store.receiveIncoming(event, { countUnread: !inFocus });
      if (!stored) return; // the same message delivered twice
      if (!inFocus) options.onNewIncoming(stored);
      scheduleFlush();
      // A conversation we have never seen: fetch its contact details.
      if (isNewConversation) void sync();
    },

    async open(conversationId: string): Promise<ThreadPage> {
      if (!store.has(conversationId)) throw new UserFacingError('This conversation no longer exists.');
      store.markRead(conversationId);
      scheduleFlush();
      if (!store.threadInfo(conversationId).loaded) {
        try {
          // A tail kept from the last run: fetch back until it, so no gap is left.
          const newestKept = store.messages(conversationId).at(-1)?.timestamp ?? null;
          const page = newestKept
            ? await fetchMissed(conversationId, newestKept)
            : await rest.listMessages(conversationId, { limit: THREAD_PAGE_SIZE });
          store.mergeMessages(conversationId, page, {
            isNewestPage: true,
            hasOlder: newestKept ? store.threadInfo(conversationId).hasOlder : page.length >= THREAD_PAGE_SIZE,
          });
          threadErrors.delete(conversationId);
        } catch (failure) {
          threadErrors.set(conversationId, `Could not load the messages. ${wordsFor(failure)}`);
        }
        scheduleFlush();
      }
      return threadPage(conversationId);
    },

    async loadOlder(conversationId: string): Promise<ThreadPage> {
      const oldest = store.messages(conversationId)[0];
      try {
        const page = await rest.listMessages(conversationId, {
          before: oldest ? justAfter(oldest.timestamp) : undefined,
          limit: THREAD_PAGE_SIZE,
        });
        const added = page.filter((m) => !store.message(conversationId, m.id)).length;
        store.mergeMessages(conversationId, page, {
          placement: 'older',
          isNewestPage: !oldest,
          // A full page that brought nothing new means we are at the start (or stuck on one second).
          hasOlder: page.length >= THREAD_PAGE_SIZE && added > 0,
        });
        threadErrors.delete(conversationId);
      } catch (failure) {
        threadErrors.set(conversationId, `Could not load older messages. ${wordsFor(failure)}`);
      }
      scheduleFlush();
      return threadPage(conversationId);
    },

    markRead(conversationId: string) {
      if (store.markRead(conversationId)) scheduleFlush();
    },

    async send(conversationId: string, content: string): Promise<MessageView> {
      if (!store.has(conversationId)) throw new UserFacingError('This conversation no longer exists.');
      const localId = `local-${randomUUID()}`;
      const message: MessageView = {
        id: localId,
        localId,
        conversationId,
        content,
        contentType: 'text',
        direction: 'outgoing',
        timestamp: iso(clock.now()),
        mediaUrl: null,
        status: 'sending',
        error: null,
      };
      store.addOutgoing(message);
      flushNow();
      void deliver(conversationId, localId, content);
      return message;
    },

    async retry(conversationId: string, localId: string): Promise<MessageView> {
      const message = store.message(conversationId, localId);
      if (!message || message.status !== 'failed')
        throw new UserFacingError('This message is not waiting for a retry.');
      const sending = store.updateMessage(conversationId, localId, { status: 'sending', error: null }) ?? message;
      flushNow();
      void deliver(conversationId, localId, message.content);
      return sending;
    },

    setMuted(conversationId: string, muted: boolean) {
      store.setMuted(conversationId, muted);
      scheduleFlush();
    },

    stop() {
      stopped = true;
      flushTimer?.cancel();
      flushTimer = null;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
    },
  };

  async function deliver(conversationId: string, localId: string, content: string) {
    try {
      const stored = await rest.sendMessage(conversationId, content);
      store.resolveOutgoing(conversationId, localId, stored);
    } catch (failure) {
      // The text stays in the thread with a retry: nothing typed is lost.
      store.updateMessage(conversationId, localId, { status: 'failed', error: `Not sent. ${wordsFor(failure)}` });
    }
    scheduleFlush();
  }
}

export type InboxService = ReturnType<typeof createInboxService>;
