/**
 * The simulator's data and the operations on it, with no I/O, sockets or timers.
 *
 * The state is plain JSON-compatible data so that it can outlive a simulator: a test
 * stops a simulator, changes its state with these helpers (messages that "arrived while
 * the app was offline"), then starts a new simulator on the same port with that state.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { whatsappMessageEvent } from '../shared/events';
import type { ConversationDto, InstanceDto, InstanceStatus, messageDto } from '../shared/rest';
import { generateBrazilianPhoneNumber, generateMessageId } from './baileys-like';
import {
  generateMediaUrl,
  isMediaContentType,
  previewFor,
  randomCaption,
  randomContactName,
  randomIncomingText,
} from './demo-content';

export interface SimulatorAccount {
  token: string;
  organizationId: string;
  organizationName?: string;
}

/**
 * A message as the REST API returns it. The input side of the shared schema is used on
 * purpose: its `contentType` is any string, so a test can store a type the client does not
 * know yet (a sticker, say) and check that the client degrades gracefully.
 */
export type StoredMessage = z.input<typeof messageDto>;

/** The `whatsapp:message` payload as sent on the wire (input side, for the same reason). */
export type WhatsAppMessageEventWire = z.input<typeof whatsappMessageEvent>;

/** One stored incoming message together with where it went: exactly the event payload. */
export type InjectedMessage = WhatsAppMessageEventWire;

export interface SimOrganization {
  id: string;
  name: string;
}

export interface SimInstance {
  id: string;
  organizationId: string;
  name: string;
  status: InstanceStatus;
  phoneNumber?: string;
}

export interface SimConversation {
  id: string;
  organizationId: string;
  contactId: string;
  contactName?: string;
  contactPhone: string;
  createdAt: string;
  lastMessageAt: string;
  lastMessagePreview?: string;
  unreadCount: number;
  /** Oldest first, ordered by timestamp. */
  messages: StoredMessage[];
}

export interface SimulatorState {
  accounts: SimulatorAccount[];
  organizations: SimOrganization[];
  instances: SimInstance[];
  conversations: SimConversation[];
}

export type SimulatorStateErrorKind = 'not_found' | 'invalid' | 'conflict';

/** A refusal that maps onto an HTTP status (404 / 400 / 409) at the edge. */
export class SimulatorStateError extends Error {
  constructor(
    readonly kind: SimulatorStateErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SimulatorStateError';
  }
}

export function createEmptyState(accounts: SimulatorAccount[] = []): SimulatorState {
  const state: SimulatorState = {
    accounts: [],
    organizations: [],
    instances: [],
    conversations: [],
  };
  for (const account of accounts) addAccount(state, account);
  return state;
}

/** Registers the account and, if new, its organization. Returns whether the organization is new. */
export function addAccount(state: SimulatorState, account: SimulatorAccount): boolean {
  if (!state.accounts.some((a) => a.token === account.token)) state.accounts.push({ ...account });
  if (findOrganization(state, account.organizationId)) return false;
  state.organizations.push({
    id: account.organizationId,
    name: account.organizationName ?? account.organizationId,
  });
  return true;
}

export function findOrganization(state: SimulatorState, organizationId: string): SimOrganization | undefined {
  return state.organizations.find((org) => org.id === organizationId);
}

export function defaultOrganizationId(state: SimulatorState): string {
  const first = state.accounts[0]?.organizationId ?? state.organizations[0]?.id;
  if (first === undefined) throw new SimulatorStateError('not_found', 'The simulator has no organization');
  return first;
}

function requireOrganization(state: SimulatorState, organizationId: string): SimOrganization {
  const org = findOrganization(state, organizationId);
  if (!org) throw new SimulatorStateError('not_found', `Unknown organization ${organizationId}`);
  return org;
}

// ---- instances ---------------------------------------------------------------

export function addInstance(
  state: SimulatorState,
  organizationId: string,
  name: string,
  init: { status?: InstanceStatus; phoneNumber?: string } = {},
): SimInstance {
  requireOrganization(state, organizationId);
  const instance: SimInstance = {
    id: randomUUID(),
    organizationId,
    name,
    status: init.status ?? 'disconnected',
    ...(init.phoneNumber !== undefined ? { phoneNumber: init.phoneNumber } : {}),
  };
  state.instances.push(instance);
  return instance;
}

/** `organizationId` undefined means "any organization" (control endpoints are not scoped). */
export function findInstance(
  state: SimulatorState,
  organizationId: string | undefined,
  instanceId: string,
): SimInstance | undefined {
  return state.instances.find(
    (i) => i.id === instanceId && (organizationId === undefined || i.organizationId === organizationId),
  );
}

export function requireInstance(
  state: SimulatorState,
  organizationId: string | undefined,
  instanceId: string,
): SimInstance {
  const instance = findInstance(state, organizationId, instanceId);
  if (!instance) throw new SimulatorStateError('not_found', `Unknown instance ${instanceId}`);
  return instance;
}

export function listInstances(state: SimulatorState, organizationId: string): InstanceDto[] {
  return state.instances
    .filter((i) => i.organizationId === organizationId)
    .map((i) => ({
      id: i.id,
      name: i.name,
      status: i.status,
      ...(i.phoneNumber !== undefined ? { phoneNumber: i.phoneNumber } : {}),
    }));
}

/**
 * A restarted backend has lost its in-flight WhatsApp handshakes; without this an
 * instance would claim to be connecting forever with no QR ever coming.
 */
export function resetInterruptedConnections(state: SimulatorState): void {
  for (const instance of state.instances) {
    if (instance.status === 'connecting') instance.status = 'disconnected';
  }
}

// ---- conversations -----------------------------------------------------------

export interface NewContact {
  name?: string;
  phone?: string;
}

export function createConversation(
  state: SimulatorState,
  organizationId: string,
  contact: NewContact = {},
  now: Date = new Date(),
): SimConversation {
  requireOrganization(state, organizationId);
  const name = contact.name ?? (contact.phone === undefined ? randomContactName() : undefined);
  const conversation: SimConversation = {
    id: randomUUID(),
    organizationId,
    contactId: randomUUID(),
    ...(name !== undefined ? { contactName: name } : {}),
    contactPhone: contact.phone ?? generateBrazilianPhoneNumber(),
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

// ---- messages ----------------------------------------------------------------

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
  const conversation = requireConversation(state, organizationId, conversationId);
  const message: StoredMessage = {
    // Messages sent through Baileys carry the web client's id shape.
    id: generateMessageId('web'),
    content,
    contentType: 'text',
    direction: 'outgoing',
    timestamp: nextTimestamp(conversation, now),
  };
  insertMessage(conversation, message, { checkId: false });
  conversation.unreadCount = 0;
  return { ...message };
}
