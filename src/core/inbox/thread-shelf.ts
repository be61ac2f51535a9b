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
import { createThread, forgetOldest, type Thread } from './thread';

export interface ShelfLimits {
  /** Messages kept for a conversation that is not among the recently opened. */
  tailMessages: number;
  /** Conversations whose whole loaded thread is kept. */
  openThreads: number;
  /** Forgotten message ids still recognised as known. */
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
 * Forgotten message ids, with how many of the ring's slots hold each. Kept by message id
 * alone in the common case (one conversation, remembered once), so a lookup reuses the
 * id's hash and builds no key; the rest (the same id in another conversation, or
 * remembered again) is counted under a `conversation \0 id` key.
 */
function createRememberedIds(capacity: number) {
  /** id → the conversation it was remembered for, once. */
  const once = new Map<string, string>();
  /** `conversation \0 id` → further slots holding it. */
  const more = new Map<string, number>();
  const key = (conversationId: string, id: string) => `${conversationId}\u0000${id}`;
  /**
   * The last `capacity` remembered ids, oldest at `next`. A ring, not the Map's own
   * order: evicting a Map's first entry after many deletions scans their tombstones.
   */
  const ringConversations: string[] = [];
  const ringIds: string[] = [];
  let next = 0;

  const add = (conversationId: string, id: string) => {
    if (!once.has(id)) once.set(id, conversationId);
    else {
      const k = key(conversationId, id);
      more.set(k, (more.get(k) ?? 0) + 1);
    }
  };
  const drop = (conversationId: string, id: string) => {
    if (more.size > 0) {
      const k = key(conversationId, id);
      const extra = more.get(k);
      if (extra !== undefined) {
        if (extra > 1) more.set(k, extra - 1);
        else more.delete(k);
        return;
      }
    }
    if (once.get(id) === conversationId) once.delete(id);
  };

  return {
    has: (conversationId: string, id: string) =>
      once.get(id) === conversationId || (more.size > 0 && more.has(key(conversationId, id))),
    add(conversationId: string, id: string): void {
      add(conversationId, id);
      if (ringIds.length < capacity) {
        ringConversations.push(conversationId);
        ringIds.push(id);
        return;
      }
      drop(ringConversations[next] as string, ringIds[next] as string);
      ringConversations[next] = conversationId;
      ringIds[next] = id;
      next = (next + 1) % capacity;
    },
    /** Remembered entries: never more than the ring's slots. */
    size: () => once.size + more.size,
  };
}

export function createThreadShelf(changes: ChangeSet, limits: ShelfLimits = DEFAULT_SHELF_LIMITS) {
  const threads = new Map<string, Thread>();
  /** Recently opened conversations, least recent first. */
  const open = new Map<string, true>();
  const forgotten = createRememberedIds(limits.rememberedIds);

  const thread = (conversationId: string): Thread => {
    let t = threads.get(conversationId);
    if (!t) {
      t = createThread();
      threads.set(conversationId, t);
    }
    return t;
  };

  /** Forgets stored messages; they leave the renderer's copy too (it may be showing this thread). */
  const forget = (conversationId: string, t: Thread, limit: Parameters<typeof forgetOldest>[1]) => {
    const gone = forgetOldest(t, limit);
    for (const message of gone) {
      forgotten.add(conversationId, message.id);
      changes.removedMessage(conversationId, message.id);
    }
    return gone.length;
  };

  return {
    get: (conversationId: string): Thread | undefined => threads.get(conversationId),
    thread,

    /** Known: stored now, or forgotten recently enough to be remembered. */
    knows(conversationId: string, id: string): boolean {
      return threads.get(conversationId)?.byId.has(id) === true || forgotten.has(conversationId, id);
    },

    /** A message seen but not stored (it fell into history the thread does not hold). */
    remember: forgotten.add,

    isOpen: (conversationId: string) => open.has(conversationId),

    /** The user opened this conversation: keep its whole thread; the least recent one falls back to its tail. */
    markOpen(conversationId: string): void {
      open.delete(conversationId);
      open.set(conversationId, true);
      while (open.size > limits.openThreads) {
        const [oldest] = open.keys();
        if (oldest === undefined) break;
        open.delete(oldest);
        const t = threads.get(oldest);
        if (t) forget(oldest, t, { keep: limits.tailMessages });
      }
    },

    /** After a change: a conversation that is not open keeps only its tail. */
    trim(conversationId: string): void {
      const t = threads.get(conversationId);
      if (t && !open.has(conversationId) && t.ordered.length > limits.tailMessages) {
        forget(conversationId, t, { keep: limits.tailMessages });
      }
    },

    /** Drops stored messages older than `before` (the far side of a gap being fetched). */
    forgetBefore(conversationId: string, before: string): number {
      const t = threads.get(conversationId);
      return t ? forget(conversationId, t, { before }) : 0;
    },

    stats(): ShelfStats {
      let storedMessages = 0;
      for (const t of threads.values()) storedMessages += t.ordered.length;
      return { threads: threads.size, storedMessages, openThreads: open.size, rememberedIds: forgotten.size() };
    },
  };
}
