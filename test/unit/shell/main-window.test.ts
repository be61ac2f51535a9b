// The main window over its lifetime: shown again from anywhere, re-created when gone, and
// — started hidden at login — maximized the first time it is shown if it was maximized.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createMainWindowController } from '../../../src/main/shell/main-window';

function fakeWindow() {
  const events = new EventEmitter();
  let destroyed = false;
  let minimized = false;
  const calls: string[] = [];
  const win = {
    calls,
    isDestroyed: () => destroyed,
    isMinimized: () => minimized,
    restore: vi.fn(() => (calls.push('restore'), (minimized = false))),
    maximize: vi.fn(() => void calls.push('maximize')),
    show: vi.fn(() => void calls.push('show')),
    focus: vi.fn(() => void calls.push('focus')),
    once: (event: string, listener: () => void) => (events.once(event, listener), win),
    minimizeNow: () => (minimized = true),
    destroy: () => ((destroyed = true), events.emit('closed')),
  };
  return win;
}

function setUp(maximized: boolean, platform: NodeJS.Platform = 'linux') {
  const windows: Array<ReturnType<typeof fakeWindow>> = [];
  const focusApp = vi.fn();
  const controller = createMainWindowController({
    create: () => {
      const win = fakeWindow();
      windows.push(win);
      return { win: win as never, maximized };
    },
    platform,
    focusApp,
  });
  return { controller, windows, focusApp };
}

describe('the main window controller', () => {
  it('started hidden at login, maximizes on first show when it was maximized last time — once', () => {
    const { controller, windows } = setUp(true);
    controller.open(false);
    controller.show();
    expect(windows[0]?.calls).toEqual(['maximize', 'show', 'focus']);
    controller.show();
    expect(windows[0]?.maximize).toHaveBeenCalledTimes(1);
  });

  it('does not maximize a window that was not maximized, nor one shown at start (window.ts did it)', () => {
    const plain = setUp(false);
    plain.controller.open(false);
    plain.controller.show();
    expect(plain.windows[0]?.maximize).not.toHaveBeenCalled();
    const shown = setUp(true);
    shown.controller.open(true);
    shown.controller.show();
    expect(shown.windows[0]?.maximize).not.toHaveBeenCalled();
  });

  it('restores a minimized window, and re-creates a destroyed one', () => {
    const { controller, windows } = setUp(false);
    controller.open(true);
    windows[0]?.minimizeNow();
    controller.show();
    expect(windows[0]?.calls).toEqual(['restore', 'show', 'focus']);
    windows[0]?.destroy();
    expect(controller.current()).toBeNull();
    controller.show();
    expect(windows).toHaveLength(2);
    expect(controller.current()).toBe(windows[1]);
  });

  it('brings the app forward on macOS', () => {
    const { controller, focusApp } = setUp(false, 'darwin');
    controller.open(true);
    controller.show();
    expect(focusApp).toHaveBeenCalled();
  });
});
