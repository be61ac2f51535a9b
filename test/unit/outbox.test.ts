/**
 * The outbox against a fake server that behaves like rest-api.md (a repeated
 * clientMessageId is stored once) and answers only when the test says so, on a fake
 * clock: what staff would notice is which replies reach the server, how often, in which
 * order, and what each bubble and list row says meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { exportRecent, importPersisted } from '../../src/core/inbox/inbox-snapshot';
import { createInboxStore, type InboxStore } from '../../src/core/inbox/inbox-store';
import { createOutbox, OUTBOX_RETRY_DELAYS_MS } from '../../src/core/inbox/outbox';
import { RestError, type RestClient } from '../../src/core/rest-client';
import type { MessageDto, SendMessageRequest } from '../../src/shared/rest';
import { createFakeScheduler } from '../support/fake-scheduler';
import { inEnglish } from '../support/words';

interface Post {
  conversationId: string;
  reply: SendMessageRequest;
  /** Stores the reply (once per clientMessageId) and answers with it. */
  store(): void;
  /** Stores it, but the answer is lost on the way (a timeout). */
  storeAndLose(): void;
  fail(error: RestError): void;
}

function fakeServer() {
  const posts: Post[] = [];
  const stored: Array<MessageDto & { conversationId: string; clientMessageId?: string }> = [];
  const storeOnce = (conversationId: string, reply: SendMessageRequest): MessageDto => {
    const first = stored.find((m) => m.clientMessageId && m.clientMessageId === reply.clientMessageId);
    if (first) return first;
    const message = {
      id: `srv-${stored.length + 1}`,
      content: reply.content,
      contentType: 'text' as const,
      direction: 'outgoing' as const,
      timestamp: `2026-11-26T10:00:${String(stored.length).padStart(2, '0')}.000Z`,
      conversationId,
      clientMessageId: reply.clientMessageId,
    };
    stored.push(message);
    return message;
  };
  const rest = {
    sendMessage: (conversationId: string, reply: SendMessageRequest) =>
      new Promise<MessageDto>((resolve, reject) => {
        posts.push({
          conversationId,
          reply,
          store: () => resolve(storeOnce(conversationId, reply)),
          storeAndLose: () => {
            storeOnce(conversationId, reply);
            reject(new RestError('network', 'The server did not answer in time.'));
          },
          fail: reject,
        });
      }),
  } as unknown as RestClient;
  return { rest, posts, stored };
}

const http = (status: number, words: string) =>
  new RestError('http', `The server said: ${words} (HTTP ${status}).`, status, {
    key: 'rest.serverSaid',
    params: { server: words, status },
  });
const settle = () => new Promise((resolve) => setImmediate(resolve));

function setUp(options: { online?: boolean; store?: InboxStore } = {}) {
  const store = options.store ?? createInboxStore();
  if (!options.store) {
    for (const id of ['c1', 'c2']) {
      store.table.merge([{ id, contactId: `k-${id}`, lastMessageAt: '2026-11-26T09:00:00.000Z' }]);
    }
  }
  const scheduler = createFakeScheduler();
  const server = fakeServer();
  const link = { online: options.online ?? true };
  const outbox = createOutbox({
    store,
    rest: server.rest,
    scheduler,
    isOnline: () => link.online,
    describeFailure: (failure) => (failure instanceof RestError ? failure.text : { key: 'common.somethingWrong' }),
    pushNow: () => {},
    saveNow: () => {},
    onChanged: () => {},
  });
  const bubbles = (conversationId = 'c1') =>
    store.messages(conversationId).map((m) => ({ content: m.content, status: m.status }));
  return { store, scheduler, server, link, outbox, bubbles };
}

describe('outbox', () => {
  it('replies typed offline are queued, shown in the list, and go out by themselves in order once back online', async () => {
    const { store, server, link, outbox, bubbles } = setUp({ online: false });
    outbox.send('c1', 'primeira');
    outbox.send('c1', 'segunda');
    expect(bubbles()).toEqual([
      { content: 'primeira', status: 'queued' },
      { content: 'segunda', status: 'queued' },
    ]);
    expect(store.conversation('c1')?.pendingReply).toBe('queued');
    expect(server.posts).toHaveLength(0);

    link.online = true;
    outbox.resume();
    // One at a time: the second waits for the first one's answer.
    expect(server.posts.map((p) => p.reply.content)).toEqual(['primeira']);
    expect(bubbles()[0]?.status).toBe('sending');
    server.posts[0]?.store();
    await settle();
    expect(server.posts.map((p) => p.reply.content)).toEqual(['primeira', 'segunda']);
    server.posts[1]?.store();
    await settle();
    expect(bubbles()).toEqual([
      { content: 'primeira', status: 'sent' },
      { content: 'segunda', status: 'sent' },
    ]);
    expect(store.messages('c1').map((m) => m.id)).toEqual(['srv-1', 'srv-2']);
    expect(store.conversation('c1')?.pendingReply).toBeNull();
  });

  it('a 5xx leaves the reply queued and retries it with growing waits; a reply whose answer was lost is stored once', async () => {
    const { store, scheduler, server, outbox, bubbles } = setUp();
    outbox.send('c1', 'oi');
    server.posts[0]?.fail(http(503, 'busy'));
    await settle();
    expect(bubbles()).toEqual([{ content: 'oi', status: 'queued' }]);
    expect(inEnglish(store.messages('c1')[0]?.error)).toBe('The server said: “busy” (HTTP 503).');
    scheduler.advance(OUTBOX_RETRY_DELAYS_MS[0] - 1);
    expect(server.posts).toHaveLength(1);
    scheduler.advance(1);
    expect(server.posts).toHaveLength(2);
    server.posts[1]?.storeAndLose();
    await settle();
    expect(bubbles()).toEqual([{ content: 'oi', status: 'queued' }]);
    scheduler.advance(OUTBOX_RETRY_DELAYS_MS[1] - 1);
    expect(server.posts).toHaveLength(2);
    scheduler.advance(1);
    server.posts[2]?.store();
    await settle();

    // Every try carried the same id, so the server kept one message; the thread shows one bubble.
    expect(new Set(server.posts.map((p) => p.reply.clientMessageId)).size).toBe(1);
    expect(server.stored.map((m) => m.content)).toEqual(['oi']);
    expect(bubbles()).toEqual([{ content: 'oi', status: 'sent' }]);
  });

  it('a 4xx fails the reply with Retry, the next one still goes; the retry reuses its clientMessageId', async () => {
    const { store, scheduler, server, outbox, bubbles } = setUp();
    const first = outbox.send('c1', 'longa demais');
    outbox.send('c1', 'curta');
    server.posts[0]?.fail(http(400, 'too long'));
    await settle();
    expect(bubbles()[0]).toEqual({ content: 'longa demais', status: 'failed' });
    expect(inEnglish(store.messages('c1')[0]?.error)).toBe('Not sent. The server said: “too long” (HTTP 400).');
    expect(store.conversation('c1')?.pendingReply).toBe('failed');
    server.posts[1]?.store();
    await settle();
    // Waiting does not help a refusal: no retry by itself.
    scheduler.advance(10 * 60_000);
    expect(server.posts).toHaveLength(2);

    outbox.retry('c1', first.localId ?? '');
    expect(server.posts[2]?.reply).toEqual(server.posts[0]?.reply);
    server.posts[2]?.store();
    await settle();
    expect(bubbles().map((b) => b.status)).toEqual(['sent', 'sent']);
    expect(store.conversation('c1')?.pendingReply).toBeNull();
  });

  it('conversations do not wait for each other: a queued reply in one does not hold back another', async () => {
    const { server, outbox } = setUp();
    outbox.send('c1', 'para c1');
    outbox.send('c2', 'para c2');
    expect(server.posts.map((p) => p.conversationId)).toEqual(['c1', 'c2']);
  });

  it('queued replies survive a restart (also one cut mid-send) and go out once the new run is online', async () => {
    const before = setUp({ online: false });
    before.outbox.send('c1', 'antes de fechar');
    before.link.online = true;
    before.outbox.send('c2', 'a caminho');
    expect(before.server.posts).toHaveLength(1);
    const saved = exportRecent(before.store, { conversationsWithMessages: 0, messagesPerConversation: 0 });

    const restored = createInboxStore();
    importPersisted(restored, JSON.parse(JSON.stringify(saved)) as typeof saved);
    expect(restored.conversation('c1')?.pendingReply).toBe('queued');
    expect(restored.conversation('c2')?.pendingReply).toBe('queued');
    const after = setUp({ store: restored, online: false });
    expect(after.server.posts).toHaveLength(0);
    after.link.online = true;
    after.outbox.resume();
    expect(after.server.posts.map((p) => p.reply.content).sort()).toEqual(['a caminho', 'antes de fechar']);
    // The one cut mid-send keeps its id: had it reached the server, the resend is not stored again.
    const resent = after.server.posts.find((p) => p.conversationId === 'c2');
    expect(resent?.reply.clientMessageId).toBe(before.server.posts[0]?.reply.clientMessageId);
  });
});
