import { describe, expect, it } from 'vitest';
import { exportRecent, importPersisted } from '../../src/core/inbox/inbox-snapshot';
import { createInboxStore } from '../../src/core/inbox/inbox-store';
import type { WhatsAppMessageEvent } from '../../src/shared/events';
import type { MessageDto } from '../../src/shared/rest';

const at = (minute: number) => `2026-11-26T10:${String(minute).padStart(2, '0')}:00.000Z`;

function incoming(id: string, minute: number, conversationId = 'c1', content = `message ${id}`): WhatsAppMessageEvent {
  return {
    conversationId,
    contactId: `k-${conversationId}`,
    message: { id, content, contentType: 'text', direction: 'incoming', timestamp: at(minute) },
  };
}

const dto = (id: string, minute: number, direction: 'incoming' | 'outgoing' = 'incoming'): MessageDto => ({
  id,
  content: `message ${id}`,
  contentType: 'text',
  direction,
  timestamp: at(minute),
});

describe('inbox store', () => {
  it('keeps messages once per id, ordered by time, whatever order they arrive in', () => {
    const store = createInboxStore();
    store.receiveIncoming(incoming('b', 2), { countUnread: true });
    store.receiveIncoming(incoming('a', 1), { countUnread: true });
    expect(store.receiveIncoming(incoming('b', 2), { countUnread: true })).toBeNull();
    store.mergeMessages('c1', [dto('a', 1), dto('c', 3), dto('b', 2)], 'page');
    expect(store.messages('c1').map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(store.conversation('c1')?.unreadCount).toBe(2);
    expect(store.totalUnread()).toBe(2);
  });

  it('counts unread per conversation and in total; opening one clears it', () => {
    const store = createInboxStore();
    store.receiveIncoming(incoming('1', 1, 'c1'), { countUnread: true });
    store.receiveIncoming(incoming('2', 2, 'c2'), { countUnread: true });
    store.receiveIncoming(incoming('3', 3, 'c2'), { countUnread: true });
    store.receiveIncoming(incoming('4', 4, 'c3'), { countUnread: false });
    expect(store.totalUnread()).toBe(3);
    expect(store.table.markRead('c2')).toBe(true);
    expect(store.totalUnread()).toBe(1);
    expect(store.conversation('c2')?.unreadCount).toBe(0);
  });

  it('lists conversations newest first with a plain preview', () => {
    const store = createInboxStore();
    store.receiveIncoming(incoming('1', 1, 'old'), { countUnread: true });
    store.receiveIncoming(
      {
        ...incoming('2', 5, 'new'),
        message: { ...incoming('2', 5, 'new').message, contentType: 'audio', content: '' },
      },
      { countUnread: true },
    );
    expect(store.conversations().map((c) => c.id)).toEqual(['new', 'old']);
    expect(store.conversation('new')).toMatchObject({ lastMessagePreview: null, lastMessageKind: 'audio' });
  });

  it('takes the server’s unread count only for conversations it has never seen', () => {
    const store = createInboxStore();
    store.table.merge([{ id: 'c1', contactId: 'k', contactName: 'Ana', lastMessageAt: at(1), unreadCount: 4 }]);
    expect(store.totalUnread()).toBe(4);
    store.table.markRead('c1');
    store.table.merge([{ id: 'c1', contactId: 'k', contactName: 'Ana', lastMessageAt: at(2), unreadCount: 9 }]);
    expect(store.conversation('c1')).toMatchObject({ unreadCount: 0, contactName: 'Ana', lastMessageAt: at(2) });
  });

  it('reports only what changed since the last look, so pushes stay small', () => {
    const store = createInboxStore();
    store.shelf.markOpen('c2');
    store.receiveIncoming(incoming('1', 1, 'c1'), { countUnread: true });
    store.takeChanges();
    store.receiveIncoming(incoming('2', 2, 'c2'), { countUnread: true });
    const changes = store.takeChanges();
    expect(changes.conversations).toEqual(new Set(['c2']));
    expect([...changes.messages.keys()]).toEqual(['c2']);
    expect(store.takeChanges().messages.size).toBe(0);
    // A chat no window follows: its row moves, its messages are not tracked one by one.
    store.receiveIncoming(incoming('3', 3, 'c3'), { countUnread: true });
    const unfollowed = store.takeChanges();
    expect(unfollowed.conversations).toEqual(new Set(['c3']));
    expect(unfollowed.messages.size).toBe(0);
  });

  it('a listing that repeats what it holds changes nothing; a row the listing changed is pushed', () => {
    const store = createInboxStore();
    const row = (i: number) => ({
      id: `c${i}`,
      contactId: `k${i}`,
      contactName: `Contact ${i}`,
      lastMessageAt: at(i % 60),
      lastMessagePreview: `hello ${i}`,
      unreadCount: 1,
    });
    const listing = Array.from({ length: 1_000 }, (_, i) => row(i));
    store.table.merge(listing);
    store.takeChanges();
    store.table.merge(listing); // the next sync lists the same 1,000 conversations
    expect(store.takeChanges().conversations).toEqual(new Set());
    store.table.merge([{ ...row(7), contactName: 'Renamed', lastMessageAt: at(59) }]);
    expect(store.takeChanges().conversations).toEqual(new Set(['c7']));
    expect(store.conversation('c7')?.contactName).toBe('Renamed');
  });

  it('swaps a sent message’s local id for the server’s and keeps failed ones for retry', () => {
    const store = createInboxStore();
    store.shelf.markOpen('c1');
    store.receiveIncoming(incoming('1', 1), { countUnread: false });
    const base = {
      conversationId: 'c1',
      content: 'hello',
      contentType: 'text' as const,
      direction: 'outgoing' as const,
      mediaUrl: null,
      error: null,
    };
    store.addOutgoing({ ...base, id: 'local-1', localId: 'local-1', timestamp: at(2), status: 'sending' });
    store.resolveOutgoing('c1', 'local-1', { ...dto('3EB0AAAA', 2, 'outgoing'), content: 'hello' });
    expect(store.messages('c1').map((m) => [m.id, m.localId, m.status])).toEqual([
      ['1', null, 'received'],
      ['3EB0AAAA', 'local-1', 'sent'],
    ]);
    const changes = store.takeChanges().messages.get('c1');
    expect(changes?.removed.has('local-1')).toBe(true);
  });

  it('persists a bounded recent inbox and restores it, mutes included; sending becomes failed', () => {
    const store = createInboxStore();
    for (let i = 0; i < 5; i += 1) store.receiveIncoming(incoming(`m${i}`, i, `c${i}`), { countUnread: true });
    store.table.setMuted('c1', true);
    store.table.setMuted('c2', true, Date.parse(at(59)));
    store.addOutgoing({
      id: 'local-x',
      localId: 'local-x',
      conversationId: 'c4',
      content: 'typed',
      contentType: 'text',
      direction: 'outgoing',
      timestamp: at(30),
      mediaUrl: null,
      status: 'sending',
      error: null,
    });
    const saved = exportRecent(store, { conversationsWithMessages: 2, messagesPerConversation: 1 });
    expect(saved.conversations).toHaveLength(5);
    expect(Object.keys(saved.messages)).toEqual(['c4', 'c3']);
    expect(saved.messages.c4?.[0]).toMatchObject({ id: 'local-x', status: 'failed' });

    const restored = createInboxStore();
    importPersisted(restored, JSON.parse(JSON.stringify(saved)));
    expect(restored.totalUnread()).toBe(5);
    expect(restored.isMuted('c1', Date.parse(at(59)) + 3_600_000)).toBe(true);
    expect(restored.conversation('c1')?.muted).toBe(true);
    expect(restored.conversation('c1')?.mutedUntil).toBeUndefined();
    // A timed mute comes back with its end, and ends then.
    expect(restored.conversation('c2')).toMatchObject({ muted: true, mutedUntil: at(59) });
    expect(restored.isMuted('c2', Date.parse(at(58)))).toBe(true);
    expect(restored.isMuted('c2', Date.parse(at(59)))).toBe(false);
    expect(restored.table.expireMutes(Date.parse(at(59)))).toBe(true);
    expect(restored.conversation('c2')?.muted).toBe(false);
    expect(restored.conversation('c1')?.muted).toBe(true);
    expect(restored.shelf.get('c4')?.loaded).toBe(false);
  });
});

describe('inbox store and the server’s unread count', () => {
  it('does not count again the live events of messages the server’s count already includes', () => {
    const store = createInboxStore();
    // Learned from REST with 3 unread, the newest at minute 5; their events are still on their way.
    store.table.merge([{ id: 'c1', contactId: 'k', lastMessageAt: at(5), unreadCount: 3 }]);
    store.receiveIncoming(incoming('late-1', 4), { countUnread: true });
    store.receiveIncoming(incoming('late-2', 5), { countUnread: true });
    expect(store.conversation('c1')?.unreadCount).toBe(3);
    // A message after what the server counted is new.
    store.receiveIncoming(incoming('new', 6), { countUnread: true });
    expect(store.totalUnread()).toBe(4);
  });
});
