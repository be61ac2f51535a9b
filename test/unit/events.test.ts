import { describe, expect, it } from 'vitest';
import { parseServerEvent, joinOrganizationPayload } from '../../src/shared/events';
import { conversationDto, connectRequest, messageDto } from '../../src/shared/rest';

const at = '2026-11-26T10:00:00.000Z';

describe('server event schemas', () => {
  it('accepts the spec payload of every event', () => {
    expect(parseServerEvent('whatsapp:qr', { instanceId: 'i1', qr: '2@abc,def', timestamp: at }).ok).toBe(true);
    expect(
      parseServerEvent('whatsapp:pairing-code', {
        instanceId: 'i1',
        pairingCode: 'ABCD1234',
        expiresAt: at,
        timestamp: at,
      }).ok,
    ).toBe(true);
    expect(
      parseServerEvent('whatsapp:connected', {
        instanceId: 'i1',
        organizationId: 'o1',
        phoneNumber: '5511',
        timestamp: at,
      }).ok,
    ).toBe(true);
    expect(parseServerEvent('whatsapp:disconnected', { instanceId: 'i1', timestamp: at }).ok).toBe(true);
    expect(
      parseServerEvent('whatsapp:message', {
        conversationId: 'c1',
        contactId: 'k1',
        message: { id: '3EB0ABC', content: 'oi', contentType: 'text', direction: 'incoming', timestamp: at },
      }).ok,
    ).toBe(true);
  });

  it('tolerates unknown extra fields and strips them', () => {
    const parsed = parseServerEvent('whatsapp:qr', { instanceId: 'i1', qr: 'x', timestamp: at, extra: 42 });
    expect(parsed.ok && parsed.value.payload).toEqual({ instanceId: 'i1', qr: 'x', timestamp: at });
  });

  it('rejects wrong types, missing fields and non-objects with a readable reason', () => {
    const wrongType = parseServerEvent('whatsapp:qr', { instanceId: 7, qr: 'x', timestamp: at });
    expect(wrongType).toMatchObject({ ok: false });
    expect(!wrongType.ok && wrongType.reason).toMatch(/^instanceId: /);

    const missing = parseServerEvent('whatsapp:message', { conversationId: 'c', contactId: 'k' });
    expect(!missing.ok && missing.reason).toMatch(/message/);

    for (const garbage of [null, undefined, 'a string', 42, [1, 2]]) {
      expect(parseServerEvent('whatsapp:connected', garbage).ok).toBe(false);
    }
    expect(parseServerEvent('whatsapp:qr', { instanceId: 'i', qr: 'x', timestamp: 'yesterday' }).ok).toBe(false);
  });

  it('keeps a message of a content type the spec does not know yet, as "other"', () => {
    const parsed = parseServerEvent('whatsapp:message', {
      conversationId: 'c1',
      contactId: 'k1',
      message: { id: 'm', content: '', contentType: 'sticker', direction: 'incoming', timestamp: at },
    });
    expect(parsed.ok && parsed.value.payload.message.contentType).toBe('other');
    const wrong = parseServerEvent('whatsapp:message', {
      conversationId: 'c1',
      contactId: 'k1',
      message: { id: 'm', content: '', contentType: 5, direction: 'incoming', timestamp: at },
    });
    expect(wrong.ok).toBe(false);
  });

  it('rejects an outgoing direction in whatsapp:message (the spec says incoming)', () => {
    const parsed = parseServerEvent('whatsapp:message', {
      conversationId: 'c1',
      contactId: 'k1',
      message: { id: 'm', content: 'x', contentType: 'text', direction: 'outgoing', timestamp: at },
    });
    expect(parsed.ok).toBe(false);
  });

  it('join-organization takes a non-empty organization id', () => {
    expect(joinOrganizationPayload.safeParse('org_123').success).toBe(true);
    expect(joinOrganizationPayload.safeParse('').success).toBe(false);
  });
});

describe('REST schemas', () => {
  it('validates the connect body: qr, or code with a digits-only phone number', () => {
    expect(connectRequest.safeParse({ method: 'qr' }).success).toBe(true);
    expect(connectRequest.safeParse({ method: 'code', phoneNumber: '5511987654321' }).success).toBe(true);
    expect(connectRequest.safeParse({ method: 'code', phoneNumber: '+55 11 98765-4321' }).success).toBe(false);
    expect(connectRequest.safeParse({ method: 'code' }).success).toBe(false);
    expect(connectRequest.safeParse({ method: 'sms' }).success).toBe(false);
  });

  it('parses conversations and messages tolerantly', () => {
    expect(conversationDto.safeParse({ id: 'c', contactId: 'k', lastMessageAt: at, whatever: true }).success).toBe(
      true,
    );
    expect(conversationDto.safeParse({ id: 'c', contactId: 'k' }).success).toBe(false);
    expect(
      messageDto.safeParse({
        id: 'm',
        content: 'x',
        contentType: 'image',
        direction: 'outgoing',
        timestamp: at,
        mediaUrl: 'https://x',
      }).success,
    ).toBe(true);
  });
});

describe('timestamps', () => {
  it('are normalised to UTC with milliseconds, so string order is time order', () => {
    const local = parseServerEvent('whatsapp:qr', { instanceId: 'i', qr: 'q', timestamp: '2026-11-26T09:00:00-03:00' });
    const seconds = parseServerEvent('whatsapp:qr', { instanceId: 'i', qr: 'q', timestamp: '2026-11-26T11:30:00Z' });
    expect(local.ok && local.value.payload.timestamp).toBe('2026-11-26T12:00:00.000Z');
    expect(seconds.ok && seconds.value.payload.timestamp).toBe('2026-11-26T11:30:00.000Z');
  });

  it('already in that shape are kept as they are; impossible dates in it are still refused', () => {
    const at = (timestamp: string) => parseServerEvent('whatsapp:qr', { instanceId: 'i', qr: 'q', timestamp });
    for (const timestamp of ['2024-02-29T23:59:59.999Z', '0000-01-01T00:00:00.000Z', '9999-12-31T00:00:00.000Z']) {
      const parsed = at(timestamp);
      expect(parsed.ok && parsed.value.payload.timestamp).toBe(new Date(timestamp).toISOString());
    }
    for (const timestamp of ['2023-02-29T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-11-26T24:00:00.000Z']) {
      expect(at(timestamp).ok).toBe(false);
    }
  });
});
