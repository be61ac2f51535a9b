/**
 * The bodies `/sim/*` accepts. Strict on purpose: a misspelt field is a 400, not a
 * silently ignored option that makes a test pass for the wrong reason.
 */
import { z } from 'zod';
import { isoTimestamp } from '../shared/events';
import { phoneNumberDigits } from '../shared/rest';

const nonEmpty = z.string().min(1);

export const scanBody = z.strictObject({ phoneNumber: phoneNumberDigits.optional() }).optional();

export const dropBody = z.strictObject({ reason: z.string().nullable().optional() }).optional();

export const injectBody = z
  .strictObject({
    organizationId: nonEmpty.optional(),
    conversationId: nonEmpty.optional(),
    contactName: z.string().optional(),
    contactPhone: nonEmpty.optional(),
    instanceId: nonEmpty.optional(),
    content: z.string().optional(),
    contentType: nonEmpty.optional(),
    mediaUrl: z.string().optional(),
    id: nonEmpty.optional(),
    timestamp: isoTimestamp.optional(),
    count: z.number().int().min(1).max(10_000).optional(),
    duplicate: z.boolean().optional(),
  })
  .optional();

export const burstBody = z
  .strictObject({
    organizationId: nonEmpty.optional(),
    messages: z.number().int().min(1).max(100_000),
    conversations: z.number().int().min(1).max(10_000),
    intervalMs: z.number().int().min(0).optional(),
  })
  .refine((b) => b.conversations <= b.messages, {
    error: 'conversations must not exceed messages',
    path: ['conversations'],
  });

export const emitBody = z.strictObject({
  organizationId: nonEmpty.optional(),
  event: nonEmpty,
  payload: z.unknown(),
});

export const failBody = z.strictObject({
  method: z.enum(['GET', 'POST']),
  path: z.string().startsWith('/'),
  status: z.number().int().min(400).max(599),
  error: z.string().optional(),
  times: z.number().int().min(1).optional(),
  afterHandling: z.boolean().optional(),
});
