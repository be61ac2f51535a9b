/**
 * The trust boundary for server events: every payload is parsed by the shared
 * schema before anything else sees it. A payload that does not parse is dropped and
 * counted; each distinct (event, reason) is logged once — and only the first
 * MAX_LOGGED_REASONS of them — so a misbehaving backend cannot flood the log.
 */
import { parseServerEvent, type ServerEvent, type ServerEventName } from '../shared/events';
import { quoteForLog, sanitizeLogText } from './logging';
import type { Clock, Logger } from './ports';

/** Distinct malformed-event reasons that get a log line; the rest are only counted. */
export const MAX_LOGGED_REASONS = 50;
/** The reason kept for the status bar. */
const REASON_MAX_CHARS = 300;

export interface DroppedEvent {
  event: string;
  reason: string;
  at: string;
}

export interface EventGate {
  receive(name: ServerEventName, payload: unknown): void;
  readonly droppedCount: number;
  readonly lastDropped: DroppedEvent | null;
}

export function createEventGate(options: {
  logger: Logger;
  clock: Clock;
  onEvent: (event: ServerEvent) => void;
  onDropped?: (dropped: DroppedEvent) => void;
}): EventGate {
  let droppedCount = 0;
  let lastDropped: DroppedEvent | null = null;
  const logged = new Set<string>();

  return {
    receive(name, payload) {
      const parsed = parseServerEvent(name, payload);
      if (parsed.ok) {
        options.onEvent(parsed.value);
        return;
      }
      droppedCount += 1;
      const reason = sanitizeLogText(parsed.reason, REASON_MAX_CHARS);
      lastDropped = { event: name, reason, at: new Date(options.clock.now()).toISOString() };
      const key = `${name}\u0000${reason}`;
      if (!logged.has(key) && logged.size < MAX_LOGGED_REASONS) {
        logged.add(key);
        options.logger.warn(
          `dropped malformed ${quoteForLog(name)} event: ${reason} (identical drops are counted, not logged again)`,
        );
        if (logged.size === MAX_LOGGED_REASONS) {
          options.logger.warn(
            `${MAX_LOGGED_REASONS} kinds of malformed events so far: further kinds are counted, not logged`,
          );
        }
      }
      options.onDropped?.(lastDropped);
    },
    get droppedCount() {
      return droppedCount;
    },
    get lastDropped() {
      return lastDropped;
    },
  };
}
