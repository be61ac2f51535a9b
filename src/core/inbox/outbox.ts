/**
 * Replies that never get lost. Each reply gets a clientMessageId when typed, so sending it
 * again can never store it twice (the server answers a repeat with the first message).
 * A reply is shown at once; it goes out in order per conversation. What waiting can fix —
 * no connection, a 5xx, a timeout — leaves it **queued**: sent by itself when the
 * connection is back, and retried with backoff while online. Only a refusal (4xx) makes it
 * "failed", with a Retry by hand. Queued replies are saved with the inbox
 * (inbox-snapshot.ts), so they survive a restart and are picked up here on start.
 */
import { randomUUID } from 'node:crypto';
import type { MessageView } from '../../shared/inbox';
import { UserFacingError } from '../user-facing-error';
import type { Scheduler, Timer } from '../ports';
import { RestError, type RestClient } from '../rest-client';
import type { InboxStore } from './inbox-store';
import { text, type UserText } from '../../shared/i18n/user-text';

/** Waits between retries while online; the last one repeats. A reconnect retries at once. */
export const OUTBOX_RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000, 60_000] as const;

export interface OutboxOptions {
  store: InboxStore;
  rest: RestClient;
  scheduler: Scheduler;
  /** The connection to the server is up (sending is not even tried while it is down). */
  isOnline(): boolean;
  describeFailure(failure: unknown): UserText;
  /** Push now: the bubble must appear under the user's finger. */
  pushNow(): void;
  /**
   * Save now: a reply the user saw accepted ("queued") is only theirs to trust once it is
   * on disk, not a debounce later (a crash or power cut in between lost it).
   */
  saveNow(): void;
  onChanged(): void;
}

/**
 * Whether the same request may succeed later without the user doing anything: no answer,
 * a server error, "too many requests", or a refused sign-in (signing in again resends).
 */
function waitingMayHelp(failure: unknown): boolean {
  if (!(failure instanceof RestError)) return false;
  if (failure.kind === 'network' || failure.kind === 'unauthorized') return true;
  const status = failure.status ?? 0;
  return failure.kind === 'http' && (status >= 500 || status === 408 || status === 429);
}

/** A reply accepted or retried: on screen at once, and on disk. */
function showAndKeep(options: OutboxOptions) {
  options.pushNow();
  options.saveNow();
}

export function createOutbox(options: OutboxOptions) {
  const { store, rest, scheduler } = options;
  /** Conversations that may hold queued replies. */
  const waiting = new Set<string>();
  /** Conversations with a reply on its way: the next one waits for it (order). */
  const inFlight = new Set<string>();
  let retryTimer: Timer | null = null;
  let failedAttempts = 0;
  let stopped = false;

  const firstQueued = (conversationId: string) =>
    store.messages(conversationId).find((m) => m.status === 'queued') ?? null;

  const scheduleRetry = () => {
    if (retryTimer || stopped) return;
    const delay = OUTBOX_RETRY_DELAYS_MS[Math.min(failedAttempts, OUTBOX_RETRY_DELAYS_MS.length - 1)] ?? 60_000;
    failedAttempts += 1;
    retryTimer = scheduler.setTimeout(() => {
      retryTimer = null;
      resume();
    }, delay);
  };

  /** One POST; returns whether the conversation's next reply may follow now. */
  const deliver = async (message: MessageView): Promise<boolean> => {
    const { conversationId, id } = message;
    // Saved by an older version without an id: from now on it keeps this one.
    const clientMessageId = message.clientMessageId ?? randomUUID();
    store.updateMessage(conversationId, id, { status: 'sending', error: null, clientMessageId });
    try {
      const stored = await rest.sendMessage(conversationId, { content: message.content, clientMessageId });
      store.resolveOutgoing(conversationId, id, stored);
      failedAttempts = 0;
      return true;
    } catch (failure) {
      const reason = options.describeFailure(failure);
      if (waitingMayHelp(failure)) {
        store.updateMessage(conversationId, id, { status: 'queued', error: reason });
        scheduleRetry();
        return false;
      }
      store.updateMessage(conversationId, id, { status: 'failed', error: text('thread.notSentBecause', { reason }) });
      return true;
    }
  };

  /** Sends the conversation's queued replies one after the other, oldest first. */
  const drain = (conversationId: string) => {
    if (stopped || inFlight.has(conversationId) || !options.isOnline()) return;
    const next = firstQueued(conversationId);
    if (!next) {
      waiting.delete(conversationId);
      return;
    }
    inFlight.add(conversationId);
    void deliver(next).then((goOn) => {
      inFlight.delete(conversationId);
      options.onChanged();
      if (goOn) drain(conversationId);
    });
  };

  const resume = () => {
    for (const conversationId of [...waiting]) drain(conversationId);
  };

  // Replies queued when the app last quit.
  for (const row of store.conversations()) if (firstQueued(row.id)) waiting.add(row.id);

  return {
    send(conversationId: string, content: string): MessageView {
      if (!store.has(conversationId)) throw new UserFacingError(text('inbox.conversationGone'));
      const localId = `local-${randomUUID()}`;
      store.addOutgoing({
        id: localId,
        localId,
        clientMessageId: randomUUID(),
        conversationId,
        content,
        contentType: 'text',
        direction: 'outgoing',
        timestamp: new Date(scheduler.now()).toISOString(),
        mediaUrl: null,
        status: 'queued',
        error: null,
      });
      waiting.add(conversationId);
      drain(conversationId);
      showAndKeep(options);
      return store.message(conversationId, localId) as MessageView;
    },

    retry(conversationId: string, localId: string): MessageView {
      const message = store.message(conversationId, localId);
      if (!message || message.status !== 'failed') {
        throw new UserFacingError(text('inbox.notRetryable'));
      }
      store.updateMessage(conversationId, localId, { status: 'queued', error: null });
      waiting.add(conversationId);
      drain(conversationId);
      showAndKeep(options);
      return store.message(conversationId, localId) ?? message;
    },

    /** The connection is (back) up: send what waits now, not at the next backoff step. */
    resume() {
      retryTimer?.cancel();
      retryTimer = null;
      failedAttempts = 0;
      resume();
    },

    stop() {
      stopped = true;
      retryTimer?.cancel();
      retryTimer = null;
    },
  };
}
