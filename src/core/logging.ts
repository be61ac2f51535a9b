/**
 * Log lines often carry text a server chose (an organization id, an error message, a
 * malformed payload's reason), which makes the log a flood vector: twenty events with
 * 1 MB ids must not add 20 MB to it. Every logger a host hands the core is wrapped here:
 * - each line is one line (control and bidi characters are escaped) and bounded;
 * - an identical line is written once per minute; its repeats are counted, and the count
 *   is written with the line's next appearance;
 * - a flood of distinct lines is cut by a token bucket (a burst, then one line a second),
 *   and the number of lines dropped is written once the flood is over.
 * So the log grows by a bounded amount per minute whatever the server sends.
 */
import type { Clock, Logger } from './ports';

export const LOG_LINE_MAX_CHARS = 400;
/** For one piece of server-provided text inside a line. */
export const LOG_QUOTE_MAX_CHARS = 120;

const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** Cuts to `maxChars` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const last = text.charCodeAt(maxChars - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? maxChars - 1 : maxChars);
}

const escapeChar = (char: string) =>
  char === '\n' || char === '\r' || char === '\t'
    ? ' '
    : `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`;

/** One line, control and invisible characters shown as \u{…}, at most `maxChars` plus a short note when cut. */
export function sanitizeLogText(text: string, maxChars = LOG_LINE_MAX_CHARS): string {
  // Cut before escaping: escaping a 1 MB string only to throw most of it away would be a flood of its own.
  const head = cut(text, maxChars);
  const escaped = head.replace(UNSAFE, escapeChar);
  const shown = cut(escaped, maxChars);
  return head.length < text.length || shown.length < escaped.length ? `${shown}… (${text.length} chars in all)` : shown;
}

/** Server-provided text for a log line: quoted, sanitized, short. */
export function quoteForLog(value: unknown, maxChars = LOG_QUOTE_MAX_CHARS): string {
  const text = typeof value === 'string' ? value : describeValue(value);
  return `"${sanitizeLogText(text, maxChars)}"`;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export interface BoundedLoggerOptions {
  clock?: Clock;
  maxLineChars?: number;
  /** Lines that may be written at once before the rate limit applies. */
  burstLines?: number;
  /** Sustained rate after a burst. */
  linesPerMinute?: number;
  /** An identical line is written at most once per this window. */
  repeatWindowMs?: number;
  /** How many distinct recent lines are remembered for the repeat check. */
  rememberedLines?: number;
}

export interface BoundedLogger extends Logger {
  /** Lines not written (identical repeats and flood), for diagnostics and tests. */
  readonly suppressedCount: number;
}

type Level = keyof Logger;

const bounded = new WeakSet<Logger>();

export function createBoundedLogger(inner: Logger, options: BoundedLoggerOptions = {}): BoundedLogger {
  const clock = options.clock ?? { now: () => Date.now() };
  const maxLineChars = options.maxLineChars ?? LOG_LINE_MAX_CHARS;
  const burstLines = options.burstLines ?? 100;
  const refillPerMs = (options.linesPerMinute ?? 60) / 60_000;
  const repeatWindowMs = options.repeatWindowMs ?? 60_000;
  const rememberedLines = options.rememberedLines ?? 500;

  let tokens = burstLines;
  let refilledAt = clock.now();
  let floodDropped = 0;
  let suppressedCount = 0;
  /** Recently written lines (oldest first) and how often each was repeated since. */
  const recent = new Map<string, { at: number; repeats: number }>();

  const takeToken = (now: number): boolean => {
    tokens = Math.min(burstLines, tokens + (now - refilledAt) * refillPerMs);
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  const write = (level: Level, message: string) => {
    const line = sanitizeLogText(message, maxLineChars);
    const key = `${level}\u0000${line}`;
    const now = clock.now();
    const seen = recent.get(key);
    if (seen && now - seen.at < repeatWindowMs) {
      seen.repeats += 1;
      suppressedCount += 1;
      return;
    }
    if (!takeToken(now)) {
      floodDropped += 1;
      suppressedCount += 1;
      return;
    }
    if (floodDropped > 0) {
      inner.warn(`(${floodDropped} log lines were dropped: too many in a short time)`);
      floodDropped = 0;
    }
    const repeats = seen?.repeats ? ` (repeated ${seen.repeats} more times since it was last written)` : '';
    inner[level](line + repeats);
    recent.delete(key);
    recent.set(key, { at: now, repeats: 0 });
    if (recent.size > rememberedLines) {
      const oldest = recent.keys().next();
      if (!oldest.done) recent.delete(oldest.value);
    }
  };

  const logger: BoundedLogger = {
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message) => write('error', message),
    get suppressedCount() {
      return suppressedCount;
    },
  };
  bounded.add(logger);
  return logger;
}

/** The logger itself if it is already bounded (so wrapping twice never halves the budget), else a bounded wrapper. */
export function boundLogger(logger: Logger, options?: BoundedLoggerOptions): Logger {
  return bounded.has(logger) ? logger : createBoundedLogger(logger, options);
}
