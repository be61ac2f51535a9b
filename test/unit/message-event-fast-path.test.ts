/**
 * The hand-checked `whatsapp:message` (the hot path of a burst) may only ever accept
 * what the schema accepts, with the same result; and it must take the common case,
 * or it is dead weight. Random payloads, near-misses included, against the schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MESSAGE_CONTENT_TYPES,
  parsePlainMessageEvent,
  parseServerEvent,
  whatsappMessageEvent,
} from '../../src/shared/events';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Timestamps in the canonical shape, with every field ranging past what is valid (31 April, 24:00, month 13…). */
const canonicalShaped = fc
  .record({
    year: fc.oneof(fc.constantFrom(0, 1900, 2000, 2023, 2024, 2026, 2100, 9999), fc.integer({ min: 0, max: 9999 })),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    ms: fc.integer({ min: 0, max: 999 }),
  })
  .map(
    ({ year, month, day, hour, minute, second, ms }) =>
      `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(ms, 3)}Z`,
  );

const FIELDS = ['conversationId', 'contactId', 'message'] as const;
const MESSAGE_FIELDS = ['id', 'content', 'contentType', 'direction', 'timestamp', 'mediaUrl'] as const;

/** A payload the backend could send: well-formed, sometimes with fields the spec does not name. */
const wellFormed = fc.record({
  conversationId: fc.string({ minLength: 1 }),
  contactId: fc.string({ minLength: 1 }),
  message: fc.record(
    {
      id: fc.string({ minLength: 1 }),
      content: fc.string(),
      contentType: fc.constantFrom(...MESSAGE_CONTENT_TYPES),
      direction: fc.constant('incoming'),
      timestamp: fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        canonicalShaped,
      ),
      mediaUrl: fc.webUrl(),
      addedLater: fc.anything(),
    },
    { requiredKeys: ['id', 'content', 'contentType', 'direction', 'timestamp'] },
  ),
});

/** A near miss: one field of the payload or its message replaced by anything, or dropped. */
const mutation = fc.record({
  inMessage: fc.boolean(),
  field: fc.nat(),
  value: fc.oneof(
    fc.anything(),
    fc.constantFrom(undefined, '', 'outgoing', 'sticker', '2026-11-26T09:00:00-03:00', '2026-11-26T11:30:00Z'),
  ),
  drop: fc.boolean(),
});

const payload = fc.oneof(
  fc.tuple(wellFormed, fc.array(mutation, { maxLength: 2 })).map(([base, mutations]) => {
    const event: Record<string, unknown> = { ...base, message: { ...base.message } };
    for (const { inMessage, field, value, drop } of mutations) {
      const target = inMessage ? event.message : event;
      // An earlier mutation may have made the message something else: nothing to reach into.
      if (typeof target !== 'object' || target === null) continue;
      const names = inMessage ? MESSAGE_FIELDS : FIELDS;
      const name = names[field % names.length] as string;
      if (drop) Reflect.deleteProperty(target, name);
      else Reflect.set(target, name, value);
    }
    return event;
  }),
  fc.anything(),
);

describe('whatsapp:message, checked by hand', () => {
  it('accepts nothing the schema refuses, and gives what the schema gives', () => {
    let accepted = 0;
    fc.assert(
      fc.property(payload, (candidate) => {
        const plain = parsePlainMessageEvent(candidate);
        if (plain === null) return;
        accepted += 1;
        const schema = whatsappMessageEvent.safeParse(candidate);
        expect(schema.success).toBe(true);
        expect(plain).toStrictEqual(schema.data);
      }),
      { numRuns: 20_000 },
    );
    // The comparison is only worth something if the hand check says yes often.
    expect(accepted).toBeGreaterThan(1_000);
  });

  it('takes every canonical timestamp the schema takes, and refuses the impossible ones', () => {
    const event = (at: string) => ({
      conversationId: 'c',
      contactId: 'k',
      message: { id: 'm', content: 'oi', contentType: 'text', direction: 'incoming', timestamp: at },
    });
    fc.assert(
      fc.property(canonicalShaped, (at) => {
        expect(parsePlainMessageEvent(event(at)) !== null).toBe(whatsappMessageEvent.safeParse(event(at)).success);
      }),
      { numRuns: 20_000 },
    );
  });

  it('is the path a backend’s ordinary message takes, and the schema still words what is wrong', () => {
    const ordinary = {
      conversationId: 'conv-1',
      contactId: 'contact-1',
      message: {
        id: '3EB0C767D82B0A1C',
        content: 'Olá!',
        contentType: 'image',
        direction: 'incoming',
        timestamp: '2026-11-26T12:00:00.000Z',
        mediaUrl: 'https://cdn.example/x.jpg',
        addedLater: true,
      },
    };
    // Taken as it is, less the field the spec does not name.
    const { addedLater: _unnamed, ...named } = ordinary.message;
    expect(parsePlainMessageEvent(ordinary)).toStrictEqual({ ...ordinary, message: named });
    const wrong = { ...ordinary, message: { ...ordinary.message, id: 42 } };
    expect(parsePlainMessageEvent(wrong)).toBeNull();
    expect(parseServerEvent('whatsapp:message', wrong)).toEqual({
      ok: false,
      reason: expect.stringContaining('message.id') as string,
    });
  });
});
