/**
 * Turns the store's changes into pushes: the changed rows and messages only, and many
 * changes in a burst become one push per throttle window.
 */
import type { ConversationsDelta, MessagesDelta } from '../../shared/inbox';
import type { Scheduler, Timer } from '../ports';
import type { InboxStore } from './inbox-store';

export const PUSH_THROTTLE_MS = 50;

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
  let stopped = false;

  const flushNow = () => {
    timer?.cancel();
    timer = null;
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
    /** Many changes in a burst become one push per throttle window. */
    schedule() {
      if (timer !== null || stopped) return;
      timer = scheduler.setTimeout(flushNow, PUSH_THROTTLE_MS);
    },
    stop() {
      stopped = true;
      timer?.cancel();
      timer = null;
    },
  };
}
