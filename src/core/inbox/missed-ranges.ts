/**
 * Messages the app knows it missed but has not fetched yet ("gaps"), per conversation.
 *
 * After a reconnect the server did not recover, each conversation that moved on gets a
 * range: what arrived after what the app knew (`after`) up to the newest message the
 * server listed on the new connection (`until`) may be missing; anything newer comes
 * live. Fetching walks the range down from `until`, page by page, and `fetchedDownTo`
 * records how far it got — so a catch-up that has to stop (an error, the app quitting,
 * its turn being over) resumes exactly there, on open, on scroll, on the next connect or
 * the next run, and no message is ever counted twice. The ledger is saved with the inbox.
 *
 * A busy chat keeps talking while its range is walked: the walk never fetches above
 * `until` (so it cannot take a live message for a missed one, nor make one known before
 * its event arrives), and the ids that did come live inside the range are kept with it
 * (`liveIds`), so the walk does not count them again even after the thread has let them
 * go to bound memory.
 *
 * A chat the app knew only from live events has its first listing's unread count taken
 * from the server (server-counts.ts); its range, opened on that listing, is still walked
 * (its thread must not keep a hole) but counts nothing the server's count includes.
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
  /**
   * The newest message the server listed when the range opened; null in ledgers saved
   * before it was kept (such a range is walked from the newest message).
   */
  until: string | null;
  /** Messages of the range that came live (already counted then), at most MAX_LIVE_IDS. */
  liveIds: string[];
  /** How far down the range has been fetched; null: not started (begin at `until`). */
  fetchedDownTo: PageCursor | null;
  /** The server's unread count already includes the messages up to this instant; null: none. */
  countedUntil: string | null;
}

/** The later of two instants, either possibly absent. */
const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

/** Beyond this many live ids in one range, the thread's own memory of ids is relied on. */
export const MAX_LIVE_IDS = 2_000;

/** Where the range's walk goes on from: where it stopped, else its top. */
export function walkCursor(range: MissedRange): PageCursor | null {
  if (range.fetchedDownTo) return range.fetchedDownTo;
  return range.until === null ? null : { timestamp: range.until, ids: [] };
}

/** Each range's liveIds as a set, built when first needed. */
const liveSets = new WeakMap<MissedRange, Set<string>>();
function liveSetOf(range: MissedRange): Set<string> {
  let set = liveSets.get(range);
  if (!set) {
    set = new Set(range.liveIds);
    liveSets.set(range, set);
  }
  return set;
}

function addLiveIds(range: MissedRange, ids: Iterable<string>): void {
  const set = liveSetOf(range);
  for (const id of ids) {
    if (range.liveIds.length >= MAX_LIVE_IDS) return;
    if (set.has(id)) continue;
    set.add(id);
    range.liveIds.push(id);
  }
}

function inRange(range: MissedRange, timestamp: string, id: string): boolean {
  const below = range.fetchedDownTo;
  const underTop =
    below === null
      ? range.until === null || timestamp <= range.until
      : timestamp < below.timestamp ||
        (timestamp === below.timestamp && (below.passed === true || !below.ids.includes(id)));
  const aboveEdge =
    timestamp > range.after ||
    (timestamp === range.after && range.knownAtAfter !== null && !range.knownAtAfter.includes(id));
  return underTop && aboveEdge;
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
      return (ranges.get(conversationId) ?? []).some(
        (range) =>
          inRange(range, timestamp, id) &&
          !(range.countedUntil !== null && timestamp <= range.countedUntil) &&
          !(range.liveIds.length > 0 && liveSetOf(range).has(id)),
      );
    },

    /** A message came live (and was counted then): a range it lies in must not count it again. */
    noteLive(conversationId: string, timestamp: string, id: string): void {
      for (const range of ranges.get(conversationId) ?? []) {
        if (inRange(range, timestamp, id)) addLiveIds(range, [id]);
      }
    },

    /**
     * Messages after `after` (other than `knownAtAfter` at that very instant) up to `until`
     * may have been missed; `liveIds` of them came live meanwhile; those up to
     * `countedUntil` are in the server's unread count already.
     */
    open(
      conversationId: string,
      edges: { after: string; knownAtAfter: string[] | null; until: string; countedUntil?: string },
      liveIds: string[] = [],
    ): void {
      const { after, knownAtAfter, until } = edges;
      const countedUntil = edges.countedUntil ?? null;
      const list = ranges.get(conversationId) ?? [];
      const newest = list[0];
      const live = liveIds.slice(0, MAX_LIVE_IDS);
      if (newest && (newest.fetchedDownTo === null || after < newest.after)) {
        // Not started yet (or an edge older than its own, which a sane clock never gives):
        // one range from the older edge, fetched from the top, covers both.
        if (after < newest.after) Object.assign(newest, { after, knownAtAfter });
        newest.fetchedDownTo = null;
        if (newest.until !== null && newest.until < until) newest.until = until;
        newest.countedUntil = later(newest.countedUntil, countedUntil);
        addLiveIds(newest, live);
      } else {
        list.unshift({ after, knownAtAfter, until, liveIds: live, fetchedDownTo: null, countedUntil });
      }
      while (list.length > MAX_RANGES_PER_CONVERSATION) {
        // Merge the two oldest: the band between them is fetched again; known ids keep it from counting twice.
        const older = list.pop();
        const newer = list.at(-1);
        if (older && newer) {
          Object.assign(newer, {
            after: older.after,
            knownAtAfter: older.knownAtAfter,
            countedUntil: later(newer.countedUntil, older.countedUntil),
          });
          addLiveIds(newer, older.liveIds);
        }
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
      return Object.fromEntries(
        [...ranges].map(([id, list]) => [id, list.map((r) => ({ ...r, liveIds: [...r.liveIds] }))]),
      );
    },

    restore(saved: Record<string, MissedRange[]>): void {
      for (const [id, list] of Object.entries(saved)) {
        if (list.length > 0) {
          ranges.set(
            id,
            list
              .slice(0, MAX_RANGES_PER_CONVERSATION)
              .map((r) => ({ ...r, liveIds: r.liveIds.slice(0, MAX_LIVE_IDS) })),
          );
        }
      }
    },
  };
}
