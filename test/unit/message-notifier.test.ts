import { describe, expect, it } from 'vitest';
import { createMessageNotifier } from '../../src/core/notifications/message-notifier';
import { conversationNotification } from '../../src/core/notifications/message-notification-text';
import type { DesktopNotification } from '../../src/core/ports';
import type { MessageView, NotificationPrivacy } from '../../src/shared/inbox';
import { createFakeScheduler } from '../support/fake-scheduler';
import { translator } from '../../src/shared/i18n/translate';

const en = translator('en');
const pt = translator('pt-BR');

let seq = 0;
const message = (
  conversationId: string,
  content = 'Olá',
  contentType: MessageView['contentType'] = 'text',
): MessageView => ({
  id: `m${seq++}`,
  localId: null,
  conversationId,
  content,
  contentType,
  direction: 'incoming',
  timestamp: new Date(seq * 1000).toISOString(),
  mediaUrl: null,
  status: 'received',
  error: null,
});

function setup(privacy: NotificationPrivacy = 'full') {
  const scheduler = createFakeScheduler(0);
  const delivered: DesktopNotification[] = [];
  const notifier = createMessageNotifier({
    scheduler,
    deliver: (n) => delivered.push(n),
    privacy: () => privacy,
    labelFor: (id) => `Contact ${id}`,
    words: () => translator('en'),
  });
  return { notifier, delivered, advance: scheduler.advance };
}

describe('message notifications', () => {
  it('notifies one message with the contact and the text', () => {
    const { notifier, delivered, advance } = setup();
    notifier.offer(message('c1', 'Tem desconto?'));
    advance(1_000);
    expect(delivered).toEqual([{ title: 'Contact c1', body: 'Tem desconto?', conversationId: 'c1' }]);
  });

  it('coalesces a conversation: at most one notification per few seconds, the rest folded in', () => {
    const { notifier, delivered, advance } = setup();
    notifier.offer(message('c1', 'one'));
    advance(1_000);
    for (const text of ['two', 'three', 'four']) {
      notifier.offer(message('c1', text));
      advance(500);
    }
    expect(delivered).toHaveLength(1);
    advance(5_000);
    expect(delivered).toHaveLength(2);
    expect(delivered[1]).toEqual({ title: 'Contact c1 (3 new messages)', body: 'four', conversationId: 'c1' });
  });

  it('previews the newest of what it folds in, whatever order a catch-up fetched them in (newest page first)', () => {
    const { notifier, delivered, advance } = setup();
    const [oldest, middle, newest] = [message('c1', 'first'), message('c1', 'second'), message('c1', 'third')];
    for (const m of [newest, middle, oldest]) notifier.offer(m);
    advance(1_000);
    expect(delivered).toEqual([{ title: 'Contact c1 (3 new messages)', body: 'third', conversationId: 'c1' }]);
  });

  it('sums up a burst across many conversations in one notification', () => {
    const { notifier, delivered, advance } = setup();
    for (let i = 0; i < 12; i += 1) notifier.offer(message(`c${i % 5}`));
    advance(1_000);
    expect(delivered).toEqual([{ title: 'AuZap', body: '12 new messages in 5 conversations' }]);
  });

  it('keeps a long, heavy burst to a handful of notifications', () => {
    const { notifier, delivered, advance } = setup();
    // 2,000 messages over 200 conversations within 10 seconds.
    for (let i = 0; i < 2_000; i += 1) {
      notifier.offer(message(`c${i % 200}`));
      advance(5);
    }
    advance(30_000);
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.length).toBeLessThanOrEqual(5);
    const counted = delivered.reduce(
      (sum, n) => sum + Number((/^([\d,]+) new message/.exec(n.body)?.[1] ?? '1').replace(/,/g, '')),
      0,
    );
    expect(counted).toBe(2_000);
  });

  it('respects privacy: name only, or nothing private at all', () => {
    const full = conversationNotification('c1', 'Ana', { latest: message('c1', 'segredo'), count: 1 }, 'full', en);
    const name = conversationNotification('c1', 'Ana', { latest: message('c1', 'segredo'), count: 1 }, 'name', en);
    const none = conversationNotification('c1', 'Ana', { latest: message('c1', 'x'), count: 2 }, 'none', en);
    expect(full).toMatchObject({ title: 'Ana', body: 'segredo' });
    expect(name).toEqual({ title: 'Ana', body: 'New message', conversationId: 'c1' });
    expect(none).toEqual({ title: 'AuZap', body: '2 new messages', conversationId: 'c1' });
    expect(JSON.stringify([name, none])).not.toContain('segredo');
  });

  it('says media in words and truncates long plain previews', () => {
    expect(conversationNotification('c', 'Ana', { latest: message('c', '', 'audio'), count: 1 }, 'full', en).body).toBe(
      '🎤 Audio',
    );
    expect(
      conversationNotification('c', 'Ana', { latest: message('c', 'look', 'image'), count: 1 }, 'full', en).body,
    ).toBe('📷 Photo: look');
    expect(
      conversationNotification('c', 'Ana', { latest: message('c', 'olha', 'image'), count: 1 }, 'full', pt).body,
    ).toBe('📷 Foto: olha');
    const long = conversationNotification(
      'c',
      'Ana',
      { latest: message('c', `line1\n\n${'x'.repeat(500)}`), count: 1 },
      'full',
      en,
    ).body;
    expect(Array.from(long).length).toBeLessThanOrEqual(120);
    expect(long.startsWith('line1 x')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
  });

  it('leaves WhatsApp’s formatting marks out of the text, as WhatsApp’s own notifications do', () => {
    const formatted = message('c', 'Quero *3 camisetas* _tamanho M_ ~azul~, e `2*2`');
    expect(conversationNotification('c', 'Ana', { latest: formatted, count: 1 }, 'full', pt).body).toBe(
      'Quero 3 camisetas tamanho M azul, e 2*2',
    );
    // A lone mark is a character, kept.
    const lone = message('c', 'Nota 5* pra vocês');
    expect(conversationNotification('c', 'Ana', { latest: lone, count: 1 }, 'full', pt).body).toBe('Nota 5* pra vocês');
  });

  it('drops what is pending for a conversation the user opened', () => {
    const { notifier, delivered, advance } = setup();
    notifier.offer(message('c1'));
    notifier.discard('c1');
    advance(10_000);
    expect(delivered).toEqual([]);
  });
});

describe('a stopped notifier', () => {
  it('raises nothing for messages offered after stop (a previous organization finishing its work)', () => {
    const { notifier, delivered, advance } = setup();
    notifier.stop();
    notifier.offer(message('c1', 'late'));
    advance(10_000);
    expect(delivered).toEqual([]);
  });
});
