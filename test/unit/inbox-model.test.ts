import { describe, expect, it } from 'vitest';
import {
  applyConversationsDelta,
  applyMessagesDelta,
  joinThreadStart,
  formatListTime,
  matchesSearch,
  NO_CONVERSATIONS,
  safeMediaUrl,
  sortConversations,
} from '../../src/renderer/src/features/inbox/inbox-model';
import type { ConversationView, MessageView } from '../../src/shared/inbox';
import { messagePreview, plainLine, truncate } from '../../src/shared/message-text';
import { translator } from '../../src/shared/i18n/translate';

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

/** A sent message in conversation 'c' whose content is its id; `extra` changes the rest. */
const msg = (id: string, timestamp: string, extra: Partial<MessageView> = {}): MessageView => ({
  id,
  localId: null,
  conversationId: 'c',
  content: id,
  contentType: 'text',
  direction: 'outgoing',
  timestamp,
  mediaUrl: null,
  status: 'sent',
  error: null,
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

  it('matches a query of several words only where each word is found: a name and a number is not every chat with that number', () => {
    const camila = row('c', '2026-01-01T00:00:00Z', {
      contactName: 'Camila Rocha',
      contactPhone: '5521998877665',
      lastMessagePreview: 'Saiu para entrega?',
    });
    const daniel = row('d', '2026-01-01T00:00:00Z', {
      contactName: 'Daniel Souza',
      contactPhone: '5511912345678',
      lastMessagePreview: 'Pedido 2 chegou',
    });
    const cliente = row('k', '2026-01-01T00:00:00Z', { contactName: 'Cliente 09', contactPhone: '5511900000009' });
    const found = (query: string) => [camila, daniel, cliente].filter((r) => matchesSearch(r, query)).map((r) => r.id);
    expect(found('Camila 8877')).toEqual(['c']);
    expect(found('Camila 9')).toEqual([]); // a lone digit is text: Camila's name and message have none
    expect(found('pedido 2')).toEqual(['d']);
    expect(found('rocha entrega')).toEqual(['c']);
    expect(found('(21) 99887-7665')).toEqual(['c']);
    expect(found('camila 12345')).toEqual([]);
    expect(found('Cliente 09')).toEqual(['k']); // every phone above has a 9 and a 0
    expect(found('1234')).toEqual(['d']);
  });

  it('merges message deltas by id, swapping local for server ids', () => {
    const m = (id: string, ts: string, localId: string | null = null) => msg(id, ts, { localId });
    let list = applyMessagesDelta([], {
      upserts: [m('b', '2'), m('local-1', '3', 'local-1')],
      removedIds: [],
    });
    list = applyMessagesDelta(list, { upserts: [m('a', '1'), m('b', '2')], removedIds: [] });
    list = applyMessagesDelta(list, {
      upserts: [m('srv', '3', 'local-1')],
      removedIds: ['local-1'],
    });
    expect(list.map((x) => x.id)).toEqual(['a', 'b', 'srv']);
  });

  it('joins an older page, a status change and a re-timed message without losing the order', () => {
    const m = (id: string, ts: string, status: MessageView['status'] = 'sent') => msg(id, ts, { status });
    const shown = [m('c', '3'), m('d', '4', 'sending'), m('e', '5')];
    // An older page arrives unsorted and repeats one message the window has.
    let list = applyMessagesDelta(shown, { upserts: [m('b', '2'), m('a', '1'), m('c', '3')], removedIds: [] });
    expect(list.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // A status change keeps its place; untouched messages stay the very same objects (no re-render).
    list = applyMessagesDelta(list, { upserts: [m('d', '4', 'sent')], removedIds: [] });
    expect(list.map((x) => `${x.id}:${x.status}`)).toEqual(['a:sent', 'b:sent', 'c:sent', 'd:sent', 'e:sent']);
    expect(list[4]).toBe(shown[2]);
    // The server's time for a sent message moves it; a same-instant newcomer goes after what was there.
    list = applyMessagesDelta(list, { upserts: [m('b', '6'), m('f', '5')], removedIds: ['a'] });
    expect(list.map((x) => x.id)).toEqual(['c', 'd', 'e', 'f', 'b']);
  });

  it("puts an older page before the thread shown, in main's order even within one second", () => {
    const m = (id: string, ts: string) => msg(id, ts, { direction: 'incoming', status: 'received' });
    const shown = [m('x', '5'), m('y', '5'), m('z', '6')];
    // Main's thread start: two older messages of the same second as the oldest shown, then it.
    const list = joinThreadStart(shown, [m('v', '5'), m('w', '5'), m('x', '5')]);
    expect(list.map((x) => x.id)).toEqual(['v', 'w', 'x', 'y', 'z']);
    expect(joinThreadStart(shown, [])).toBe(shown);
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
    expect(formatListTime('2026-11-25T09:05:00', now, 'pt-BR')).toBe('Ontem');
    // 2026-11-23 is a Monday, within the last week: its weekday, in the language.
    expect(formatListTime('2026-11-23T09:05:00', now, 'en-GB')).toBe('Monday');
    expect(formatListTime('2026-11-23T09:05:00', now, 'pt-BR')).toBe('Segunda-feira');
    expect(formatListTime('2026-10-01T09:05:00', now, 'en-GB')).toBe('01/10/2026');
    expect(formatListTime('2026-10-01T09:05:00', now, 'pt-BR')).toBe('01/10/2026');
    // Later today is still today; a day still to come is its date, never a time "today".
    expect(formatListTime('2026-11-26T23:59:00', now, 'en-GB')).toBe('23:59');
    expect(formatListTime('2099-01-01T00:00:00', now, 'pt-BR')).toBe('01/01/2099');
  });
});

describe('message text for previews', () => {
  it('is one clean line, never cut inside an emoji', () => {
    expect(plainLine('a\n\tb\u0000c   d')).toBe('a b c d');
    expect(plainLine('\u0085x\u009f😀\u00a0 y\r\n')).toBe('x 😀 y');
    expect(truncate('👋👋👋👋', 3)).toBe('👋👋…');
    expect(truncate('👋👋👋', 3)).toBe('👋👋👋');
    expect(truncate('abc', 3)).toBe('abc');
    expect(messagePreview({ contentType: 'document', content: 'nota.pdf' }, translator('en'))).toBe(
      '📄 Document: nota.pdf',
    );
    expect(messagePreview({ contentType: 'audio', content: '' }, translator('pt-BR'))).toBe('🎤 Áudio');
    expect(messagePreview({ contentType: 'other', content: '' }, translator('en'))).toBe('❔ Unsupported message');
  });
});
