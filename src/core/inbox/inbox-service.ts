/**
 * The inbox's behaviour, wired together: live messages (and which deserve a
 * notification), muting, reading. State lives in the store; catching up after an outage
 * is inbox-sync's and catch-up's, reading threads thread-reader's, replies the outbox's.
 */
import type { WhatsAppMessageEvent } from '../../shared/events';
import type { ConversationsDelta, InboxSummary, MessageView, MessagesDelta } from '../../shared/inbox';
import { createAlarm } from '../notifications/alarm';
import type { Logger, Scheduler } from '../ports';
import type { RestClient } from '../rest-client';
import { restFailureWords } from '../rest-failure';
import { createCatchUp } from './catch-up';
import { createInboxPushes } from './inbox-pushes';
import type { InboxStore } from './inbox-store';
import { createInboxSync } from './inbox-sync';
import { createOutbox } from './outbox';
import { createThreadReader } from './thread-reader';
import { text, type UserText } from '../../shared/i18n/user-text';
import { UserFacingError } from '../user-facing-error';

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
  /** The connection to the server is up: queued replies go out only then. */
  isOnline: () => boolean;
  /** Hands a new incoming message to the notification policy. */
  onNewIncoming: (message: MessageView, count?: number) => void;
  onConversations: (delta: ConversationsDelta) => void;
  onMessages: (delta: MessagesDelta) => void;
  /** Totals or sync state changed (badge, tray, title). */
  onSummary: () => void;
  /** Something worth persisting changed. */
  onPersist: () => void;
  /** Writes the state at once (a reply shown as queued must outlive a crash a moment later). */
  saveNow: () => void;
  onUnauthorized: (detail: UserText) => void;
}

export function createInboxService(options: InboxServiceOptions) {
  const { store, rest, scheduler, logger } = options;
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
    onNewIncoming: options.onNewIncoming,
  });

  // A timed mute ends by itself: its row changes (the bell is back) and the change is saved.
  const expireMutes = () => {
    if (store.table.expireMutes(scheduler.now())) pushes.schedule();
    muteEnds.set(store.table.nextMuteEnd());
  };
  const muteEnds = createAlarm(scheduler, expireMutes);
  // Mutes restored from the last run may have ended while the app was closed.
  expireMutes();

  const reader = createThreadReader({ store, rest, logger, catchUp, describeFailure, onChanged: pushes.schedule });
  const outbox = createOutbox({
    store,
    rest,
    scheduler,
    isOnline: options.isOnline,
    describeFailure,
    pushNow: pushes.flushNow,
    saveNow: options.saveNow,
    onChanged: pushes.schedule,
  });

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

    /** Connected (again): queued replies go out now, in order. */
    connected: () => outbox.resume(),

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

    open: reader.open,
    loadOlder: reader.loadOlder,

    /** Looked at: read, once its messages are there to be seen (not while they cannot be fetched). */
    markRead(conversationId: string) {
      if (!reader.holdsNewest(conversationId)) return;
      if (store.table.markRead(conversationId)) pushes.schedule();
    },

    send: async (conversationId: string, content: string): Promise<MessageView> => outbox.send(conversationId, content),
    retry: async (conversationId: string, localId: string): Promise<MessageView> =>
      outbox.retry(conversationId, localId),

    /** A reply the server refused, let go of: gone from the thread, its row and the saved state. */
    discard(conversationId: string, localId: string) {
      const message = store.message(conversationId, localId);
      if (message?.status !== 'failed' || !store.discardOutgoing(conversationId, localId)) {
        throw new UserFacingError(text('inbox.notDiscardable'));
      }
      pushes.schedule();
      // On disk at once, as a queued reply is: a crash must not bring it back.
      options.saveNow();
    },

    /** `until`: when the mute ends by itself (epoch ms); null: until unmuted. */
    setMuted(conversationId: string, muted: boolean, until: number | null = null) {
      store.table.setMuted(conversationId, muted, until);
      pushes.schedule();
      muteEnds.set(store.table.nextMuteEnd());
    },

    stop() {
      muteEnds.cancel();
      outbox.stop();
      pushes.stop();
      sync.stop();
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
