// A row's preview is its newest message's, however many messages a burst brought and
// whichever of the live events and the server's listing is newer.
import { describe, expect, it } from 'vitest';
import { createInboxStore } from '../../src/core/inbox/inbox-store';
import { exportRecent } from '../../src/core/inbox/inbox-snapshot';

const at = (second: number) => `2026-11-26T10:00:${String(second).padStart(2, '0')}.000Z`;

function receive(store: ReturnType<typeof createInboxStore>, second: number, content: string) {
  store.receiveIncoming(
    {
      conversationId: 'c1',
      contactId: 'k1',
      message: { id: `m${second}`, content, contentType: 'text', direction: 'incoming', timestamp: at(second) },
    },
    { countUnread: true },
  );
}

describe('conversation previews', () => {
  it('after a burst, the row (and what is saved) shows the newest message, also one read in between', () => {
    const store = createInboxStore();
    receive(store, 1, 'primeira');
    expect(store.conversation('c1')?.lastMessagePreview).toBe('primeira');
    for (let second = 2; second <= 40; second += 1) receive(store, second, `mensagem ${second}`);
    receive(store, 41, 'Olá,\n  tudo bem?');
    expect(store.conversations()[0]?.lastMessagePreview).toBe('Olá, tudo bem?');
    expect(
      exportRecent(store, { conversationsWithMessages: 1, messagesPerConversation: 1 }).conversations[0]
        ?.lastMessagePreview,
    ).toBe('Olá, tudo bem?');
  });

  it('a listing with newer activity brings the server’s preview; an older listing keeps the live one', () => {
    const store = createInboxStore();
    receive(store, 10, 'ao vivo');
    store.table.merge([
      {
        id: 'c1',
        contactId: 'k1',
        contactName: 'Ana',
        lastMessageAt: at(5),
        lastMessagePreview: 'antiga',
        unreadCount: 0,
      },
    ]);
    expect(store.conversation('c1')?.lastMessagePreview).toBe('ao vivo');
    receive(store, 20, 'outra ao vivo');
    store.table.merge([
      {
        id: 'c1',
        contactId: 'k1',
        contactName: 'Ana',
        lastMessageAt: at(30),
        lastMessagePreview: 'do servidor',
        unreadCount: 0,
      },
    ]);
    expect(store.conversation('c1')?.lastMessagePreview).toBe('do servidor');
  });
});
