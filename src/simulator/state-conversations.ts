/** The conversations in the simulator's state: create, find, list, and page their messages. */
import { randomUUID } from 'node:crypto';
import type { ConversationDto } from '../shared/rest';
import { generateBrazilianPhoneNumber } from './baileys-like';
import { randomContactName } from './demo-content';
import {
  requireOrganization,
  SimulatorStateError,
  type SimConversation,
  type SimulatorState,
  type StoredMessage,
} from './state';

export interface NewContact {
  name?: string;
  phone?: string;
  /** The number it writes to; default: the organization's first connected number, if any. */
  instanceId?: string;
}

/** Where a new chat lands when nothing says: a connected number, as on the backend. */
function defaultInstanceId(state: SimulatorState, organizationId: string): string | undefined {
  return state.instances.find((i) => i.organizationId === organizationId && i.status === 'connected')?.id;
}

export function createConversation(
  state: SimulatorState,
  organizationId: string,
  contact: NewContact = {},
  now: Date = new Date(),
): SimConversation {
  requireOrganization(state, organizationId);
  const name = contact.name ?? (contact.phone === undefined ? randomContactName() : undefined);
  const instanceId = contact.instanceId ?? defaultInstanceId(state, organizationId);
  const conversation: SimConversation = {
    id: randomUUID(),
    organizationId,
    contactId: randomUUID(),
    ...(name !== undefined ? { contactName: name } : {}),
    contactPhone: contact.phone ?? generateBrazilianPhoneNumber(),
    ...(instanceId !== undefined ? { instanceId } : {}),
    createdAt: now.toISOString(),
    lastMessageAt: now.toISOString(),
    unreadCount: 0,
    messages: [],
  };
  state.conversations.push(conversation);
  return conversation;
}

export function findConversation(
  state: SimulatorState,
  organizationId: string | undefined,
  conversationId: string,
): SimConversation | undefined {
  return state.conversations.find(
    (c) => c.id === conversationId && (organizationId === undefined || c.organizationId === organizationId),
  );
}

export function requireConversation(
  state: SimulatorState,
  organizationId: string | undefined,
  conversationId: string,
): SimConversation {
  const conversation = findConversation(state, organizationId, conversationId);
  if (!conversation) throw new SimulatorStateError('not_found', `Unknown conversation ${conversationId}`);
  return conversation;
}

/** Most recent activity first; `updatedSince` is inclusive. */
export function listConversations(
  state: SimulatorState,
  organizationId: string,
  updatedSince?: Date,
): ConversationDto[] {
  const sinceMs = updatedSince?.getTime();
  return state.conversations
    .filter((c) => c.organizationId === organizationId)
    .filter((c) => sinceMs === undefined || Date.parse(c.lastMessageAt) >= sinceMs)
    .sort((a, b) => Date.parse(b.lastMessageAt) - Date.parse(a.lastMessageAt))
    .map((c) => ({
      id: c.id,
      contactId: c.contactId,
      ...(c.contactName !== undefined ? { contactName: c.contactName } : {}),
      contactPhone: c.contactPhone,
      ...(c.instanceId !== undefined ? { instanceId: c.instanceId } : {}),
      lastMessageAt: c.lastMessageAt,
      ...(c.lastMessagePreview !== undefined ? { lastMessagePreview: c.lastMessagePreview } : {}),
      unreadCount: c.unreadCount,
    }));
}

export const DEFAULT_MESSAGE_PAGE = 50;
export const MAX_MESSAGE_PAGE = 500;

/** The newest `limit` messages strictly before `before`, returned oldest first. */
export function listMessages(
  state: SimulatorState,
  organizationId: string,
  conversationId: string,
  page: { before?: Date; limit?: number } = {},
): StoredMessage[] {
  const conversation = requireConversation(state, organizationId, conversationId);
  const limit = Math.min(Math.max(page.limit ?? DEFAULT_MESSAGE_PAGE, 1), MAX_MESSAGE_PAGE);
  const beforeMs = page.before?.getTime();
  const eligible =
    beforeMs === undefined
      ? conversation.messages
      : conversation.messages.filter((m) => Date.parse(m.timestamp) < beforeMs);
  return eligible.slice(-limit).map((m) => ({ ...m }));
}

export function countMessages(state: SimulatorState, organizationId?: string): number {
  return state.conversations
    .filter((c) => organizationId === undefined || c.organizationId === organizationId)
    .reduce((sum, c) => sum + c.messages.length, 0);
}
