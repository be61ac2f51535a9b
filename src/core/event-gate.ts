/**
 * The trust boundary for server events: every payload is parsed by the shared
 * schema before anything else sees it. A payload that does not parse is dropped and
 * counted; each distinct (event, reason) is logged once so a misbehaving backend
 * cannot flood the log.
 */
import { parseServerEvent, type ServerEvent, type ServerEventName } from '../shared/events';
import type { Clock, Logger } from './ports';

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
      lastDropped = { event: name, reason: parsed.reason, at: new Date(options.clock.now()).toISOString() };
      const key = `${name}\u0000${parsed.reason}`;
      if (!logged.has(key)) {
        logged.add(key);
        options.logger.warn(
          `dropped malformed "${name}" event: ${parsed.reason} (identical drops are counted, not logged again)`,
        );
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
