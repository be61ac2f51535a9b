/**
 * One object for "this thing has started things that must stop": what it holds is
 * released in reverse order of acquisition, each exactly once, and callbacks that
 * arrive after the stop (a REST answer still on its way, a timer racing the stop) are
 * turned into no-ops instead of each module keeping its own `stopped` flag.
 */
import { describeError } from '../shared/errors';
import type { Logger } from './ports';

export interface Lifecycle {
  /** True once `stop()` began. */
  readonly stopped: boolean;
  /** Registers a release; releases run last-registered first. After stop, it runs at once. */
  defer(release: () => void): void;
  /** The same function, doing nothing once stopped. */
  guard<A extends unknown[]>(callback: (...args: A) => void): (...args: A) => void;
  /** Runs every release (one that throws is logged, the others still run); later calls do nothing. */
  stop(): void;
}

export function createLifecycle(logger: Pick<Logger, 'error'>, name = 'a component'): Lifecycle {
  const releases: Array<() => void> = [];
  let stopped = false;
  const release = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      logger.error(`stopping ${name} failed in part: ${describeError(error, { stack: true })}`);
    }
  };
  return {
    get stopped() {
      return stopped;
    },
    defer(fn) {
      if (stopped) release(fn);
      else releases.push(fn);
    },
    guard:
      (callback) =>
      (...args) => {
        if (!stopped) callback(...args);
      },
    stop() {
      if (stopped) return;
      stopped = true;
      for (const fn of releases.splice(0).reverse()) release(fn);
    },
  };
}
