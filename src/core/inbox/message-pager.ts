/**
 * Walking a conversation's history backwards with the REST contract's only cursor:
 * `GET /conversations/:id/messages?before=ISO&limit=N` returns the newest N messages
 * strictly before `before`. Two consequences shape this module:
 *
 * - `before` is exclusive by time, and many messages can share one instant (WhatsApp
 *   times are whole seconds). So each request asks for everything up to and including
 *   the oldest instant already reached (`before` = that instant + 1 ms) and skips the ids
 *   it has already seen there: no message on a page boundary is lost or taken twice.
 * - When a whole page is one instant, that overlap cannot move on: the next request is
 *   retried with the largest page the server allows. If even that is one instant, the
 *   contract offers no way to reach the rest of that instant's messages; the pager steps
 *   strictly below it and reports the instant as skipped (it is logged). That needs more
 *   than MAX_PAGE_SIZE messages in one second of one chat.
 */
import type { MessageDto } from '../../shared/rest';
import type { RestClient } from '../rest-client';

/** Where a backwards walk stands: the oldest instant reached and the ids already taken there. */
export interface PageCursor {
  timestamp: string;
  ids: string[];
  /** The instant could not be paged through; continue strictly below it. */
  passed?: boolean;
}

export interface FetchedPage {
  /** Messages not seen before in this walk, oldest first, in the server's order. */
  messages: MessageDto[];
  /** The cursor for the next (older) page; null when the page was empty. */
  cursor: PageCursor | null;
  /** The server has nothing older. */
  reachedEnd: boolean;
  /** An instant with more messages than one page can hold was stepped over. */
  skippedInstant: string | null;
}

/** The largest page the simulator serves; a server allowing less just answers fewer. */
export const MAX_PAGE_SIZE = 500;

const justAfter = (timestamp: string) => new Date(Date.parse(timestamp) + 1).toISOString();

function cursorAfter(batch: MessageDto[], previous: PageCursor | null): PageCursor | null {
  const oldest = batch[0];
  if (!oldest) return previous;
  const ids = batch.filter((m) => m.timestamp === oldest.timestamp).map((m) => m.id);
  // Still on the same instant: the ids taken there on earlier pages count too.
  if (previous && !previous.passed && previous.timestamp === oldest.timestamp) {
    return { timestamp: oldest.timestamp, ids: [...new Set([...previous.ids, ...ids])] };
  }
  return { timestamp: oldest.timestamp, ids };
}

/** One page older than `cursor` (null: the newest page). */
export async function fetchOlderPage(
  rest: RestClient,
  conversationId: string,
  cursor: PageCursor | null,
  pageSize: number,
): Promise<FetchedPage> {
  let limit = pageSize;
  for (;;) {
    const before = cursor ? (cursor.passed ? cursor.timestamp : justAfter(cursor.timestamp)) : undefined;
    const batch = await rest.listMessages(conversationId, { before, limit });
    const seen = new Set(cursor && !cursor.passed ? cursor.ids : []);
    const messages = batch.filter(
      (m) =>
        // A sloppy server answering newer messages than asked for must not move the walk up again.
        !cursor || (m.timestamp <= cursor.timestamp && !(m.timestamp === cursor.timestamp && seen.has(m.id))),
    );
    // A short page is the end; a server that serves fewer than we ask for after a retry is not.
    const reachedEnd = batch.length < Math.min(limit, pageSize);
    if (messages.length > 0 || reachedEnd || !cursor) {
      return { messages, cursor: cursorAfter(messages, cursor), reachedEnd, skippedInstant: null };
    }
    if (limit < MAX_PAGE_SIZE) {
      limit = MAX_PAGE_SIZE;
      continue;
    }
    return {
      messages: [],
      cursor: { timestamp: cursor.timestamp, ids: [], passed: true },
      reachedEnd: false,
      skippedInstant: cursor.timestamp,
    };
  }
}
