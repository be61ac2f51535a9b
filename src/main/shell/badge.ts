/**
 * The unread count outside the tray: the dock / launcher badge (`app.setBadgeCount`:
 * macOS dock, Unity-compatible Linux launchers), the Windows taskbar overlay (with a
 * description screen readers announce) and the window title, "(3) AuZap".
 *
 * The window may come and go (and be re-created) while the count changes: the sink
 * keeps the last count and `attachWindow` paints it onto a new window.
 */
import type { BrowserWindow, NativeImage } from 'electron';
import type { TraySink, TrayState } from '../../core/ports';
import { trayBadgeText } from './tray-icon';

export const APP_TITLE = 'AuZap';

export function windowTitle(count: number): string {
  const label = trayBadgeText(count);
  return label ? `(${label}) ${APP_TITLE}` : APP_TITLE;
}

/** What a screen reader says about the taskbar overlay. */
export function unreadDescription(count: number): string {
  if (count <= 0) return '';
  return count === 1 ? '1 unread message' : `${count} unread messages`;
}

type BadgedWindow = Pick<BrowserWindow, 'isDestroyed' | 'setTitle' | 'setOverlayIcon'>;

export interface BadgeSinkOptions {
  platform: NodeJS.Platform;
  /** `app.setBadgeCount`. */
  setBadgeCount(count: number): boolean;
  getWindow(): BadgedWindow | null;
  /** The small image drawn over the taskbar button on Windows (16 px, 32 px at 2×). */
  overlayImage(state: Pick<TrayState, 'badgeCount'>): NativeImage;
}

export interface BadgeSink extends TraySink {
  /** Paints the current count onto a (new) window. */
  attachWindow(win: BadgedWindow): void;
  count(): number;
}

export function createBadgeSink(options: BadgeSinkOptions): BadgeSink {
  let count = -1;

  const paintWindow = (win: BadgedWindow | null, n: number) => {
    if (!win || win.isDestroyed()) return;
    win.setTitle(windowTitle(n));
    if (options.platform === 'win32') {
      win.setOverlayIcon(n > 0 ? options.overlayImage({ badgeCount: n }) : null, unreadDescription(n));
    }
  };

  return {
    update(state) {
      const next = Math.max(0, Math.floor(state.badgeCount));
      if (next === count) return;
      count = next;
      // A no-op (false) where the desktop has no badge support; never an error.
      try {
        options.setBadgeCount(next);
      } catch {
        // ignore
      }
      paintWindow(options.getWindow(), next);
    },
    attachWindow(win) {
      paintWindow(win, Math.max(0, count));
    },
    count: () => Math.max(0, count),
  };
}
