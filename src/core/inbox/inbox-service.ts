/**
 * The inbox's behaviour: live messages, opening threads and scrolling back, replying,
 * muting, and deciding which messages deserve a notification. State lives in the store;
 * catching up after an outage is the sync's and the catch-up's; this module does the
 * user-facing I/O and wires them together.
 */
import { randomUUID } from 'node:crypto';
import type { WhatsAppMessageEvent } from '../../shared/events';
import type { ConversationsDelta, InboxSummary, MessageView, MessagesDelta, ThreadPage } from '../../shared/inbox';
import type { Logger, Scheduler } from '../ports';
import type { RestClient } from '../rest-client';
import { restFailureWords } from '../rest-failure';
import { UserFacingError } from '../user-facing-error';
import { createCatchUp } from './catch-up';
import { createInboxPushes } from './inbox-pushes';
import type { InboxStore } from './inbox-store';
import { createInboxSync } from './inbox-sync';
import { fetchOlderPage, type PageCursor } from './message-pager';
import { newestStored, oldestStored } from './thread';

export const THREAD_PAGE_SIZE = 50;

export interface InboxViewer {
  /** The conversation on screen in a focused, visible window, if any. */
  conversationInFocus(): string | null;
}

export interface InboxServiceOptions {
  store: InboxStore;
  rest: RestClient;
  scheduler: Scheduler;
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
  const { store, rest, scheduler, logger } = options;
  const threadErrors = new Map<string, string>();
  const inFocus = (conversationId: string) => options.viewer.conversationInFocus() === conversationId;

  const describeFailure = restFailureWords({ logger, onUnauthorized: options.onUnauthorized, area: 'inbox' });

  const pushes = createInboxPushes({ ...options, scheduler });
  const catchUp = createCatchUp({
    store,
    rest,
    logger,
    inFocus,
    onNewIncoming: options.onNewIncoming,
    onChanged: pushes.schedule,
  });
  const sync = createInboxSync({
    store,
    rest,
    catchUp,
    scheduler,
    logger,
    describeFailure,
    onState: options.onSummary,
    onChanged: pushes.schedule,
  });

  const threadPage = (conversationId: string): ThreadPage => ({
    conversationId,
    messages: store.messages(conversationId),
    hasOlder: store.shelf.get(conversationId)?.hasOlder ?? true,
    error: threadErrors.get(conversationId) ?? null,
  });

  /** A thread kept from the last run (or never fetched): its newest page, joined to what it holds or replacing it. */
  const fetchNewest = async (conversationId: string) => {
    const t = store.shelf.thread(conversationId);
    const page = await fetchOlderPage(rest, conversationId, null, THREAD_PAGE_SIZE);
    const newestHeld = newestStored(t);
    const joined =
      page.reachedEnd || (newestHeld !== null && page.cursor !== null && page.cursor.timestamp <= newestHeld.timestamp);
    store.mergeMessages(conversationId, page.messages, 'page');
    if (!joined && page.cursor) store.shelf.forgetBefore(conversationId, page.cursor.timestamp);
    if (page.reachedEnd) t.hasOlder = false;
    t.loaded = true;
  };

  /** One page right below the oldest message shown. */
  const fetchOlder = async (conversationId: string) => {
    const t = store.shelf.thread(conversationId);
    const oldest = oldestStored(t);
    if (!oldest) return fetchNewest(conversationId);
    let cursor: PageCursor | null = {
      timestamp: oldest.timestamp,
      ids: t.ordered.filter((m) => m.timestamp === oldest.timestamp).map((m) => m.id),
    };
    for (let attempt = 0; attempt < 2 && cursor; attempt += 1) {
      const page = await fetchOlderPage(rest, conversationId, cursor, THREAD_PAGE_SIZE);
      store.mergeMessages(conversationId, page.messages, 'older');
      if (page.reachedEnd) t.hasOlder = false;
      if (!page.skippedInstant) return;
      logger.warn(
        `conversation ${conversationId}: some messages of ${page.skippedInstant} cannot be paged (too many in one instant)`,
      );
      cursor = page.cursor;
    }
  };

  /** Scrolling back: into a gap still being fetched, that gap's walk; otherwise plain history. */
  const showOlder = async (conversationId: string) => {
    const range = store.missed.next(conversationId);
    const oldest = oldestStored(store.shelf.thread(conversationId));
    const atGap = range && (range.fetchedDownTo === null || range.fetchedDownTo.timestamp === oldest?.timestamp);
    if (atGap) await catchUp.step(conversationId);
    else await fetchOlder(conversationId);
  };

  return {
    summary(): InboxSummary {
      return {
        totalUnread: store.totalUnread(),
        conversationCount: store.size(),
        syncing: sync.syncing,
        lastSyncAt: store.lastSyncAt(),
        syncError: sync.error,
      };
    },

    sync: sync.sync,

    receive(event: WhatsAppMessageEvent) {
      const focused = inFocus(event.conversationId);
      const isNewConversation = !store.has(event.conversationId);
      const stored = store.receiveIncoming(event, { countUnread: !focused });
      if (!stored) return; // the same message delivered twice
      if (!focused) options.onNewIncoming(stored);
      pushes.schedule();
      // A conversation we have never seen: fetch its contact details.
      if (isNewConversation) void sync.sync();
    },

    async open(conversationId: string): Promise<ThreadPage> {
      if (!store.has(conversationId)) throw new UserFacingError('This conversation no longer exists.');
      store.table.markRead(conversationId);
      store.shelf.markOpen(conversationId);
      pushes.schedule();
      try {
        if (store.missed.has(conversationId)) {
          // A gap is still being fetched: this conversation's goes first, and its next page now.
          catchUp.prioritize(conversationId);
          await catchUp.step(conversationId);
        } else if (!store.shelf.thread(conversationId).loaded) {
          await fetchNewest(conversationId);
        }
        threadErrors.delete(conversationId);
      } catch (failure) {
        threadErrors.set(conversationId, `Could not load the messages. ${describeFailure(failure)}`);
      }
      pushes.schedule();
      return threadPage(conversationId);
    },

    async loadOlder(conversationId: string): Promise<ThreadPage> {
      store.shelf.markOpen(conversationId);
      try {
        await showOlder(conversationId);
        threadErrors.delete(conversationId);
      } catch (failure) {
        threadErrors.set(conversationId, `Could not load older messages. ${describeFailure(failure)}`);
      }
      pushes.schedule();
      return threadPage(conversationId);
    },

    markRead(conversationId: string) {
      if (store.table.markRead(conversationId)) pushes.schedule();
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
        timestamp: new Date(scheduler.now()).toISOString(),
        mediaUrl: null,
        status: 'sending',
        error: null,
      };
      store.addOutgoing(message);
      pushes.flushNow();
      void deliver(conversationId, localId, content);
      return message;
    },

    async retry(conversationId: string, localId: string): Promise<MessageView> {
      const message = store.message(conversationId, localId);
      if (!message || message.status !== 'failed')
        throw new UserFacingError('This message is not waiting for a retry.');
      const sending = store.updateMessage(conversationId, localId, { status: 'sending', error: null }) ?? message;
      pushes.flushNow();
      void deliver(conversationId, localId, message.content);
      return sending;
    },

    setMuted(conversationId: string, muted: boolean) {
      store.table.setMuted(conversationId, muted);
      pushes.schedule();
    },

    stop() {
      pushes.stop();
      sync.stop();
    },
  };

  async function deliver(conversationId: string, localId: string, content: string) {
    try {
      const stored = await rest.sendMessage(conversationId, content);
      store.resolveOutgoing(conversationId, localId, stored);
    } catch (failure) {
      // The text stays in the thread with a retry: nothing typed is lost.
      store.updateMessage(conversationId, localId, {
        status: 'failed',
        error: `Not sent. ${describeFailure(failure)}`,
      });
    }
    pushes.schedule();
  }
}

export type InboxService = ReturnType<typeof createInboxService>;
