/**
 * Remembers the main window's size, position and maximized state between runs
 * (electron-store, see stores.ts), and puts it back somewhere visible: a monitor that
 * was unplugged or a resolution that shrank must not leave the window off-screen.
 *
 * `placeWindow` is pure (rectangles in, rectangle out); the keeper only reads and
 * writes the store and listens to the window.
 */
import type { BrowserWindow } from 'electron';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowSizeLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

export interface SavedWindowState {
  bounds: Rect;
  maximized: boolean;
}

/** What BrowserWindow gets: a size always, a position only when it is known to be visible. */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/** The smallest part of the title-bar area that must be on a display for the old position to count. */
const MIN_VISIBLE = { width: 120, height: 40 };

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    isFiniteNumber(r.x) &&
    isFiniteNumber(r.y) &&
    isFiniteNumber(r.width) &&
    isFiniteNumber(r.height) &&
    r.width > 0 &&
    r.height > 0
  );
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/**
 * Where the window goes, given the saved bounds and the work areas of the connected
 * displays (primary first). The saved position is kept when enough of the window's top
 * strip (where the title bar is) lies on a display; the window is then moved and shrunk
 * just enough to fit that display. Otherwise it gets its saved size (capped to the
 * primary display) and no position, so the OS centres it.
 */
export function placeWindow(
  saved: Rect | undefined,
  workAreas: readonly Rect[],
  limits: WindowSizeLimits,
): WindowPlacement {
  const primary = workAreas[0];
  const fitSize = (width: number, height: number, area: Rect | undefined) => ({
    width: Math.round(clamp(width, limits.minWidth, area ? area.width : width)),
    height: Math.round(clamp(height, limits.minHeight, area ? area.height : height)),
  });
  if (!saved || !isRect(saved)) return fitSize(limits.width, limits.height, primary);

  const titleStrip: Rect = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(saved.height, 48) };
  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(titleStrip, area);
    if (
      o.width >= Math.min(MIN_VISIBLE.width, saved.width) &&
      o.height >= Math.min(MIN_VISIBLE.height, titleStrip.height)
    ) {
      if (o.width * o.height > bestArea) {
        best = area;
        bestArea = o.width * o.height;
      }
    }
  }
  if (!best) return fitSize(saved.width, saved.height, primary);

  const size = fitSize(saved.width, saved.height, best);
  return {
    x: Math.round(clamp(saved.x, best.x, best.x + best.width - size.width)),
    y: Math.round(clamp(saved.y, best.y, best.y + best.height - size.height)),
    ...size,
  };
}

/** The part of electron-store the keeper uses (a Map-like fake in tests). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export function readWindowState(store: KeyValueStore): SavedWindowState | undefined {
  const value = store.get('window');
  if (typeof value !== 'object' || value === null) return undefined;
  const { bounds, maximized } = value as Record<string, unknown>;
  return isRect(bounds) ? { bounds, maximized: maximized === true } : undefined;
}

type TrackedWindow = Pick<
  BrowserWindow,
  'on' | 'getNormalBounds' | 'isMaximized' | 'isMinimized' | 'isFullScreen' | 'isDestroyed'
>;

/**
 * Saves the window's normal (un-maximized) bounds after it moved or was resized
 * (debounced), and at once when it closes or hides. Returns a function that saves now.
 */
export function trackWindowState(win: TrackedWindow, store: KeyValueStore, debounceMs = 500): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    try {
      store.set('window', { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch {
      // A read-only disk must not break closing the window.
    }
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', save);
  win.on('unmaximize', save);
  win.on('close', save);
  win.on('hide', save);
  return save;
}
