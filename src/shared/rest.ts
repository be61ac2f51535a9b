/**
 * The backend's REST contract (AuZap's REST API specification) as runtime schemas.
 * Responses are parsed tolerantly: unknown fields are dropped, missing optional fields
 * are fine.
 */
import { z } from 'zod';
import { isoTimestamp, messageContentType } from './events';

const nonEmpty = z.string().min(1);

export const INSTANCE_STATUSES = ['disconnected', 'connecting', 'connected'] as const;
export const instanceStatus = z.enum(INSTANCE_STATUSES);
export type InstanceStatus = z.infer<typeof instanceStatus>;

export const instanceDto = z.object({
  id: nonEmpty,
  name: z.string(),
  status: instanceStatus,
  phoneNumber: z.string().optional(),
});
export type InstanceDto = z.infer<typeof instanceDto>;
export const instanceListDto = z.array(instanceDto);

/** Digits only, country code first, as WhatsApp's "link with phone number" wants it. */
export const phoneNumberDigits = z
  .string()
  .regex(/^[1-9]\d{7,14}$/, 'digits only, country code first (8 to 15 digits)');

export const connectRequest = z.discriminatedUnion('method', [
  z.object({ method: z.literal('qr') }),
  z.object({ method: z.literal('code'), phoneNumber: phoneNumberDigits }),
]);
export type ConnectRequest = z.infer<typeof connectRequest>;

export const connectResponse = z.object({
  instanceId: nonEmpty,
  method: z.enum(['qr', 'code']),
});
export type ConnectResponse = z.infer<typeof connectResponse>;

export const conversationDto = z.object({
  id: nonEmpty,
  contactId: nonEmpty,
  contactName: z.string().optional(),
  contactPhone: z.string().optional(),
  lastMessageAt: isoTimestamp,
  lastMessagePreview: z.string().optional(),
  unreadCount: z.number().int().nonnegative().optional(),
});
export type ConversationDto = z.infer<typeof conversationDto>;
export const conversationListDto = z.array(conversationDto);

export const messageDirection = z.enum(['incoming', 'outgoing']);

export const messageDto = z.object({
  id: nonEmpty,
  content: z.string(),
  contentType: messageContentType,
  direction: messageDirection,
  timestamp: isoTimestamp,
  mediaUrl: z.string().optional(),
});
export type MessageDto = z.infer<typeof messageDto>;
export const messageListDto = z.array(messageDto);

export const sendMessageRequest = z.object({
  content: z.string().min(1).max(65536),
});

export const errorBody = z.object({ error: z.string() });
