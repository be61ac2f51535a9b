import { describe, expect, it } from 'vitest';
import {
  applyConversationsDelta,
  applyMessagesDelta,
  formatListTime,
  matchesSearch,
  NO_CONVERSATIONS,
  safeMediaUrl,
  sortConversations,
} from '../../src/renderer/src/features/inbox/inbox-model';
import type { ConversationView, MessageView } from '../../src/shared/inbox';
import { messagePreview, plainLine, truncate } from '../../src/shared/message-text';

const row = (id: string, lastMessageAt: string, extra: Partial<ConversationView> = {}): ConversationView => ({
  id,
  contactId: `k${id}`,
  contactName: null,
  contactPhone: null,
  lastMessageAt,
  lastMessagePreview: null,
  unreadCount: 0,
  muted: false,
  ...extra,
});

describe('renderer inbox model', () => {
  it('applies conversation deltas and sorts newest first', () => {
    let rows = applyConversationsDelta(NO_CONVERSATIONS, {
      reset: true,
      upserts: [row('a', '2026-01-01T00:00:00Z'), row('b', '2026-01-02T00:00:00Z')],
      removedIds: [],
    });
    rows = applyConversationsDelta(rows, { reset: false, upserts: [row('a', '2026-01-03T00:00:00Z')], removedIds: [] });
    expect(rows.sorted.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('keeps the list in order through many deltas without re-sorting it (moves, new rows, removals)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
    let rows = applyConversationsDelta(NO_CONVERSATIONS, {
      reset: true,
      upserts: Array.from({ length: 300 }, (_, i) => row(`c${i}`, at(random(500)))),
      removedIds: [],
    });
    for (let step = 0; step < 300; step++) {
      const upserts = Array.from({ length: 1 + random(5) }, () => row(`c${random(400)}`, at(random(1_000))));
      const removedIds = random(4) === 0 ? [`c${random(400)}`] : [];
      rows = applyConversationsDelta(rows, { reset: false, upserts, removedIds });
      expect(rows.sorted.map((r) => r.id)).toEqual(sortConversations(rows.byId.values()).map((r) => r.id));
    }
    // Same time: the id decides, so two rows never swap between renders.
    rows = applyConversationsDelta(rows, {
      reset: true,
      upserts: [row('b', at(1)), row('a', at(1))],
      removedIds: [],
    });
    expect(rows.sorted.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('takes a whole list main sent in order as it is, and sorts one that is not (or repeats a row)', () => {
    const inOrder = [
      row('c', '2026-01-03T00:00:00Z'),
      row('b', '2026-01-02T00:00:00Z'),
      row('a', '2026-01-01T00:00:00Z'),
    ];
    const taken = applyConversationsDelta(NO_CONVERSATIONS, { reset: true, upserts: inOrder, removedIds: [] });
    expect(taken.sorted.map((r) => r.id)).toEqual(['c', 'b', 'a']);
    const repeated = applyConversationsDelta(NO_CONVERSATIONS, {
      reset: true,
      upserts: [...inOrder, row('c', '2026-01-04T00:00:00Z')],
      removedIds: [],
    });
    expect(repeated.sorted.map((r) => [r.id, r.lastMessageAt.slice(0, 10)])).toEqual([
      ['c', '2026-01-04'],
      ['b', '2026-01-02'],
      ['a', '2026-01-01'],
    ]);
  });

  it('searches by name (accents ignored), phone digits and message text', () => {
    const ana = row('a', '2026-01-01T00:00:00Z', {
      contactName: 'Ana Conceição',
      contactPhone: '5511987654321',
      lastMessagePreview: 'Qual o horário?',
    });
    expect(matchesSearch(ana, 'conceicao')).toBe(true);
    expect(matchesSearch(ana, '98765')).toBe(true);
    expect(matchesSearch(ana, '+55 11 98765')).toBe(true);
    expect(matchesSearch(ana, 'HORÁRIO')).toBe(true);
    expect(matchesSearch(ana, 'pedro')).toBe(false);
  });

  it('merges message deltas by id, swapping local for server ids', () => {
    const m = (id: string, ts: string, localId: string | null = null): MessageView => ({
      id,
      localId,
      conversationId: 'c',
      content: id,
      contentType: 'text',
      direction: 'outgoing',
      timestamp: ts,
      mediaUrl: null,
      status: 'sent',
      error: null,
    });
    let list = applyMessagesDelta([], {
      conversationId: 'c',
      upserts: [m('b', '2'), m('local-1', '3', 'local-1')],
      removedIds: [],
    });
    list = applyMessagesDelta(list, { conversationId: 'c', upserts: [m('a', '1'), m('b', '2')], removedIds: [] });
    list = applyMessagesDelta(list, {
      conversationId: 'c',
      upserts: [m('srv', '3', 'local-1')],
      removedIds: ['local-1'],
    });
    expect(list.map((x) => x.id)).toEqual(['a', 'b', 'srv']);
  });

  it('opens only web links for media', () => {
    expect(safeMediaUrl('https://cdn.example.com/a.jpg')).toBe('https://cdn.example.com/a.jpg');
    expect(safeMediaUrl('javascript:alert(1)')).toBeNull();
    expect(safeMediaUrl('file:///etc/passwd')).toBeNull();
    expect(safeMediaUrl('not a url')).toBeNull();
    expect(safeMediaUrl(null)).toBeNull();
  });

  it('shows time today, "Yesterday", else a date', () => {
    const now = Date.parse('2026-11-26T15:00:00');
    expect(formatListTime('2026-11-26T09:05:00', now, 'en-GB')).toBe('09:05');
    expect(formatListTime('2026-11-25T09:05:00', now, 'en-GB')).toBe('Yesterday');
    expect(formatListTime('2026-10-01T09:05:00', now, 'en-GB')).toBe('01/10/26');
  });
});

describe('message text for previews', () => {
  it('is one clean line, never cut inside an emoji', () => {
    expect(plainLine('a\n\tb\u0000c   d')).toBe('a b c d');
    expect(truncate('👋👋👋👋', 3)).toBe('👋👋…');
    expect(messagePreview({ contentType: 'document', content: 'nota.pdf' })).toBe('Document: nota.pdf');
    expect(messagePreview({ contentType: 'other', content: '' })).toBe('Unsupported message');
  });
});
