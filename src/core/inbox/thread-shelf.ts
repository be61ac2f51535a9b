/**
 * The messages kept in memory, bounded so that weeks of uptime in a busy shop do not
 * grow the host without limit: every conversation keeps only its latest messages (its
 * tail); full threads are kept only for the few conversations opened most recently.
 * Older messages come back from the server when the user scrolls to them.
 *
 * A forgotten message's id is remembered a while longer (a bounded FIFO), so that a
 * late duplicate delivery or an overlapping catch-up page is still recognised as
 * known instead of being shown or counted twice.
 */
import type { ChangeSet } from './change-set';
import { slotOf, type ConversationSlots } from './conversation-slots';
import { createThread, forgetOldest, type Thread } from './thread';

export interface ShelfLimits {
  /** Messages kept for a conversation that is not among the recently opened. */
  tailMessages: number;
  /** Conversations whose whole loaded thread is kept. */
  openThreads: number;
  /** Forgotten message ids still recognised as known (memory holds at most twice as many, stale ones swept). */
  rememberedIds: number;
}

export const DEFAULT_SHELF_LIMITS: ShelfLimits = { tailMessages: 20, openThreads: 5, rememberedIds: 10_000 };

export interface ShelfStats {
  threads: number;
  storedMessages: number;
  openThreads: number;
  rememberedIds: number;
}

/**
 * Forgotten message ids, kept in their own thread (looked up with its messages, one table
 * fewer per live message) and stamped with a running count of rememberings: an id is
 * known while fewer than `capacity` ids were remembered after it — the last `capacity`
 * remembered, over all threads. No queue is kept to evict from; stale stamps are swept
 * in one pass once they are as many as the live ones.
 */
function createRememberedIds(capacity: number, threads: () => IterableIterator<Thread>) {
  /** The stamp the next remembering gets. */
  let next = 0;
  /** Entries held over all threads, stale ones included. */
  let held = 0;

  const sweep = () => {
    const oldestKnown = next - capacity;
    held = 0;
    for (const t of threads()) {
      if (!t.remembered) continue;
      for (const [id, stamp] of t.remembered) if (stamp < oldestKnown) t.remembered.delete(id);
      held += t.remembered.size;
      if (t.remembered.size === 0) t.remembered = null;
    }
  };

  return {
    has(t: Thread | undefined, id: string): boolean {
      const stamp = t?.remembered?.get(id);
      return stamp !== undefined && stamp >= next - capacity;
    },
    add(t: Thread, id: string): void {
      t.remembered ??= new Map();
      const before = t.remembered.size;
      t.remembered.set(id, next);
      next += 1;
      held += t.remembered.size - before;
      if (held >= 2 * capacity) sweep();
    },
    /** Ids still remembered: never more than `capacity`. */
    size(): number {
      let known = 0;
      for (const t of threads()) for (const id of t.remembered?.keys() ?? []) if (this.has(t, id)) known += 1;
      return known;
    },
  };
}

export function createThreadShelf(changes: ChangeSet, limits: ShelfLimits, slots: ConversationSlots) {
  function* threads(): IterableIterator<Thread> {
    for (const { thread } of slots.values()) if (thread) yield thread;
  }
  const threadOf = (conversationId: string) => slots.get(conversationId)?.thread;
  /** Recently opened conversations, least recent first. */
  const open = new Map<string, true>();
  const forgotten = createRememberedIds(limits.rememberedIds, threads);

  const thread = (conversationId: string): Thread => {
    const slot = slotOf(slots, conversationId);
    slot.thread ??= createThread();
    return slot.thread;
  };

  /** Forgets stored messages; they leave the renderer's copy too (it may be showing this thread). */
  const forget = (conversationId: string, t: Thread, limit: Parameters<typeof forgetOldest>[1]) => {
    const gone = forgetOldest(t, limit);
    for (const message of gone) {
      forgotten.add(t, message.id);
      changes.removedMessage(conversationId, message.id);
    }
    return gone.length;
  };

  return {
    get: (conversationId: string): Thread | undefined => threadOf(conversationId),
    thread,

    /** Known: stored now, or forgotten recently enough to be remembered. */
    knows(conversationId: string, id: string): boolean {
      const t = threadOf(conversationId);
      return t !== undefined && (t.byId.has(id) || forgotten.has(t, id));
    },

    /** A message seen but not stored (it fell into history the thread does not hold). */
    remember: (conversationId: string, id: string) => forgotten.add(thread(conversationId), id),

    isOpen: (conversationId: string) => open.has(conversationId),

    /** The user opened this conversation: keep its whole thread; the least recent one falls back to its tail. */
    markOpen(conversationId: string): void {
      open.delete(conversationId);
      open.set(conversationId, true);
      while (open.size > limits.openThreads) {
        const [oldest] = open.keys();
        if (oldest === undefined) break;
        open.delete(oldest);
        const t = threadOf(oldest);
        if (t) forget(oldest, t, { keep: limits.tailMessages });
      }
    },

    /** After a change: a conversation that is not open keeps only its tail. */
    trim(conversationId: string): void {
      const t = threadOf(conversationId);
      if (t && !open.has(conversationId) && t.ordered.length > limits.tailMessages) {
        forget(conversationId, t, { keep: limits.tailMessages });
      }
    },

    /** Drops stored messages older than `before` (the far side of a gap being fetched). */
    forgetBefore(conversationId: string, before: string): number {
      const t = threadOf(conversationId);
      return t ? forget(conversationId, t, { before }) : 0;
    },

    stats(): ShelfStats {
      let count = 0;
      let storedMessages = 0;
      for (const t of threads()) {
        count += 1;
        storedMessages += t.ordered.length;
      }
      return { threads: count, storedMessages, openThreads: open.size, rememberedIds: forgotten.size() };
    },
  };
}
