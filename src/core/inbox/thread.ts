/**
 * One conversation's messages as held in memory: deduplicated by id, ordered by time.
 *
 * The rule that keeps a thread honest: `ordered` is contiguous — between two neighbours
 * there is never a server message the app does not have. Whatever is not held (older
 * history, or the far side of a gap still being fetched) lies entirely before
 * `ordered[0]`, and `hasOlder` says so. A thread may therefore forget its oldest
 * messages at any time (to bound memory) without ever showing a hole.
 */
import { compareMessagesByTime, type MessageView } from '../../shared/inbox';

export interface Thread {
  byId: Map<string, MessageView>;
  /** Oldest first; equal timestamps in arrival order. */
  ordered: MessageView[];
  /** The newest end was fetched from the server this session (otherwise only a saved tail and live events). */
  loaded: boolean;
  /** The server may have messages older than `ordered[0]`. */
  hasOlder: boolean;
  /** How many of `ordered` are unsent: kept as they change, since trimming asks once per live message. */
  unsent: number;
  /** Ids forgotten from this thread, each with when it was last remembered (thread-shelf). */
  remembered: Map<string, number> | null;
}

export const createThread = (): Thread => ({
  byId: new Map(),
  ordered: [],
  loaded: false,
  hasOlder: true,
  unsent: 0,
  remembered: null,
});

/** Local messages not yet on the server: only this app has them, so they are never forgotten. */
export const isUnsent = (message: MessageView) =>
  message.status === 'sending' || message.status === 'queued' || message.status === 'failed';

const unsentCount = (message: MessageView) => (isUnsent(message) ? 1 : 0);

/** What the list shows for a chat's unsent replies: 'failed' (the user must act) wins over 'queued'. */
export function pendingReplyOf(t: Thread | undefined): 'queued' | 'failed' | null {
  if (!t || t.unsent === 0) return null;
  let pending: 'queued' | null = null;
  for (const message of t.ordered) {
    if (message.status === 'failed') return 'failed';
    if (message.status === 'queued') pending = 'queued';
  }
  return pending;
}

/**
 * Inserts or replaces a message; returns true when its id was not known. Among messages
 * of the same instant a newer arrival goes last, an older page's goes first.
 */
export function putMessage(t: Thread, message: MessageView, placement: 'newer' | 'older' = 'newer'): boolean {
  const existing = t.byId.get(message.id);
  if (existing) {
    // A duplicate delivery: keep the first copy's position, take any newer fields.
    if (existing.timestamp === message.timestamp) {
      const merged = { ...existing, ...message, localId: existing.localId ?? message.localId };
      t.unsent += unsentCount(merged) - unsentCount(existing);
      t.ordered[t.ordered.indexOf(existing)] = merged;
      t.byId.set(message.id, merged);
      return false;
    }
    removeFromOrdered(t, existing);
  }
  t.byId.set(message.id, message);
  // A live message is nearly always the newest: appended without searching.
  const last = t.ordered[t.ordered.length - 1];
  if (placement === 'newer' && (!last || compareMessagesByTime(last, message) <= 0)) t.ordered.push(message);
  else t.ordered.splice(insertionIndex(t.ordered, message, placement), 0, message);
  t.unsent += unsentCount(message);
  return !existing;
}

function insertionIndex(ordered: MessageView[], message: MessageView, placement: 'newer' | 'older'): number {
  let lo = 0;
  let hi = ordered.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const probe = ordered[mid];
    // Messages of the same instant keep the order they reached us in (WhatsApp times are whole seconds).
    const order = probe ? compareMessagesByTime(probe, message) : 1;
    if (order < 0 || (order === 0 && placement === 'newer')) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function removeFromOrdered(t: Thread, message: MessageView) {
  const index = t.ordered.indexOf(message);
  if (index < 0) return;
  t.ordered.splice(index, 1);
  t.unsent -= unsentCount(message);
}

export function removeMessage(t: Thread, id: string): MessageView | null {
  const message = t.byId.get(id);
  if (!message) return null;
  t.byId.delete(id);
  removeFromOrdered(t, message);
  return message;
}

export function replaceMessage(t: Thread, id: string, patch: Partial<MessageView>): MessageView | null {
  const existing = t.byId.get(id);
  if (!existing) return null;
  const updated = { ...existing, ...patch };
  t.unsent += unsentCount(updated) - unsentCount(existing);
  t.byId.set(id, updated);
  t.ordered[t.ordered.indexOf(existing)] = updated;
  return updated;
}

/** The oldest message that came from the server (unsent local ones do not count). */
export function oldestStored(t: Thread): MessageView | null {
  if (t.unsent === 0) return t.ordered[0] ?? null;
  return t.ordered.find((m) => !isUnsent(m)) ?? null;
}

export function newestStored(t: Thread): MessageView | null {
  for (let i = t.ordered.length - 1; i >= 0; i -= 1) {
    const message = t.ordered[i];
    if (message && !isUnsent(message)) return message;
  }
  return null;
}

/**
 * Forgets the oldest stored messages beyond the newest `keep` (unsent ones stay), or
 * every stored message strictly older than `before`. Returns what was forgotten.
 */
export function forgetOldest(t: Thread, limit: { keep: number } | { before: string }): MessageView[] {
  // The common case, once per live message past a tail: nothing unsent, so the oldest are the first ones.
  if ('keep' in limit && t.unsent === 0) {
    const doomed = t.ordered.splice(0, Math.max(0, t.ordered.length - limit.keep));
    for (const message of doomed) t.byId.delete(message.id);
    if (doomed.length > 0) t.hasOlder = true;
    return doomed;
  }
  const stored = t.ordered.filter((m) => !isUnsent(m));
  const doomed =
    'keep' in limit
      ? stored.slice(0, Math.max(0, stored.length - limit.keep))
      : stored.filter((m) => m.timestamp < limit.before);
  if (doomed.length === 0) return doomed;
  const gone = new Set(doomed);
  t.ordered = t.ordered.filter((m) => !gone.has(m));
  for (const message of doomed) t.byId.delete(message.id);
  t.hasOlder = true;
  return doomed;
}
