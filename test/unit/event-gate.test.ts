import { describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../src/shared/events';
import { createEventGate, MAX_LOGGED_REASONS } from '../../src/core/event-gate';
import type { Logger } from '../../src/core/ports';

function recordingLogger() {
  const warnings: string[] = [];
  const logger: Logger = { info: () => undefined, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) };
  return { logger, warnings };
}

const at = '2026-11-26T10:00:00.000Z';

describe('event gate', () => {
  it('passes valid events on and drops, counts and logs malformed ones', () => {
    const { logger, warnings } = recordingLogger();
    const accepted: ServerEvent[] = [];
    const gate = createEventGate({ logger, clock: { now: () => Date.parse(at) }, onEvent: (e) => accepted.push(e) });

    gate.receive('whatsapp:qr', { instanceId: 'i', qr: 'q', timestamp: at });
    gate.receive('whatsapp:qr', { instanceId: 1, qr: 'q', timestamp: at });
    gate.receive('whatsapp:connected', 'not an object');

    expect(accepted.map((e) => e.name)).toEqual(['whatsapp:qr']);
    expect(gate.droppedCount).toBe(2);
    expect(gate.lastDropped).toMatchObject({ event: 'whatsapp:connected', at });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('"whatsapp:qr"');
    expect(warnings[0]).toContain('instanceId');
  });

  it('logs an identical malformed event once, but counts every one', () => {
    const { logger, warnings } = recordingLogger();
    const gate = createEventGate({ logger, clock: { now: () => 0 }, onEvent: () => undefined });
    for (let i = 0; i < 1000; i += 1) gate.receive('whatsapp:message', { nonsense: true });
    expect(gate.droppedCount).toBe(1000);
    expect(warnings).toHaveLength(1);
  });

  it('logs only the first kinds of malformed events, bounded in length, and counts them all', () => {
    const { logger, warnings } = recordingLogger();
    const gate = createEventGate({ logger, clock: { now: () => 0 }, onEvent: () => undefined });
    // Every distinct missing/extra combination is a distinct reason.
    const fields = ['instanceId', 'organizationId', 'phoneNumber', 'timestamp'] as const;
    let sent = 0;
    for (let mask = 0; mask < 16; mask += 1) {
      for (const wrong of [1, true, null, [], {}, 'x'.repeat(100_000)]) {
        const payload: Record<string, unknown> = {};
        fields.forEach((field, bit) => (payload[field] = mask & (1 << bit) ? wrong : 'ok'));
        gate.receive('whatsapp:connected', payload);
        sent += 1;
      }
    }
    expect(gate.droppedCount).toBe(sent);
    expect(warnings.length).toBeLessThanOrEqual(MAX_LOGGED_REASONS + 1);
    expect(warnings.every((line) => line.length < 600)).toBe(true);
    expect(gate.lastDropped?.reason.length).toBeLessThan(400);
  });
});
