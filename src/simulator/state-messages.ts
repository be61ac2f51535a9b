/** Storing messages in the simulator's state: incoming from WhatsApp, outgoing from the app. */
import { generateMessageId } from './baileys-like';
import { generateMediaUrl, isMediaContentType, previewFor, randomCaption, randomIncomingText } from './demo-content';
import { createConversation, requireConversation } from './state-conversations';
import {
  defaultOrganizationId,
  requireOrganization,
  SimulatorStateError,
  type InjectedMessage,
  type SimConversation,
  type SimulatorState,
  type StoredMessage,
} from './state';

/**
 * A timestamp for a message arriving "now" that is strictly after the conversation's
 * newest message. Messages created within the same millisecond would otherwise share a
 * timestamp, and `before=<timestamp>` paging (strictly before) would skip some of them.
 */
function nextTimestamp(conversation: SimConversation, now: Date): string {
  const last = conversation.messages[conversation.messages.length - 1];
  const lastMs = last ? Date.parse(last.timestamp) : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(now.getTime(), lastMs + 1)).toISOString();
}

/**
 * Inserts in timestamp order; equal timestamps keep arrival order. Returns false, storing
 * nothing, for an id the conversation already has. `checkId: false` skips that scan for
 * freshly generated ids, which keeps large bursts linear.
 */
export function insertMessage(
  conversation: SimConversation,
  message: StoredMessage,
  options: { checkId?: boolean } = {},
): boolean {
  if ((options.checkId ?? true) && conversation.messages.some((m) => m.id === message.id)) return false;
  const ms = Date.parse(message.timestamp);
  let index = conversation.messages.length;
  while (index > 0) {
    const previous = conversation.messages[index - 1];
    if (previous === undefined || Date.parse(previous.timestamp) <= ms) break;
    index -= 1;
  }
  conversation.messages.splice(index, 0, message);
  if (ms >= Date.parse(conversation.lastMessageAt) || conversation.messages.length === 1) {
    conversation.lastMessageAt = message.timestamp;
    conversation.lastMessagePreview = previewFor(message.content, message.contentType);
  }
  return true;
}

export interface IncomingMessageInput {
  /** Defaults to the first account's organization. */
  organizationId?: string;
  /** Absent: the conversation with `contactPhone` if there is one, else a new contact. */
  conversationId?: string;
  contactName?: string;
  contactPhone?: string;
  /** The number a new contact writes to (see createConversation's default). */
  instanceId?: string;
  content?: string;
  /** Any string; the five known types get realistic defaults (media URL, caption). */
  contentType?: string;
  mediaUrl?: string;
  /** Only with `count` 1. Reusing a stored id stores nothing new (like the backend's unique key). */
  id?: string;
  /** ISO 8601; default now (kept strictly increasing within the conversation). */
  timestamp?: string;
  /** How many messages to store, default 1. */
  count?: number;
}

function resolveConversationFor(state: SimulatorState, input: IncomingMessageInput, now: Date): SimConversation {
  const organizationId = input.organizationId ?? defaultOrganizationId(state);
  requireOrganization(state, organizationId);
  if (input.conversationId !== undefined) {
    return requireConversation(state, organizationId, input.conversationId);
  }
  // One chat per WhatsApp contact, as on the phone: a known number lands in its conversation.
  const existing =
    input.contactPhone === undefined
      ? undefined
      : state.conversations.find((c) => c.organizationId === organizationId && c.contactPhone === input.contactPhone);
  if (existing) return existing;
  return createConversation(
    state,
    organizationId,
    {
      ...(input.contactName !== undefined ? { name: input.contactName } : {}),
      ...(input.contactPhone !== undefined ? { phone: input.contactPhone } : {}),
      ...(input.instanceId !== undefined ? { instanceId: input.instanceId } : {}),
    },
    now,
  );
}

/** Stores incoming message(s) as the backend does when WhatsApp delivers them. */
export function storeIncomingMessages(
  state: SimulatorState,
  input: IncomingMessageInput = {},
  now: Date = new Date(),
): InjectedMessage[] {
  const count = input.count ?? 1;
  if (!Number.isInteger(count) || count < 1) {
    throw new SimulatorStateError('invalid', 'count must be a positive integer');
  }
  if (input.id !== undefined && count !== 1) {
    throw new SimulatorStateError('invalid', 'id can only be given with count 1');
  }
  if (input.timestamp !== undefined && Number.isNaN(Date.parse(input.timestamp))) {
    throw new SimulatorStateError('invalid', 'timestamp must be an ISO 8601 date');
  }
  const conversation = resolveConversationFor(state, input, now);
  const contentType = input.contentType ?? 'text';
  const results: InjectedMessage[] = [];
  for (let i = 0; i < count; i += 1) {
    const mediaUrl = input.mediaUrl ?? (isMediaContentType(contentType) ? generateMediaUrl(contentType) : undefined);
    const content =
      input.content ?? (isMediaContentType(contentType) ? randomCaption(contentType) : randomIncomingText());
    const message: StoredMessage & { direction: 'incoming' } = {
      id: input.id ?? generateMessageId(),
      content,
      contentType,
      direction: 'incoming',
      timestamp: input.timestamp ?? nextTimestamp(conversation, now),
      ...(mediaUrl !== undefined ? { mediaUrl } : {}),
    };
    const stored = insertMessage(conversation, message, { checkId: input.id !== undefined });
    if (stored) conversation.unreadCount += 1;
    const kept = stored ? message : conversation.messages.find((m) => m.id === message.id);
    results.push({
      conversationId: conversation.id,
      contactId: conversation.contactId,
      message: { ...(kept ?? message), direction: 'incoming' },
    });
  }
  return results;
}

/** Stores a message the staff sent from the app. Replying marks the chat as read, as on the phone. */
export function storeOutgoingMessage(
  state: SimulatorState,
  organizationId: string,
  conversationId: string,
  content: string,
  now: Date = new Date(),
): StoredMessage {
  return storeReply(state, organizationId, conversationId, { content }, now).message;
}

export interface StoredReply {
  message: StoredMessage;
  /** False when the clientMessageId was seen before: `message` is the one stored then. */
  created: boolean;
}

/**
 * A reply as `POST /conversations/:id/messages` takes it: a repeated clientMessageId for
 * the same conversation is not stored twice (the app resends when an answer was lost).
 */
export function storeReply(
  state: SimulatorState,
  organizationId: string,
  conversationId: string,
  reply: { content: string; clientMessageId?: string },
  now: Date = new Date(),
): StoredReply {
  const conversation = requireConversation(state, organizationId, conversationId);
  const { clientMessageId } = reply;
  const firstId = clientMessageId === undefined ? undefined : conversation.sentByClientId?.[clientMessageId];
  const first = firstId === undefined ? undefined : conversation.messages.find((m) => m.id === firstId);
  if (first) return { message: { ...first }, created: false };
  const message: StoredMessage = {
    // Messages sent through Baileys carry the web client's id shape.
    id: generateMessageId('web'),
    content: reply.content,
    contentType: 'text',
    direction: 'outgoing',
    timestamp: nextTimestamp(conversation, now),
  };
  insertMessage(conversation, message, { checkId: false });
  if (clientMessageId !== undefined) {
    conversation.sentByClientId = { ...conversation.sentByClientId, [clientMessageId]: message.id };
  }
  conversation.unreadCount = 0;
  return { message: { ...message }, created: true };
}
