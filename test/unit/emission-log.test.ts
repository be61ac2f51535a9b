// The simulator's emission log stays bounded on a long run, keeping the newest entries.
import { describe, expect, it } from 'vitest';
import { EMITTED_LOG_LIMIT, recordEmission, type EmittedEvent } from '../../src/simulator/emitter';

describe('the simulator emission log', () => {
  it('never holds more than 10% over its limit, and drops the oldest first', () => {
    const log: EmittedEvent[] = [];
    let longest = 0;
    const total = EMITTED_LOG_LIMIT * 2 + 123;
    for (let i = 0; i < total; i += 1) {
      recordEmission(log, { organizationId: 'org', event: 'whatsapp:message', payload: i, at: '' });
      longest = Math.max(longest, log.length);
    }
    expect(longest).toBeLessThanOrEqual(EMITTED_LOG_LIMIT * 1.1);
    expect(log.length).toBeGreaterThanOrEqual(EMITTED_LOG_LIMIT);
    expect(log.at(-1)?.payload).toBe(total - 1);
    // In order, with no gap: the newest entries, the oldest gone.
    expect(log.every((entry, i) => entry.payload === total - log.length + i)).toBe(true);
  });
});
