/**
 * Fetching what was missed: walks each conversation's missed ranges (missed-ranges.ts)
 * down from their top (the newest message listed on the new connection; newer ones came
 * live) until it joins what the app already had, or the server has nothing older.
 *
 * - Complete: no page cap; a range ends only when it is joined (or the conversation is
 *   gone on the server). A walk that must stop keeps its place in the ledger.
 * - Fair: a few conversations are fetched at once, each for a few pages per turn, so a
 *   chat that received 5,000 messages does not hold up the 199 others.
 * - Exact: a missed incoming message is counted unread (and offered for notification)
 *   exactly once — when its page is fetched, if it is not already known and did not come
 *   live meanwhile — unless the user is looking at that conversation (then it is read).
 * - Honest on screen: the thread shows the newest part of a gap's far side only once it
 *   joins; until then the older messages it had are put aside (thread.ts's rule).
 */
import type { MessageView } from '../../shared/inbox';
import type { Logger } from '../ports';
import { RestError, type RestClient } from '../rest-client';
import { messageFromDto, type InboxStore } from './inbox-store';
import { fetchOlderPage, type FetchedPage, type PageCursor } from './message-pager';
import { walkCursor } from './missed-ranges';
import { oldestStored, type Thread } from './thread';

export const CATCH_UP_PAGE_SIZE = 100;
/** Pages one conversation gets before the next one's turn. */
export const CATCH_UP_PAGES_PER_TURN = 5;
/** Conversations fetched at the same time. */
export const CATCH_UP_CONCURRENCY = 4;

export interface CatchUpOptions {
  store: InboxStore;
  rest: RestClient;
  logger: Logger;
  /** The conversation on screen in a focused window: what arrives there is read, not unread. */
  inFocus(conversationId: string): boolean;
  onNewIncoming(message: MessageView): void;
  onChanged(): void;
}

export type StepOutcome = 'more' | 'done';

/** The walk's page sits right below the oldest message the thread shows, so it can extend it. */
const adjacent = (t: Thread, cursor: PageCursor) => oldestStored(t)?.timestamp === cursor.timestamp;

export function createCatchUp(options: CatchUpOptions) {
  const { store, rest, logger } = options;
  /** One walk step at a time per conversation (the background, open and scroll share it). */
  const locks = new Map<string, Promise<unknown>>();
  const queue: string[] = [];
  let stopped = false;

  const serialized = <T>(conversationId: string, task: () => Promise<T>): Promise<T> => {
    const previous = locks.get(conversationId) ?? Promise.resolve();
    const current = previous.then(task, task);
    const settled = current.catch(() => undefined);
    locks.set(conversationId, settled);
    void settled.then(() => {
      if (locks.get(conversationId) === settled) locks.delete(conversationId);
    });
    return current;
  };

  /** Shows a walk's page: at the top it replaces what lies beyond the gap; lower down it extends the thread if it touches it. */
  const show = (conversationId: string, page: FetchedPage, from: PageCursor | null, joined: boolean) => {
    const t = store.shelf.thread(conversationId);
    if (from === null) {
      store.mergeMessages(conversationId, page.messages, 'page');
      if (!joined && page.cursor) store.shelf.forgetBefore(conversationId, page.cursor.timestamp);
      t.loaded = true;
      if (page.reachedEnd) t.hasOlder = false;
    } else if (adjacent(t, from)) {
      store.mergeMessages(conversationId, page.messages, 'older');
      if (page.reachedEnd) t.hasOlder = false;
    } else {
      for (const message of page.messages) store.shelf.remember(conversationId, message.id);
    }
    store.shelf.trim(conversationId);
  };

  const reportSkipped = (conversationId: string, instant: string) =>
    logger.warn(
      `conversation ${conversationId}: more messages share the instant ${instant} than one page can hold; ` +
        'the REST API cannot page through the rest of them (before= is exclusive by time), so some are not shown',
    );

  /** Fetches one page of the conversation's newest missed range. */
  const walkOnce = async (conversationId: string): Promise<StepOutcome> => {
    const range = store.missed.next(conversationId);
    if (!range) return 'done';
    let page: FetchedPage;
    try {
      page = await fetchOlderPage(rest, conversationId, walkCursor(range), CATCH_UP_PAGE_SIZE);
    } catch (failure) {
      if (failure instanceof RestError && failure.status === 404) {
        // Deleted on the server: there is nothing left to miss.
        store.missed.drop(conversationId);
        return 'done';
      }
      throw failure;
    }
    if (page.skippedInstant) reportSkipped(conversationId, page.skippedInstant);
    const joined = page.reachedEnd || (page.cursor !== null && page.cursor.timestamp < range.after);
    // Decided before showing the page: what it shows becomes known. (Any range's, not just
    // this one's: the page may reach into an older range, whose walk will then know them.)
    const missed = page.messages.filter(
      (m) =>
        m.direction === 'incoming' &&
        !store.shelf.knows(conversationId, m.id) &&
        store.missed.covers(conversationId, m.timestamp, m.id),
    );
    show(conversationId, page, range.fetchedDownTo, joined);
    if (missed.length > 0 && !options.inFocus(conversationId)) {
      store.table.addUnread(conversationId, missed.length);
      for (const dto of missed) options.onNewIncoming(messageFromDto(conversationId, dto));
    }
    store.missed.advance(conversationId, page.cursor, joined);
    options.onChanged();
    return store.missed.has(conversationId) ? 'more' : 'done';
  };

  /** One page of the conversation's newest missed range (background, open and scroll take turns). */
  const step = (conversationId: string) => serialized(conversationId, () => walkOnce(conversationId));

  return {
    step,
    /** Runs a task on a conversation's thread between walk steps, never during one. */
    exclusive: serialized,

    /** Walks every conversation with missed ranges to the end; rejects with the first failure (the rest keep their place). */
    async run(): Promise<void> {
      for (const id of store.missed.conversationIds()) if (!queue.includes(id)) queue.push(id);
      let failure: { error: unknown } | null = null;
      const worker = async () => {
        while (!failure && !stopped) {
          const conversationId = queue.shift();
          if (conversationId === undefined) return;
          try {
            for (let page = 0; page < CATCH_UP_PAGES_PER_TURN && !stopped; page += 1) {
              if ((await step(conversationId)) === 'done') break;
            }
            if (store.missed.has(conversationId) && !queue.includes(conversationId)) queue.push(conversationId);
          } catch (error) {
            failure ??= { error };
          }
        }
      };
      await Promise.all(Array.from({ length: CATCH_UP_CONCURRENCY }, worker));
      if (failure) throw (failure as { error: unknown }).error;
    },

    /** The user opened this conversation: its gap goes first. */
    prioritize(conversationId: string): void {
      if (!store.missed.has(conversationId)) return;
      const index = queue.indexOf(conversationId);
      if (index >= 0) queue.splice(index, 1);
      queue.unshift(conversationId);
    },

    stop(): void {
      stopped = true;
      queue.length = 0;
    },
  };
}

export type CatchUp = ReturnType<typeof createCatchUp>;
