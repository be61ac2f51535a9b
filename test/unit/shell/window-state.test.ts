// Where the window comes back: the saved place when it is still on a display, moved
// and shrunk just enough to fit; otherwise the saved size, centred by the OS.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isRect,
  placeWindow,
  readWindowState,
  trackWindowState,
  type KeyValueStore,
  type Rect,
} from '../../../src/main/shell/window-state';

const LIMITS = { width: 1100, height: 720, minWidth: 720, minHeight: 480 };
const FULL_HD: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT_MONITOR: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('placeWindow', () => {
  it('uses the default size and lets the OS centre a first window', () => {
    expect(placeWindow(undefined, [FULL_HD], LIMITS)).toEqual({ width: 1100, height: 720 });
  });

  it('fits the default size on a small screen, but not below the minimum', () => {
    expect(placeWindow(undefined, [{ x: 0, y: 0, width: 1024, height: 600 }], LIMITS)).toEqual({
      width: 1024,
      height: 600,
    });
    expect(placeWindow(undefined, [{ x: 0, y: 0, width: 640, height: 400 }], LIMITS)).toEqual({
      width: 720,
      height: 480,
    });
  });

  it('keeps a saved place that is fully visible', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800 };
    expect(placeWindow(saved, [FULL_HD], LIMITS)).toEqual(saved);
  });

  it('keeps a place on a second display that is still there', () => {
    const saved = { x: 2200, y: 100, width: 1400, height: 900 };
    expect(placeWindow(saved, [FULL_HD, RIGHT_MONITOR], LIMITS)).toEqual(saved);
  });

  it('forgets the place on a display that was unplugged, keeping the size', () => {
    const saved = { x: 2200, y: 100, width: 1400, height: 900 };
    expect(placeWindow(saved, [FULL_HD], LIMITS)).toEqual({ width: 1400, height: 900 });
  });

  it('pulls a window hanging off the right edge back in', () => {
    expect(placeWindow({ x: 1500, y: 100, width: 1000, height: 700 }, [FULL_HD], LIMITS)).toEqual({
      x: 920,
      y: 100,
      width: 1000,
      height: 700,
    });
  });

  it('shrinks a window larger than its display', () => {
    expect(placeWindow({ x: 10, y: 10, width: 3000, height: 2000 }, [FULL_HD], LIMITS)).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
    });
  });

  it('does not trust a place whose title bar is off-screen', () => {
    expect(placeWindow({ x: 100, y: -600, width: 1000, height: 700 }, [FULL_HD], LIMITS)).toEqual({
      width: 1000,
      height: 700,
    });
    // Only a sliver of the title bar on the display is not enough either.
    expect(placeWindow({ x: -990, y: 100, width: 1000, height: 700 }, [FULL_HD], LIMITS)).toEqual({
      width: 1000,
      height: 700,
    });
  });

  it('follows a display with a negative origin (a monitor left of the primary)', () => {
    const left: Rect = { x: -1280, y: 0, width: 1280, height: 984 };
    const saved = { x: -1200, y: 50, width: 1000, height: 700 };
    expect(placeWindow(saved, [FULL_HD, left], LIMITS)).toEqual(saved);
  });

  it('picks the display holding most of the title bar', () => {
    const saved = { x: 1800, y: 100, width: 1000, height: 700 };
    // 120 px on the left display, 880 px on the right one.
    expect(placeWindow(saved, [FULL_HD, RIGHT_MONITOR], LIMITS)).toEqual({ ...saved, x: 1920 });
  });

  it('ignores garbage', () => {
    expect(placeWindow({ x: Number.NaN, y: 0, width: 100, height: 100 }, [FULL_HD], LIMITS)).toEqual({
      width: 1100,
      height: 720,
    });
    expect(placeWindow({ x: 0, y: 0, width: -5, height: 100 }, [FULL_HD], LIMITS)).toEqual({
      width: 1100,
      height: 720,
    });
    expect(placeWindow(undefined, [], LIMITS)).toEqual({ width: 1100, height: 720 });
  });

  it('enforces the minimum size on a tiny saved window', () => {
    expect(placeWindow({ x: 10, y: 10, width: 200, height: 100 }, [FULL_HD], LIMITS)).toEqual({
      x: 10,
      y: 10,
      width: 720,
      height: 480,
    });
  });
});

function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Record<string, unknown> } {
  const data = { ...initial };
  return { data, get: (key) => data[key], set: (key, value) => void (data[key] = value) };
}

describe('the saved window state', () => {
  it('reads a valid document and refuses a broken one', () => {
    const bounds = { x: 1, y: 2, width: 800, height: 600 };
    expect(readWindowState(memoryStore({ window: { bounds, maximized: true } }))).toEqual({ bounds, maximized: true });
    expect(readWindowState(memoryStore({ window: { bounds } }))).toEqual({ bounds, maximized: false });
    expect(readWindowState(memoryStore({ window: { bounds: { x: 'a' } } }))).toBeUndefined();
    expect(readWindowState(memoryStore({ window: 'nope' }))).toBeUndefined();
    expect(readWindowState(memoryStore())).toBeUndefined();
    expect(isRect({ x: 0, y: 0, width: 1, height: Infinity })).toBe(false);
  });
});

describe('trackWindowState', () => {
  afterEach(() => vi.useRealTimers());

  function fakeWindow() {
    const listeners = new Map<string, () => void>();
    let bounds = { x: 10, y: 20, width: 900, height: 700 };
    const win = {
      on: vi.fn((event: string, listener: () => void) => {
        listeners.set(event, listener);
        return win;
      }),
      getNormalBounds: () => bounds,
      isMaximized: vi.fn(() => false),
      isMinimized: vi.fn(() => false),
      isFullScreen: vi.fn(() => false),
      isDestroyed: () => false,
    };
    return {
      win,
      emit: (event: string) => listeners.get(event)?.(),
      setBounds: (next: typeof bounds) => (bounds = next),
    };
  }

  it('saves moves and resizes after they settle, and at once on close', () => {
    vi.useFakeTimers();
    const store = memoryStore();
    const { win, emit, setBounds } = fakeWindow();
    trackWindowState(win as never, store, 500);
    emit('move');
    setBounds({ x: 50, y: 60, width: 900, height: 700 });
    emit('move');
    expect(store.data.window).toBeUndefined();
    vi.advanceTimersByTime(500);
    expect(store.data.window).toEqual({ bounds: { x: 50, y: 60, width: 900, height: 700 }, maximized: false });

    setBounds({ x: 70, y: 80, width: 1000, height: 750 });
    emit('resize');
    emit('close');
    expect(store.data.window).toEqual({ bounds: { x: 70, y: 80, width: 1000, height: 750 }, maximized: false });
  });

  it('remembers maximized with the normal bounds underneath', () => {
    const store = memoryStore();
    const { win, emit } = fakeWindow();
    trackWindowState(win as never, store);
    win.isMaximized.mockReturnValue(true);
    emit('maximize');
    expect(store.data.window).toEqual({ bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true });
  });

  it('does not save a minimized or full-screen window, nor fail on a store that throws', () => {
    const store = memoryStore();
    const { win, emit } = fakeWindow();
    trackWindowState(win as never, store);
    win.isMinimized.mockReturnValue(true);
    emit('close');
    expect(store.data.window).toBeUndefined();
    win.isMinimized.mockReturnValue(false);
    store.set = () => {
      throw new Error('read-only');
    };
    expect(() => emit('close')).not.toThrow();
  });
});
