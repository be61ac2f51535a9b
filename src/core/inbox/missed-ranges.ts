/**
 * Messages the app knows it missed but has not fetched yet ("gaps"), per conversation.
 *
 * After a reconnect the server did not recover, each conversation that moved on gets a
 * range: everything after what the app knew (`after`) is missing. Fetching walks the
 * range down from the newest message, page by page, and `fetchedDownTo` records how far
 * it got — so a catch-up that has to stop (an error, the app quitting, its turn being
 * over) resumes exactly there, on open, on scroll, on the next connect or the next run,
 * and no message is ever counted twice. The ledger is saved with the inbox.
 */
import type { PageCursor } from './message-pager';

export interface MissedRange {
  /** Everything up to this instant was known when the range opened. */
  after: string;
  /**
   * The ids known at the `after` instant itself (others of that instant are new); null
   * when the app held no message of that instant (it knew the instant from the server's
   * list, whose unread count already included all of them).
   */
  knownAtAfter: string[] | null;
  /** How far down the range has been fetched; null: not started (begin at the newest message). */
  fetchedDownTo: PageCursor | null;
}

/** More ranges than this (outage after outage while a catch-up cannot finish) are merged. */
export const MAX_RANGES_PER_CONVERSATION = 8;

export function createMissedRanges() {
  /** Per conversation, newest range first; ranges never overlap. */
  const ranges = new Map<string, MissedRange[]>();

  return {
    /** The range to work on next: the newest one. */
    next(conversationId: string): MissedRange | null {
      return ranges.get(conversationId)?.[0] ?? null;
    },
    has: (conversationId: string) => ranges.has(conversationId),
    conversationIds: () => [...ranges.keys()],
    count(): number {
      let total = 0;
      for (const list of ranges.values()) total += list.length;
      return total;
    },

    /**
     * Whether a message lies in a part of a range not fetched yet. A walk's pages can reach
     * into an older range (they page down to their own edge, and a little past it): what it
     * finds there was missed too, and is counted by whichever walk fetches it first.
     */
    covers(conversationId: string, timestamp: string, id: string): boolean {
      return (ranges.get(conversationId) ?? []).some((range) => {
        const below = range.fetchedDownTo;
        const underTop =
          below === null ||
          timestamp < below.timestamp ||
          (timestamp === below.timestamp && (below.passed === true || !below.ids.includes(id)));
        const aboveEdge =
          timestamp > range.after ||
          (timestamp === range.after && range.knownAtAfter !== null && !range.knownAtAfter.includes(id));
        return underTop && aboveEdge;
      });
    },

    /** Messages after `after` (other than `knownAtAfter` at that very instant) were missed. */
    open(conversationId: string, after: string, knownAtAfter: string[] | null): void {
      const list = ranges.get(conversationId) ?? [];
      const newest = list[0];
      if (newest && (newest.fetchedDownTo === null || after < newest.after)) {
        // Not started yet (or an edge older than its own, which a sane clock never gives):
        // one range from the older edge, fetched from the top, covers both.
        if (after < newest.after) Object.assign(newest, { after, knownAtAfter });
        newest.fetchedDownTo = null;
      } else {
        list.unshift({ after, knownAtAfter, fetchedDownTo: null });
      }
      while (list.length > MAX_RANGES_PER_CONVERSATION) {
        // Merge the two oldest: the band between them is fetched again; known ids keep it from counting twice.
        const older = list.pop();
        const newer = list.at(-1);
        if (older && newer) Object.assign(newer, { after: older.after, knownAtAfter: older.knownAtAfter });
      }
      ranges.set(conversationId, list);
    },

    /** The newest range was fetched down to `cursor`; `closed` when it reached what was known. */
    advance(conversationId: string, cursor: PageCursor | null, closed: boolean): void {
      const list = ranges.get(conversationId);
      const newest = list?.[0];
      if (!list || !newest) return;
      if (closed) list.shift();
      else newest.fetchedDownTo = cursor;
      if (list.length === 0) ranges.delete(conversationId);
    },

    /** The conversation is gone on the server: nothing left to fetch. */
    drop(conversationId: string): void {
      ranges.delete(conversationId);
    },

    export(): Record<string, MissedRange[]> {
      return Object.fromEntries([...ranges].map(([id, list]) => [id, list.map((r) => ({ ...r }))]));
    },

    restore(saved: Record<string, MissedRange[]>): void {
      for (const [id, list] of Object.entries(saved)) {
        if (list.length > 0) ranges.set(id, list.slice(0, MAX_RANGES_PER_CONVERSATION));
      }
    },
  };
}
