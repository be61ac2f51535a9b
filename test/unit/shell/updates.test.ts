// The update controller as the runtime's UpdatesPort, and when the Electron host has one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UpdateController, UpdaterEventMap, UpdaterPort } from '../../../src/main/shell/update-controller';
import { EventEmitter } from 'node:events';
import {
  createElectronUpdates,
  restartQuitHooks,
  toUpdatesPort,
  updatesEnabled,
} from '../../../src/main/shell/updates';

function fakeController(overrides: Partial<UpdateController> = {}): UpdateController {
  return {
    state: vi.fn(() => ({ status: 'idle' as const, channel: 'stable' as const })),
    onChange: vi.fn(() => () => undefined),
    start: vi.fn(),
    stop: vi.fn(),
    checkNow: vi.fn(async () => undefined),
    restartToUpdate: vi.fn(() => true),
    later: vi.fn(),
    setChannel: vi.fn(async () => undefined),
    ...overrides,
  };
}

const hooks = () => ({
  beforeRestart: vi.fn(),
  restartCancelled: vi.fn(),
  logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
});

afterEach(() => vi.useRealTimers());

describe('toUpdatesPort', () => {
  it('marks the app as quitting before it restarts to update', () => {
    const order: string[] = [];
    const controller = fakeController({ restartToUpdate: vi.fn(() => (order.push('restart'), true)) });
    const h = hooks();
    h.beforeRestart.mockImplementation(() => order.push('quitting'));
    toUpdatesPort(controller, h).restartToUpdate();
    expect(order).toEqual(['quitting', 'restart']);
    expect(h.restartCancelled).not.toHaveBeenCalled();
  });

  it('calls the quit off when there was nothing to install, or the updater threw', () => {
    const h = hooks();
    toUpdatesPort(fakeController({ restartToUpdate: vi.fn(() => false) }), h).restartToUpdate();
    expect(h.restartCancelled).toHaveBeenCalledTimes(1);
    const throwing = fakeController({
      restartToUpdate: vi.fn(() => {
        throw new Error('boom');
      }),
    });
    expect(() => toUpdatesPort(throwing, h).restartToUpdate()).toThrow('boom');
    expect(h.restartCancelled).toHaveBeenCalledTimes(2);
  });

  it('calls the quit off when electron-updater silently declines (no quit follows the restart)', () => {
    vi.useFakeTimers();
    const h = hooks();
    let quitListener: (() => void) | undefined;
    const stop = vi.fn();
    const port = toUpdatesPort(
      fakeController({ restartToUpdate: vi.fn(() => true) }),
      { ...h, onQuitStarted: (listener) => ((quitListener = listener), stop) },
      5_000,
    );
    // Declined: quitAndInstall returned, and the app never began to quit.
    port.restartToUpdate();
    expect(h.beforeRestart).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(4_999);
    expect(h.restartCancelled).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(h.restartCancelled).toHaveBeenCalledTimes(1);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(h.logger.warn).toHaveBeenCalledWith(expect.stringContaining('declined'));

    // Accepted: the app starts quitting; the flag stays set.
    port.restartToUpdate();
    quitListener?.();
    vi.advanceTimersByTime(10_000);
    expect(h.restartCancelled).toHaveBeenCalledTimes(1);
  });

  it('forwards the rest, and never lets a rejected promise go unhandled', async () => {
    const controller = fakeController({
      checkNow: vi.fn(async () => Promise.reject(new Error('offline'))),
      setChannel: vi.fn(async () => Promise.reject(new Error('nope'))),
    });
    const h = hooks();
    const port = toUpdatesPort(controller, h);
    port.checkNow();
    port.setChannel('beta');
    port.later();
    const listener = vi.fn();
    port.onChange(listener);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(controller.checkNow).toHaveBeenCalled();
    expect(controller.setChannel).toHaveBeenCalledWith('beta');
    expect(controller.later).toHaveBeenCalled();
    expect(controller.onChange).toHaveBeenCalledWith(listener);
    expect(port.state()).toEqual({ status: 'idle', channel: 'stable' });
    expect(h.logger.warn).toHaveBeenCalledTimes(2);
  });
});

describe('restartQuitHooks', () => {
  it('saves the state before the updater restarts (the Windows installer closes AuZap by force soon after)', () => {
    const order: string[] = [];
    const quit = { markQuitting: vi.fn(() => order.push('quitting')), cancel: vi.fn() };
    const saveNow = vi.fn(() => order.push('saved'));
    const controller = fakeController({ restartToUpdate: vi.fn(() => (order.push('restart'), true)) });
    toUpdatesPort(
      controller,
      restartQuitHooks({ app: new EventEmitter(), squirrel: null, quit, saveNow }),
    ).restartToUpdate();
    expect(order).toEqual(['quitting', 'saved', 'restart']);
  });

  it('saves too when Squirrel.Mac closes the windows on its own, and a failed save never stops the restart', () => {
    const squirrel = new EventEmitter();
    const quit = { markQuitting: vi.fn(), cancel: vi.fn() };
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const saveNow = vi.fn(() => {
      throw new Error('disk full');
    });
    const restart = vi.fn(() => true);
    const port = toUpdatesPort(
      fakeController({ restartToUpdate: restart }),
      restartQuitHooks({ app: new EventEmitter(), squirrel, quit, saveNow, logger }),
    );
    squirrel.emit('before-quit-for-update');
    expect(saveNow).toHaveBeenCalledOnce();
    expect(quit.markQuitting).toHaveBeenCalledOnce();
    port.restartToUpdate();
    expect(restart).toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('disk full'));
  });
});

describe('createElectronUpdates', () => {
  function fakeUpdater() {
    const listeners = new Map<string, (...args: never[]) => void>();
    const port: UpdaterPort & { emit(event: keyof UpdaterEventMap, ...args: unknown[]): void } = {
      autoDownload: true,
      installsOnQuit: true,
      checkForUpdates: vi.fn(async () => undefined),
      downloadUpdate: vi.fn(async () => undefined),
      quitAndInstall: vi.fn(),
      setChannel: vi.fn(),
      setInstallOnQuit: vi.fn(),
      on: vi.fn((event, listener) => void listeners.set(event, listener as never)),
      emit: (event, ...args) => (listeners.get(event) as ((...a: unknown[]) => void) | undefined)?.(...args),
    };
    return port;
  }

  it('checks after the first delay, and reports states through the port', async () => {
    vi.useFakeTimers();
    const updater = fakeUpdater();
    const updates = createElectronUpdates(updater, hooks(), 1_000);
    const states: string[] = [];
    updates.port.onChange((s) => states.push(s.status));
    updates.start();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    updater.emit('update-downloaded', { version: '2.0.0' });
    expect(updates.port.state()).toMatchObject({ status: 'downloaded', version: '2.0.0' });
    expect(states).toContain('downloaded');
    updates.port.restartToUpdate();
    expect(updater.quitAndInstall).toHaveBeenCalled();
    updates.stop();
  });

  it('takes the saved channel from the runtime', async () => {
    const updater = fakeUpdater();
    const updates = createElectronUpdates(updater, hooks(), 60_000);
    updates.port.setChannel('beta');
    await Promise.resolve();
    expect(updater.setChannel).toHaveBeenCalledWith('beta');
    expect(updates.port.state().channel).toBe('beta');
    updates.stop();
  });
});

describe('updatesEnabled', () => {
  it('is on for a packaged app, or an unpackaged one given a feed', () => {
    expect(updatesEnabled(true, null)).toBe(true);
    expect(updatesEnabled(false, null)).toBe(false);
    expect(updatesEnabled(false, 'http://127.0.0.1:8080/')).toBe(true);
  });
});
