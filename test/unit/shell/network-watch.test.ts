// Back online or awake again: the runtime hears it at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchNetwork } from '../../../src/main/shell/network-watch';

afterEach(() => vi.useRealTimers());

describe('watchNetwork', () => {
  it('reports offline → online, not online → online', () => {
    vi.useFakeTimers();
    let online = true;
    const onMayHaveChanged = vi.fn();
    const stop = watchNetwork({ isOnline: () => online, onMayHaveChanged, intervalMs: 1_000 });
    vi.advanceTimersByTime(3_000);
    expect(onMayHaveChanged).not.toHaveBeenCalled();
    online = false;
    vi.advanceTimersByTime(1_000);
    online = true;
    vi.advanceTimersByTime(1_000);
    expect(onMayHaveChanged).toHaveBeenCalledTimes(1);
    stop();
    online = false;
    vi.advanceTimersByTime(1_000);
    online = true;
    vi.advanceTimersByTime(1_000);
    expect(onMayHaveChanged).toHaveBeenCalledTimes(1);
  });

  it('forwards resume and unlock from powerMonitor until stopped', () => {
    const listeners = new Map<string, () => void>();
    const power = { on: (event: string, listener: () => void) => listeners.set(event, listener) };
    const onMayHaveChanged = vi.fn();
    const stop = watchNetwork({ isOnline: () => true, onMayHaveChanged, power });
    listeners.get('resume')?.();
    listeners.get('unlock-screen')?.();
    expect(onMayHaveChanged).toHaveBeenCalledTimes(2);
    stop();
    listeners.get('resume')?.();
    expect(onMayHaveChanged).toHaveBeenCalledTimes(2);
  });

  it('survives an isOnline that throws', () => {
    vi.useFakeTimers();
    const stop = watchNetwork({
      isOnline: () => {
        throw new Error('not ready');
      },
      onMayHaveChanged: vi.fn(),
      intervalMs: 100,
    });
    expect(() => vi.advanceTimersByTime(500)).not.toThrow();
    stop();
  });
});
