/**
 * Turns the store's changes into pushes: the changed rows, and the changed messages of
 * the threads a window has open (the shelf's open threads). A change that comes alone
 * is pushed at once (leading edge, in a microtask: no timer, not even a 0 ms one, since
 * a timer costs a turn of the event loop and Node clamps it to 1 ms), so a lone message
 * reaches the screen in the next frame; while changes keep coming, they are coalesced
 * into at most one push per window, so a burst costs few pushes, not one per event. The
 * window after a big push is longer (pushWindowAfter): a flood over a thousand chats then
 * changes the list a few times a second, not twenty, each time carrying every changed row.
 */
import type { ConversationsDelta, ConversationView, MessagesDelta } from '../../shared/inbox';
import type { Scheduler, Timer } from '../ports';
import type { InboxStore } from './inbox-store';

/** Under load, at most one push per this many milliseconds… */
export const PUSH_WINDOW_MS = 50;
/** …or more after a push of many rows, up to this. */
export const MAX_PUSH_WINDOW_MS = 250;
/** Rows pushed per millisecond of window: a push of 1,000 rows waits 200 ms for the next. */
const ROWS_PER_WINDOW_MS = 5;

/**
 * The window after a push of `rows` rows. Building, encoding and applying a push grows with
 * its rows; a window that grows with them keeps that work a bounded share of a flood.
 */
export const pushWindowAfter = (rows: number): number =>
  Math.min(MAX_PUSH_WINDOW_MS, Math.max(PUSH_WINDOW_MS, rows / ROWS_PER_WINDOW_MS));

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
  let windowMs = PUSH_WINDOW_MS;

  const flushNow = () => {
    timer?.cancel();
    timer = null;
    microtaskQueued = false;
    lastFlushAt = scheduler.now();
    const changes = store.takeChanges();
    windowMs = pushWindowAfter(changes.conversations === 'all' ? store.size() : changes.conversations.size);
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
     * of that window (longer after a big push).
     */
    schedule() {
      if (timer !== null || microtaskQueued || stopped) return;
      const sinceLast = scheduler.now() - lastFlushAt;
      if (sinceLast >= windowMs) {
        microtaskQueued = true;
        // A push made meanwhile (flushNow) already took these changes.
        queueMicrotask(() => {
          if (microtaskQueued && !stopped) flushNow();
        });
        return;
      }
      timer = scheduler.setTimeout(flushNow, windowMs - sinceLast);
    },
    stop() {
      stopped = true;
      timer?.cancel();
      timer = null;
    },
  };
}
