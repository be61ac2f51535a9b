/**
 * Server → client emissions. Everything the simulator sends goes through one
 * `OrganizationEmitter`, which also records it, so tests can assert on what was sent
 * without a client and the log can never disagree with what sockets received.
 */
import type {
  WhatsAppConnectedEvent,
  WhatsAppDisconnectedEvent,
  WhatsAppPairingCodeEvent,
  WhatsAppQrEvent,
} from '../shared/events';
import type { WhatsAppMessageEventWire } from './state';

export interface WirePayloads {
  'whatsapp:qr': WhatsAppQrEvent;
  'whatsapp:pairing-code': WhatsAppPairingCodeEvent;
  'whatsapp:connected': WhatsAppConnectedEvent;
  'whatsapp:disconnected': WhatsAppDisconnectedEvent;
  'whatsapp:message': WhatsAppMessageEventWire;
}

export type WireEventName = keyof WirePayloads;

export interface EmittedEvent {
  organizationId: string;
  event: string;
  /** `undefined` when the event was emitted without a payload. */
  payload: unknown;
  /** ISO 8601. */
  at: string;
}

export interface OrganizationEmitter {
  emit<E extends WireEventName>(organizationId: string, event: E, payload: WirePayloads[E]): void;
  /** Anything at all, for proving the client survives malformed or unknown events. */
  emitRaw(organizationId: string, event: string, args: unknown[]): void;
}

/** Bounded so a long demo run with ambient traffic cannot grow memory without limit. */
export const EMITTED_LOG_LIMIT = 100_000;
/**
 * The log may run this far over the limit before its oldest entries go, all at once:
 * trimming on every emit once full moved 100,000 entries per event.
 */
const EMITTED_LOG_SLACK = EMITTED_LOG_LIMIT / 10;

export function recordEmission(log: EmittedEvent[], entry: EmittedEvent): void {
  log.push(entry);
  if (log.length > EMITTED_LOG_LIMIT + EMITTED_LOG_SLACK) log.splice(0, log.length - EMITTED_LOG_LIMIT);
}

export function organizationRoom(organizationId: string): string {
  return `org:${organizationId}`;
}
