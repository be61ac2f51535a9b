import { describe, expect, it } from 'vitest';
import { boundLogger, createBoundedLogger, quoteForLog, sanitizeLogText } from '../../src/core/logging';
import type { Logger } from '../../src/core/ports';

function recording() {
  const lines: string[] = [];
  const logger: Logger = {
    info: (m) => lines.push(`INFO ${m}`),
    warn: (m) => lines.push(`WARN ${m}`),
    error: (m) => lines.push(`ERROR ${m}`),
  };
  return { logger, lines, bytes: () => lines.reduce((sum, l) => sum + Buffer.byteLength(l) + 1, 0) };
}

function fakeClock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('log text from a server', () => {
  it('is one line, with control and invisible characters shown escaped', () => {
    expect(sanitizeLogText('a\nb\r\tc')).toBe('a b  c');
    expect(sanitizeLogText('evil\u202Eexe \u0007bell')).toBe('evil\\u{202E}exe \\u{7}bell');
  });

  it('is cut to a few hundred characters, saying how long it was', () => {
    const huge = 'x'.repeat(1_000_000);
    const line = sanitizeLogText(`id ${huge}`, 400);
    expect(line.length).toBeLessThan(450);
    expect(line).toContain('(1000003 chars in all)');
    expect(quoteForLog(huge).length).toBeLessThan(160);
    expect(quoteForLog({ nested: huge })).toMatch(/^"\{"nested":"x+… \(\d+ chars in all\)"$/);
  });

  it('never cuts an emoji in half', () => {
    const line = sanitizeLogText(`${'a'.repeat(9)}😀😀`, 10);
    expect(line.startsWith('aaaaaaaaa…')).toBe(true);
  });
});

describe('bounded logger', () => {
  it('writes an identical line once per minute and reports how often it was repeated', () => {
    const { logger, lines } = recording();
    const clock = fakeClock();
    const log = createBoundedLogger(logger, { clock });
    for (let i = 0; i < 1_000; i += 1) log.warn('ignored whatsapp:connected for another organization ("x")');
    expect(lines).toHaveLength(1);
    expect(log.suppressedCount).toBe(999);
    clock.advance(60_000);
    log.warn('ignored whatsapp:connected for another organization ("x")');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('(repeated 999 more times since it was last written)');
  });

  it('cuts a flood of distinct lines to a burst, then one a second, and says how many were dropped', () => {
    const { logger, lines } = recording();
    const clock = fakeClock();
    const log = createBoundedLogger(logger, { clock, burstLines: 100, linesPerMinute: 60 });
    for (let i = 0; i < 10_000; i += 1) log.warn(`server said ${i}`);
    expect(lines).toHaveLength(100);
    clock.advance(5_000);
    for (let i = 0; i < 100; i += 1) log.warn(`later ${i}`);
    expect(lines).toHaveLength(100 + 1 + 5);
    expect(lines[100]).toBe('WARN (9900 log lines were dropped: too many in a short time)');
  });

  it('10,000 hostile lines (some of 1 MB) add less than 100 KB', () => {
    const { logger, bytes } = recording();
    const log = createBoundedLogger(logger, { clock: fakeClock() });
    const big = 'A'.repeat(1_000_000);
    const long = 'B'.repeat(10_000);
    for (let i = 0; i < 10_000; i += 1) log.error(`${i} ${i % 500 === 0 ? big : long}\n\u202Eforged line`);
    expect(bytes()).toBeLessThan(100 * 1024);
  });

  it('wrapping twice does not halve the budget', () => {
    const { logger } = recording();
    const once = boundLogger(logger);
    expect(boundLogger(once)).toBe(once);
  });
});
