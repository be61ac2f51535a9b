/**
 * The simulator's data, its accounts and organizations. The operations on instances,
 * conversations and messages live beside it (state-*.ts), all with no I/O, sockets or timers.
 *
 * The state is plain JSON-compatible data so that it can outlive a simulator: a test
 * stops a simulator, changes its state with these helpers (messages that "arrived while
 * the app was offline"), then starts a new simulator on the same port with that state.
 */
import type { z } from 'zod';
import type { whatsappMessageEvent } from '../shared/events';
import type { InstanceStatus, messageDto } from '../shared/rest';

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
  /** The WhatsApp number the chat came in on (absent in states from before it was kept). */
  instanceId?: string;
  createdAt: string;
  lastMessageAt: string;
  lastMessagePreview?: string;
  unreadCount: number;
  /** Oldest first, ordered by timestamp. */
  messages: StoredMessage[];
  /** clientMessageId → the id of the reply stored with it (absent in states from before it was kept). */
  sentByClientId?: Record<string, string>;
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

export function requireOrganization(state: SimulatorState, organizationId: string): SimOrganization {
  const org = findOrganization(state, organizationId);
  if (!org) throw new SimulatorStateError('not_found', `Unknown organization ${organizationId}`);
  return org;
}
