/**
 * Weeks of uptime in a busy shop must not grow the host without bound: from 50,000 to
 * 100,000 messages the inbox keeps the same number of messages (every conversation's
 * latest, whole threads only for the few opened), its heap barely moves, and the saved
 * state stays the same size. (Wall-clock is never asserted; `npm run bench` measures
 * the whole host.)
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { exportRecent } from '../../src/core/inbox/inbox-snapshot';
import { createInboxStore, type InboxStore } from '../../src/core/inbox/inbox-store';
import { DEFAULT_SHELF_LIMITS } from '../../src/core/inbox/thread-shelf';

const CONVERSATIONS = 2_000;
const base = Date.parse('2026-11-01T00:00:00Z');
const conversationId = (i: number) => `conversation-${String(i % CONVERSATIONS).padStart(4, '0')}`;

/** Live messages `from`…`to`, round-robin over the conversations, pushed as the service would. */
function feed(store: InboxStore, from: number, to: number) {
  for (let i = from; i < to; i += 1) {
    store.receiveIncoming(
      {
        conversationId: conversationId(i),
        contactId: `contact-${i % CONVERSATIONS}`,
        message: {
          id: `3EB0${i.toString(16).padStart(18, '0').toUpperCase()}`,
          content: `Olá, gostaria de saber o preço do produto número ${i} e se ainda tem em estoque`,
          contentType: 'text',
          direction: 'incoming',
          timestamp: new Date(base + i * 1_000).toISOString(),
        },
      },
      { countUnread: true },
    );
    if (i % 500 === 0) store.takeChanges();
  }
  store.takeChanges();
}

function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('a bounded inbox', () => {
  it('keeps every conversation’s latest messages and whole threads only for the recently opened', () => {
    const { tailMessages, openThreads } = DEFAULT_SHELF_LIMITS;
    const store = createInboxStore();
    feed(store, 0, 50_000);
    const at50k = store.stats();
    const opened = [1, 2, 3].map(conversationId);
    for (const id of opened) store.shelf.markOpen(id);
    feed(store, 50_000, 100_000);
    const at100k = store.stats();

    expect(at50k.storedMessages).toBe(CONVERSATIONS * tailMessages);
    // The opened three hold everything since they were opened: 20 kept + 25 new each.
    expect(at100k.storedMessages).toBe(CONVERSATIONS * tailMessages + 3 * 25);
    expect(at100k.openThreads).toBeLessThanOrEqual(openThreads);
    expect(at100k.rememberedIds).toBeLessThanOrEqual(DEFAULT_SHELF_LIMITS.rememberedIds);
    expect(store.messages(conversationId(1))).toHaveLength(tailMessages + 25);
    expect(store.messages(conversationId(4))).toHaveLength(tailMessages);
    // Nothing is lost to the counts: every message was counted unread.
    expect(store.totalUnread()).toBe(100_000);

    // Opening more falls the least recent back to its tail.
    for (let i = 10; i < 10 + openThreads; i += 1) store.shelf.markOpen(conversationId(i));
    expect(store.messages(conversationId(1))).toHaveLength(tailMessages);
  });

  it('recognises a late duplicate of a forgotten message, and never forgets one not yet sent', () => {
    const store = createInboxStore({ tailMessages: 2, openThreads: 1, rememberedIds: 100 });
    const event = (id: string, second: number) => ({
      conversationId: 'c',
      contactId: 'k',
      message: {
        id,
        content: id,
        contentType: 'text' as const,
        direction: 'incoming' as const,
        timestamp: new Date(base + second * 1_000).toISOString(),
      },
    });
    store.addOutgoing({
      id: 'local-1',
      localId: 'local-1',
      conversationId: 'c',
      content: 'typed',
      contentType: 'text',
      direction: 'outgoing',
      timestamp: new Date(base).toISOString(),
      mediaUrl: null,
      status: 'failed',
      error: { key: 'thread.notSent' },
    });
    for (let i = 1; i <= 5; i += 1) store.receiveIncoming(event(`m${i}`, i), { countUnread: true });
    expect(store.messages('c').map((m) => m.id)).toEqual(['local-1', 'm4', 'm5']);
    expect(store.receiveIncoming(event('m1', 1), { countUnread: true })).toBeNull();
    expect(store.totalUnread()).toBe(5);
    // A message older than all that is held, while older history exists, is counted but not shown out of place.
    expect(store.receiveIncoming(event('late', 2), { countUnread: true })).not.toBeNull();
    expect(store.totalUnread()).toBe(6);
    expect(store.messages('c').map((m) => m.id)).toEqual(['local-1', 'm4', 'm5']);
    // Queued after trying to send (offline): still only this app has it.
    store.updateMessage('c', 'local-1', { status: 'sending', error: null });
    store.updateMessage('c', 'local-1', { status: 'queued' });
    for (let i = 6; i <= 8; i += 1) store.receiveIncoming(event(`m${i}`, i), { countUnread: true });
    expect(store.messages('c').map((m) => m.id)).toEqual(['local-1', 'm7', 'm8']);
    // Sent at last: now it is one of the server's messages, forgotten like the others.
    store.resolveOutgoing('c', 'local-1', {
      id: 'sent-1',
      content: 'typed',
      contentType: 'text',
      direction: 'outgoing',
      timestamp: new Date(base + 9_000).toISOString(),
    });
    store.receiveIncoming(event('m10', 10), { countUnread: true });
    expect(store.messages('c').map((m) => m.id)).toEqual(['sent-1', 'm10']);
  });

  it('remembers a forgotten id for its own chat, for as long as the last `rememberedIds` remembered', () => {
    const { shelf } = createInboxStore({ tailMessages: 2, openThreads: 1, rememberedIds: 3 });
    shelf.remember('c1', 'x');
    expect([shelf.knows('c1', 'x'), shelf.knows('c2', 'x')]).toEqual([true, false]);
    shelf.remember('c2', 'x'); // the same id in another chat is a message of its own
    shelf.remember('c1', 'x'); // seen again: remembered from now on
    shelf.remember('c3', 'y'); // pushes out the first remembering of c1's x only
    expect([shelf.knows('c1', 'x'), shelf.knows('c2', 'x'), shelf.knows('c3', 'y')]).toEqual([true, true, true]);
    shelf.remember('c3', 'z');
    expect([shelf.knows('c1', 'x'), shelf.knows('c2', 'x')]).toEqual([true, false]);
    shelf.remember('c3', 'w');
    expect(shelf.knows('c1', 'x')).toBe(false);
    expect(shelf.stats().rememberedIds).toBeLessThanOrEqual(3);
  });

  it('knows exactly the last `rememberedIds` remembered, however many came before', () => {
    const { shelf } = createInboxStore({ tailMessages: 2, openThreads: 1, rememberedIds: 5 });
    const chats = ['c1', 'c2', 'c3'];
    for (let i = 0; i < 100; i += 1) shelf.remember(chats[i % 3] as string, `m${i}`);
    const known = Array.from({ length: 100 }, (_, i) => i).filter((i) => shelf.knows(chats[i % 3] as string, `m${i}`));
    expect(known).toEqual([95, 96, 97, 98, 99]);
    expect(shelf.stats().rememberedIds).toBe(5);
  });

  it('from 50,000 to 100,000 messages the heap grows by a few MB at most, and the saved state not at all', () => {
    const gc = exposeGc();
    const heapAfterGc = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const store = createInboxStore();
    feed(store, 0, 50_000);
    const heapAt50k = heapAfterGc();
    const savedAt50k = JSON.stringify(
      exportRecent(store, { conversationsWithMessages: 200, messagesPerConversation: 50 }),
    );
    feed(store, 50_000, 100_000);
    const heapAt100k = heapAfterGc();
    const savedAt100k = JSON.stringify(
      exportRecent(store, { conversationsWithMessages: 200, messagesPerConversation: 50 }),
    );
    // Holding every message costs ~450 bytes each here (22 MB for these 50,000); bounded it is ~1 MB.
    expect(heapAt100k - heapAt50k).toBeLessThan(8 * 1024 * 1024);
    expect(Math.abs(savedAt100k.length - savedAt50k.length)).toBeLessThan(savedAt50k.length * 0.05);
  });
});
