/**
 * The backend's Socket.IO contract (AuZap's socket events specification) as runtime schemas.
 *
 * Every payload that arrives from the server is parsed with these before anything
 * else sees it. Unknown extra fields are stripped (the backend may add fields);
 * wrong or missing fields make the payload fail with a readable reason.
 */
import { z } from 'zod';

/**
 * Already in that shape (what the backend sends): a date the datetime check accepted in
 * this shape comes back from `toISOString` unchanged, so building a Date per event is skipped.
 */
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/**
 * ISO 8601 instant, offsets tolerated, normalised to UTC with milliseconds
 * (`2026-11-26T12:00:00.000Z`): the app compares and sorts these as strings, which is
 * only right when they all have the same shape.
 */
export const isoTimestamp = z.iso
  .datetime({ offset: true })
  .transform((value) => (CANONICAL_INSTANT.test(value) ? value : new Date(value).toISOString()));

const nonEmpty = z.string().min(1);

// ---- client → server -------------------------------------------------------

export const joinOrganizationPayload = nonEmpty;

// ---- server → client -------------------------------------------------------

export const whatsappQrEvent = z.object({
  instanceId: nonEmpty,
  qr: nonEmpty,
  timestamp: isoTimestamp,
});
export type WhatsAppQrEvent = z.infer<typeof whatsappQrEvent>;

export const whatsappPairingCodeEvent = z.object({
  instanceId: nonEmpty,
  pairingCode: nonEmpty,
  expiresAt: isoTimestamp,
  timestamp: isoTimestamp,
});
export type WhatsAppPairingCodeEvent = z.infer<typeof whatsappPairingCodeEvent>;

export const whatsappConnectedEvent = z.object({
  instanceId: nonEmpty,
  organizationId: nonEmpty,
  phoneNumber: nonEmpty,
  timestamp: isoTimestamp,
});
export type WhatsAppConnectedEvent = z.infer<typeof whatsappConnectedEvent>;

/** The reasons the spec names; any other string is kept as-is and shown as "unknown". */
export const KNOWN_DISCONNECT_REASONS = [
  'logged_out',
  'connection_lost',
  'session_expired',
  'manual',
  'error',
] as const;
export type KnownDisconnectReason = (typeof KNOWN_DISCONNECT_REASONS)[number];

export const whatsappDisconnectedEvent = z.object({
  instanceId: nonEmpty,
  reason: z.string().optional(),
  timestamp: isoTimestamp,
});
export type WhatsAppDisconnectedEvent = z.infer<typeof whatsappDisconnectedEvent>;

export const MESSAGE_CONTENT_TYPES = ['text', 'image', 'audio', 'video', 'document'] as const;
/**
 * A content type the backend adds later (a sticker, say) must not cost the user the
 * message: it is kept and shown as "unsupported". A non-string is still an error.
 */
export const messageContentType = z.union([
  z.enum(MESSAGE_CONTENT_TYPES),
  z
    .string()
    .min(1)
    .transform(() => 'other' as const),
]);
export type MessageContentType = z.infer<typeof messageContentType>;

export const whatsappMessageEvent = z.object({
  conversationId: nonEmpty,
  contactId: nonEmpty,
  message: z.object({
    id: nonEmpty,
    content: z.string(),
    contentType: messageContentType,
    direction: z.literal('incoming'),
    timestamp: isoTimestamp,
    mediaUrl: z.string().optional(),
  }),
});
export type WhatsAppMessageEvent = z.infer<typeof whatsappMessageEvent>;

/** Server → client events by name. Event names are the spec's, verbatim. */
export const serverEventSchemas = {
  'whatsapp:qr': whatsappQrEvent,
  'whatsapp:pairing-code': whatsappPairingCodeEvent,
  'whatsapp:connected': whatsappConnectedEvent,
  'whatsapp:disconnected': whatsappDisconnectedEvent,
  'whatsapp:message': whatsappMessageEvent,
} as const;

export type ServerEventName = keyof typeof serverEventSchemas;
export type ServerEventPayload<E extends ServerEventName> = z.infer<(typeof serverEventSchemas)[E]>;
export type ServerEvent = {
  [E in ServerEventName]: { name: E; payload: ServerEventPayload<E> };
}[ServerEventName];

export const SERVER_EVENT_NAMES = Object.keys(serverEventSchemas) as ServerEventName[];

export const CLIENT_EVENT_JOIN_ORGANIZATION = 'join-organization';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Human-readable summary of a zod error: `message.id: expected string, received number`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(payload)';
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const KNOWN_CONTENT_TYPES: ReadonlySet<unknown> = new Set(MESSAGE_CONTENT_TYPES);

/** The digits at `from`…`from + count` of a string already known to hold digits there. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i += 1) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/** A canonical instant naming a real date and time (no 30 February, no 24:00), as the datetime check requires. */
function isCanonicalInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !CANONICAL_INSTANT.test(value)) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth =
    month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    digitsAt(value, 11, 2) <= 23 &&
    digitsAt(value, 14, 2) <= 59 &&
    digitsAt(value, 17, 2) <= 59
  );
}

/**
 * The common `whatsapp:message` — every field present in its plain form, the timestamp
 * already canonical — checked by hand: the schema's parse builds a dozen short-lived
 * objects per event, and a burst is tens of thousands of them. Null for anything else
 * (an unknown content type, an offset, a wrong field), which the schema then parses
 * and words the reason for. Accepts only what the schema accepts, with the same result
 * (unknown fields dropped): a property test holds the two together.
 */
export function parsePlainMessageEvent(payload: unknown): WhatsAppMessageEvent | null {
  if (!isRecord(payload) || !isNonEmpty(payload.conversationId) || !isNonEmpty(payload.contactId)) return null;
  const { message } = payload;
  if (!isRecord(message) || !isNonEmpty(message.id) || typeof message.content !== 'string') return null;
  if (!KNOWN_CONTENT_TYPES.has(message.contentType) || message.direction !== 'incoming') return null;
  if (!isCanonicalInstant(message.timestamp)) return null;
  const { mediaUrl } = message;
  if (mediaUrl !== undefined && typeof mediaUrl !== 'string') return null;
  if (mediaUrl === undefined && 'mediaUrl' in message) return null;
  const parsed: WhatsAppMessageEvent = {
    conversationId: payload.conversationId,
    contactId: payload.contactId,
    message: {
      id: message.id,
      content: message.content,
      contentType: message.contentType as MessageContentType,
      direction: 'incoming',
      timestamp: message.timestamp,
    },
  };
  if (mediaUrl !== undefined) parsed.message.mediaUrl = mediaUrl;
  return parsed;
}

export function parseServerEvent<E extends ServerEventName>(
  name: E,
  payload: unknown,
): ParseResult<ServerEvent & { name: E }> {
  if (name === 'whatsapp:message') {
    const plain = parsePlainMessageEvent(payload);
    if (plain) return { ok: true, value: { name, payload: plain } as ServerEvent & { name: E } };
  }
  const schema = serverEventSchemas[name];
  const result = schema.safeParse(payload);
  if (!result.success) return { ok: false, reason: describeZodError(result.error) };
  return { ok: true, value: { name, payload: result.data } as ServerEvent & { name: E } };
}
