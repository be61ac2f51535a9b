import { describe, expect, it } from 'vitest';
import { fetchOlderPage, MAX_PAGE_SIZE, type PageCursor } from '../../src/core/inbox/message-pager';
import type { RestClient } from '../../src/core/rest-client';
import type { MessageDto } from '../../src/shared/rest';

/** A server holding `messages` (oldest first) that answers as the contract says, serving at most `maxPage`. */
function fakeServer(messages: MessageDto[], maxPage = MAX_PAGE_SIZE) {
  const requests: Array<{ before?: string; limit?: number }> = [];
  const rest = {
    listMessages: async (_id: string, page: { before?: string; limit?: number } = {}) => {
      requests.push(page);
      const limit = Math.min(page.limit ?? 50, maxPage);
      const eligible = page.before ? messages.filter((m) => m.timestamp < (page.before as string)) : messages;
      return eligible.slice(-limit);
    },
  } as Pick<RestClient, 'listMessages'> as RestClient;
  return { rest, requests };
}

const second = (s: number) => new Date(Date.UTC(2026, 10, 26, 10, 0, s)).toISOString();
let next = 0;
const message = (timestamp: string): MessageDto => ({
  id: `m${(next += 1)}`,
  content: 'x',
  contentType: 'text',
  direction: 'incoming',
  timestamp,
});

/** Walks from the newest message to the oldest; every message seen, newest page first. */
async function walk(rest: RestClient, pageSize: number) {
  const seen: string[] = [];
  const skipped: string[] = [];
  let cursor: PageCursor | null = null;
  for (let guard = 0; guard < 1_000; guard += 1) {
    const page = await fetchOlderPage(rest, 'c', cursor, pageSize);
    seen.unshift(...page.messages.map((m) => m.id));
    if (page.skippedInstant) skipped.push(page.skippedInstant);
    if (page.reachedEnd) return { seen, skipped };
    cursor = page.cursor;
  }
  throw new Error('the walk did not end');
}

describe('paging back with an exclusive-by-time cursor', () => {
  it('takes every message exactly once when page boundaries fall inside one second', async () => {
    const messages = Array.from({ length: 330 }, (_, i) => message(second(Math.floor(i / 7))));
    const { rest } = fakeServer(messages);
    const { seen, skipped } = await walk(rest, 50);
    expect(seen).toEqual(messages.map((m) => m.id));
    expect(skipped).toEqual([]);
  });

  it('a second holding more than a page is fetched whole with one larger request', async () => {
    const messages = [
      ...Array.from({ length: 20 }, (_, i) => message(second(i))),
      ...Array.from({ length: 250 }, () => message(second(30))),
      ...Array.from({ length: 20 }, (_, i) => message(second(40 + i))),
    ];
    const { rest, requests } = fakeServer(messages);
    const { seen } = await walk(rest, 100);
    expect(seen).toEqual(messages.map((m) => m.id));
    expect(requests.filter((r) => r.limit === MAX_PAGE_SIZE)).toHaveLength(1);
  });

  it('beyond what any page can hold, the rest of that second is stepped over and reported, and the walk goes on', async () => {
    const older = Array.from({ length: 10 }, (_, i) => message(second(i)));
    const crowd = Array.from({ length: MAX_PAGE_SIZE + 100 }, () => message(second(30)));
    const newer = Array.from({ length: 10 }, (_, i) => message(second(40 + i)));
    const { rest } = fakeServer([...older, ...crowd, ...newer]);
    const { seen, skipped } = await walk(rest, 100);
    expect(skipped).toEqual([second(30)]);
    // The newest 500 of that second are reachable; the first 100 cannot be paged to.
    expect(seen).toEqual([...older, ...crowd.slice(100), ...newer].map((m) => m.id));
  });

  it('a server that serves smaller pages than asked is not mistaken for the end', async () => {
    const first = message(second(1));
    const crowd = Array.from({ length: 120 }, () => message(second(5)));
    const { rest } = fakeServer([first, ...crowd], 100);
    const { seen, skipped } = await walk(rest, 100);
    // Only 100 of that second can ever be served; the walk still reaches the message before it.
    expect(skipped).toEqual([second(5)]);
    expect(seen).toEqual([first, ...crowd.slice(20)].map((m) => m.id));
  });
});
