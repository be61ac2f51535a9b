/**
 * One callback at one wall-clock moment, re-armed by each set(). Timed mutes and pauses
 * end through it. A timer longer than Node's limit (about 24.8 days) would fire at once,
 * and a timer may fire early after the machine slept: both wait again until it is due.
 */
import type { Scheduler, Timer } from '../ports';

const LONGEST_TIMER_MS = 2 ** 31 - 1;

export interface Alarm {
  /** Calls back at `at` (epoch ms), instead of what was set before; null: never. */
  set(at: number | null): void;
  cancel(): void;
}

export function createAlarm(scheduler: Scheduler, onDue: () => void): Alarm {
  let timer: Timer | null = null;
  const cancel = () => {
    timer?.cancel();
    timer = null;
  };
  const set = (at: number | null) => {
    cancel();
    if (at === null) return;
    const wait = Math.min(Math.max(0, at - scheduler.now()), LONGEST_TIMER_MS);
    timer = scheduler.setTimeout(() => {
      timer = null;
      if (scheduler.now() >= at) onDue();
      else set(at);
    }, wait);
  };
  return { set, cancel };
}
