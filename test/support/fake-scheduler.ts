/**
 * Clocks the tests move by hand, for the core's Scheduler port: no test sleeps
 * through a debounce, a throttle, a retry or a coalescing window.
 */
import type { Scheduler } from '../../src/core/ports';

interface Pending {
  at: number;
  seq: number;
  callback: () => void;
}

/** Runs due callbacks in time order (then in the order they were set), including ones they set. */
function runDue(pending: Set<Pending>, until: number, setNow: (ms: number) => void): void {
  for (;;) {
    let next: Pending | null = null;
    for (const timer of pending) {
      if (timer.at <= until && (!next || timer.at < next.at || (timer.at === next.at && timer.seq < next.seq))) {
        next = timer;
      }
    }
    if (!next) return;
    pending.delete(next);
    setNow(next.at);
    next.callback();
  }
}

/**
 * Lets the microtasks already queued run (a lone inbox change is pushed in one); the
 * fake clock does not move.
 */
export const afterCurrentTask = (): Promise<void> => new Promise((resolve) => queueMicrotask(resolve));

export interface FakeScheduler extends Scheduler {
  /** Moves time forward by `ms`, running every callback that falls due on the way. */
  advance(ms: number): void;
  /** How many callbacks are waiting. */
  pendingCount(): number;
}

/** Time stands still until the test calls `advance`. */
export function createFakeScheduler(startMs = Date.parse('2026-11-26T10:00:00.000Z')): FakeScheduler {
  let now = startMs;
  let seq = 0;
  const pending = new Set<Pending>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const timer: Pending = { at: now + Math.max(0, ms), seq: seq++, callback };
      pending.add(timer);
      return { cancel: () => void pending.delete(timer) };
    },
    advance(ms) {
      const until = now + ms;
      runDue(pending, until, (at) => (now = at));
      now = until;
    },
    pendingCount: () => pending.size,
  };
}

export interface WarpScheduler extends Scheduler {
  /** Jumps ahead by `ms` at once: the callbacks due on the way run now, in order. */
  skip(ms: number): void;
}

/**
 * Real time (sockets and servers in integration tests keep running), plus a jump
 * forward for the core's own timers: `skip(6_000)` instead of sleeping six seconds.
 */
export function createWarpScheduler(): WarpScheduler {
  let offset = 0;
  let seq = 0;
  const pending = new Set<Pending & { handle: ReturnType<typeof setTimeout> }>();
  const now = () => Date.now() + offset;
  return {
    now,
    setTimeout(callback, ms) {
      const timer = {
        at: now() + Math.max(0, ms),
        seq: seq++,
        callback,
        handle: setTimeout(() => {
          pending.delete(timer);
          callback();
        }, ms),
      };
      pending.add(timer);
      return {
        cancel: () => {
          clearTimeout(timer.handle);
          pending.delete(timer);
        },
      };
    },
    skip(ms) {
      offset += ms;
      const due = new Set([...pending].filter((timer) => timer.at <= now()));
      for (const timer of due) {
        clearTimeout(timer.handle);
        pending.delete(timer);
      }
      runDue(due, now(), () => undefined);
    },
  };
}
