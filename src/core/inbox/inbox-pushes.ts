/**
 * Turns the store's changes into pushes: the changed rows, and the changed messages of
 * the threads a window has open (the shelf's open threads). A change that comes alone
 * is pushed at once (leading edge, in a microtask: no timer, not even a 0 ms one, since
 * a timer costs a turn of the event loop and Node clamps it to 1 ms), so a lone message
 * reaches the screen in the next frame; while changes keep coming, they are coalesced
 * into at most one push per window, so a burst costs few pushes, not one per event. A
 * window does not hold changes once they stop coming: when none came for a few
 * milliseconds, they go at once, so the end of a burst (or a second message close behind
 * a first) is not kept off the screen for the rest of the window.
 */
import type { ConversationsDelta, ConversationView, MessagesDelta } from '../../shared/inbox';
import type { Scheduler, Timer } from '../ports';
import type { InboxStore } from './inbox-store';

/** Under load, at most one push per this many milliseconds. */
export const PUSH_WINDOW_MS = 50;
/** Changes that stopped coming this long ago are pushed without waiting for the window to end. */
export const QUIET_MS = 4;

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
  /** A change came since the quiet check was armed: the stream has not paused. */
  let changedSinceCheck = false;

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

  // One timer per few milliseconds while a burst lasts, not one per change: a change only
  // raises a flag, and the timer pushes when the flag stayed down or the window is over.
  const armQuietCheck = (sinceLast: number) => {
    changedSinceCheck = false;
    timer = scheduler.setTimeout(quietCheck, Math.min(QUIET_MS, PUSH_WINDOW_MS - sinceLast));
  };
  const quietCheck = () => {
    timer = null;
    const sinceLast = scheduler.now() - lastFlushAt;
    if (!changedSinceCheck || sinceLast >= PUSH_WINDOW_MS) flushNow();
    else armQuietCheck(sinceLast);
  };

  return {
    flushNow,
    /**
     * Pushes soon: once the current task is done when the last push is a window old
     * (so changes made together, in one socket read, still go as one), else when changes
     * pause for QUIET_MS, or at the end of that window if they do not.
     */
    schedule() {
      changedSinceCheck = true;
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
      armQuietCheck(sinceLast);
    },
    stop() {
      stopped = true;
      timer?.cancel();
      timer = null;
    },
  };
}
