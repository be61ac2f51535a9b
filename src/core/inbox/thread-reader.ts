/**
 * Reading a thread: opening it (which reads it) and scrolling back. Opening a thread
 * the app holds only a saved tail of fetches its newest page; scrolling into a gap
 * still being fetched continues that gap's walk (catch-up.ts) instead of plain history,
 * so a hole is filled the moment the user reaches it.
 */
import type { ThreadPage } from '../../shared/inbox';
import { UserFacingError } from '../user-facing-error';
import type { Logger } from '../ports';
import type { RestClient } from '../rest-client';
import type { CatchUp } from './catch-up';
import type { InboxStore } from './inbox-store';
import { fetchOlderPage, type PageCursor } from './message-pager';
import { newestStored, oldestStored } from './thread';
import { text, type UserText } from '../../shared/i18n/user-text';
import type { MessageKey } from '../../shared/i18n/translate';

export const THREAD_PAGE_SIZE = 50;

export interface ThreadReaderOptions {
  store: InboxStore;
  rest: RestClient;
  logger: Logger;
  catchUp: CatchUp;
  describeFailure(failure: unknown): UserText;
  onChanged(): void;
}

/** The thread holds its newest messages (fetched this run, no gap left): what is unread can be shown. */
function threadHoldsNewest(store: InboxStore, conversationId: string): boolean {
  return !store.missed.has(conversationId) && (store.shelf.get(conversationId)?.loaded ?? false);
}

export function createThreadReader(options: ThreadReaderOptions) {
  const { store, rest, logger, catchUp } = options;
  const threadErrors = new Map<string, UserText>();

  const threadPage = (conversationId: string): ThreadPage => ({
    conversationId,
    messages: store.messages(conversationId),
    hasOlder: store.shelf.get(conversationId)?.hasOlder ?? true,
    error: threadErrors.get(conversationId) ?? null,
  });

  /** A thread kept from the last run (or never fetched): its newest page, joined to what it holds or replacing it. */
  const fetchNewest = async (conversationId: string) => {
    const t = store.shelf.thread(conversationId);
    const page = await fetchOlderPage(rest, conversationId, null, THREAD_PAGE_SIZE);
    const newestHeld = newestStored(t);
    const joined =
      page.reachedEnd || (newestHeld !== null && page.cursor !== null && page.cursor.timestamp <= newestHeld.timestamp);
    store.mergeMessages(conversationId, page.messages, 'page');
    if (!joined && page.cursor) store.shelf.forgetBefore(conversationId, page.cursor.timestamp);
    if (page.reachedEnd) t.hasOlder = false;
    t.loaded = true;
  };

  /**
   * One page right below the oldest message shown, down to `floor` at most: where a gap's
   * walk stopped (below it nothing is counted yet, so only the walk may go there).
   */
  const fetchOlder = async (conversationId: string, floor: PageCursor | null) => {
    const t = store.shelf.thread(conversationId);
    const oldest = oldestStored(t);
    if (!oldest) return fetchNewest(conversationId);
    let cursor: PageCursor | null = {
      timestamp: oldest.timestamp,
      ids: t.ordered.filter((m) => m.timestamp === oldest.timestamp).map((m) => m.id),
    };
    const aboveFloor = (m: { timestamp: string; id: string }) =>
      !floor ||
      m.timestamp > floor.timestamp ||
      (m.timestamp === floor.timestamp && (floor.passed === true || floor.ids.includes(m.id)));
    for (let attempt = 0; attempt < 2 && cursor; attempt += 1) {
      const page = await fetchOlderPage(rest, conversationId, cursor, THREAD_PAGE_SIZE);
      // Memory let go of the thread's oldest messages meanwhile (other chats were opened): the
      // page no longer touches what it holds and would leave a hole. The next scroll asks again.
      if (oldestStored(t)?.id !== oldest.id) return;
      const shown = page.messages.filter(aboveFloor);
      store.mergeMessages(conversationId, shown, 'older');
      if (page.reachedEnd && shown.length === page.messages.length) t.hasOlder = false;
      if (!page.skippedInstant) return;
      logger.warn(
        `conversation ${conversationId}: some messages of ${page.skippedInstant} cannot be paged (too many in one instant)`,
      );
      cursor = page.cursor;
    }
  };

  /**
   * Scrolling back: at a gap still being fetched, that gap's walk; above it (the thread let
   * go of walked messages to bound memory) plain history down to where the walk stopped.
   */
  const showOlder = async (conversationId: string) => {
    const range = store.missed.next(conversationId);
    const oldest = oldestStored(store.shelf.thread(conversationId));
    const atGap = range && (range.fetchedDownTo === null || range.fetchedDownTo.timestamp === oldest?.timestamp);
    if (atGap) await catchUp.step(conversationId);
    else await catchUp.exclusive(conversationId, () => fetchOlder(conversationId, range?.fetchedDownTo ?? null));
  };

  /** Runs a fetch; its failure is shown in the thread, in words. */
  const attempt = async (conversationId: string, what: MessageKey, fetch: () => Promise<void>): Promise<ThreadPage> => {
    try {
      await fetch();
      threadErrors.delete(conversationId);
    } catch (failure) {
      threadErrors.set(conversationId, text(what, { reason: options.describeFailure(failure) }));
    }
    options.onChanged();
    return threadPage(conversationId);
  };

  const holdsNewest = (conversationId: string) => threadHoldsNewest(store, conversationId);
  return {
    holdsNewest,
    async open(conversationId: string): Promise<ThreadPage> {
      if (!store.has(conversationId)) throw new UserFacingError(text('inbox.conversationGone'));
      store.shelf.markOpen(conversationId);
      const fetching = !holdsNewest(conversationId);
      // Read once its messages can be shown: a thread that cannot be fetched now (the server is
      // down) stays unread, or the customer's messages would never be seen as new.
      if (!fetching) store.table.markRead(conversationId);
      options.onChanged();
      const page = await attempt(conversationId, 'thread.loadFailed', async () => {
        if (store.missed.has(conversationId)) {
          // A gap is still being fetched: this conversation's goes first, and its next page now.
          catchUp.prioritize(conversationId);
          await catchUp.step(conversationId);
        } else if (!store.shelf.thread(conversationId).loaded) {
          await catchUp.exclusive(conversationId, () => fetchNewest(conversationId));
        }
      });
      if (fetching && page.error === null && store.table.markRead(conversationId)) options.onChanged();
      return page;
    },

    /**
     * The window already has the open thread (and its deltas): what comes back is the thread's
     * start, in this order, through the last message this fetch added — for a page at the top,
     * just that page — so reading 5,000 messages back is not 100 whole threads over the bridge.
     */
    async loadOlder(conversationId: string): Promise<ThreadPage> {
      store.shelf.markOpen(conversationId);
      const shown = new Set(store.messages(conversationId).map((m) => m.id));
      const page = await attempt(conversationId, 'thread.loadOlderFailed', () => showOlder(conversationId));
      const lastAdded = page.messages.findLastIndex((m) => !shown.has(m.id));
      return { ...page, messages: page.messages.slice(0, lastAdded + 1) };
    },
  };
}
