/**
 * Turns the store's changes into pushes: the changed rows, and the changed messages of
 * the threads a window has open (the shelf's open threads). A change that comes alone
 * is pushed at once (leading edge, in a microtask: no timer, not even a 0 ms one, since
 * a timer costs a turn of the event loop and Node clamps it to 1 ms), so a lone message
 * reaches the screen in the next frame; while changes keep coming, they are coalesced
 * into at most one push per window, so a burst costs few pushes, not one per event.
 */
import type { ConversationsDelta, ConversationView, MessagesDelta } from '../../shared/inbox';
import type { Scheduler, Timer } from '../ports';
import type { InboxStore } from './inbox-store';

/** Under load, at most one push per this many milliseconds. */
export const PUSH_WINDOW_MS = 50;

export interface InboxPushOptions {
  store: InboxStore;
  scheduler: Scheduler;
  onConversations: (delta: ConversationsDelta) => void;
  onMessages: (delta: MessagesDelta) => void;
  /** Totals or sync state changed (badge, tray, title). */
  onSummary: () => void;
  /** Something worth persisting changed. */
  onPersist: () => void;
}

export function createInboxPushes(options: InboxPushOptions) {
  const { store, scheduler } = options;
  let timer: Timer | null = null;
  let microtaskQueued = false;
  let stopped = false;
  let lastFlushAt = Number.NEGATIVE_INFINITY;

  const flushNow = () => {
    timer?.cancel();
    timer = null;
    microtaskQueued = false;
    lastFlushAt = scheduler.now();
    const changes = store.takeChanges();
    if (changes.conversations === 'all') {
      options.onConversations({ reset: true, upserts: store.conversations(), removedIds: [] });
    } else if (changes.conversations.size > 0) {
      const upserts: ConversationView[] = [];
      for (const id of changes.conversations) {
        const row = store.conversation(id);
        if (row) upserts.push(row);
      }
      options.onConversations({ reset: false, upserts, removedIds: [] });
    }
    for (const [conversationId, entry] of changes.messages) {
      // Only a thread on screen follows its messages (a window opens one with the whole
      // page); a burst over a thousand chats must not ship every message to the window.
      if (!store.shelf.isOpen(conversationId)) continue;
      const upserts = [...entry.upserts].flatMap((id) => {
        const message = store.message(conversationId, id);
        return message ? [message] : [];
      });
      // A message stored and forgotten within one window was never pushed: nothing to remove.
      if (upserts.length > 0 || entry.removed.size > 0) {
        options.onMessages({ conversationId, upserts, removedIds: [...entry.removed] });
      }
    }
    options.onSummary();
    options.onPersist();
  };

  return {
    flushNow,
    /**
     * Pushes soon: once the current task is done when the last push is a window old
     * (so changes made together, in one socket read, still go as one), else at the end
     * of that window.
     */
    schedule() {
      if (timer !== null || microtaskQueued || stopped) return;
      const sinceLast = scheduler.now() - lastFlushAt;
      if (sinceLast >= PUSH_WINDOW_MS) {
        microtaskQueued = true;
        // A push made meanwhile (flushNow) already took these changes.
        queueMicrotask(() => {
          if (microtaskQueued && !stopped) flushNow();
        });
        return;
      }
      timer = scheduler.setTimeout(flushNow, PUSH_WINDOW_MS - sinceLast);
    },
    stop() {
      stopped = true;
      timer?.cancel();
      timer = null;
    },
  };
}
