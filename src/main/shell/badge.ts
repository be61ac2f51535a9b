/**
 * The unread count outside the tray: the dock / launcher badge (`app.setBadgeCount`:
 * macOS dock, Unity-compatible Linux launchers), the Windows taskbar overlay (with a
 * description screen readers announce) and the window title, "(3) AuZap".
 *
 * The window may come and go (and be re-created) while the count changes: the sink
 * keeps the last count and `attachWindow` paints it onto a new window, and again each
 * time the window is shown or restored: Windows drops a taskbar button's overlay when
 * the button goes away (hidden to the tray) or the taskbar is rebuilt, and Electron
 * keeps no copy to put back.
 *
 * macOS refuses the dock badge until the user allows notifications (`setBadgeCount`
 * says false): the count is offered again at the next update, show or focus.
 */
import type { BrowserWindow, NativeImage } from 'electron';
import type { TraySink, TrayState } from '../../core/ports';
import type { Locale } from '../../shared/i18n/locale';
import { translator } from '../../shared/i18n/translate';
import { trayBadgeText } from './tray-icon';

export function windowTitle(count: number, locale: Locale): string {
  const { t } = translator(locale);
  const label = trayBadgeText(count);
  return label ? t('app.titleUnread', { count: label }) : t('app.name');
}

/** What a screen reader says about the taskbar overlay. */
export function unreadDescription(count: number, locale: Locale): string {
  return count > 0 ? translator(locale).t('badge.unread', { count }) : '';
}

type BadgedWindow = Pick<BrowserWindow, 'isDestroyed' | 'setTitle' | 'setOverlayIcon'> & {
  on(event: 'show' | 'restore' | 'focus', listener: () => void): unknown;
};

export interface BadgeSinkOptions {
  platform: NodeJS.Platform;
  /** `app.setBadgeCount`. */
  setBadgeCount(count: number): boolean;
  getWindow(): BadgedWindow | null;
  /** The language of the title and the overlay's description, read at each paint. */
  locale(): Locale;
  /** The small image drawn over the taskbar button on Windows (16 px, 32 px at 2×). */
  overlayImage(state: Pick<TrayState, 'badgeCount'>): NativeImage;
}

export interface BadgeSink extends TraySink {
  /** Paints the current count onto a (new) window. */
  attachWindow(win: BadgedWindow): void;
  /** Paints the title and description again in the current language (after a switch in Settings). */
  relabel(): void;
  count(): number;
}

export function createBadgeSink(options: BadgeSinkOptions): BadgeSink {
  let count = -1;
  /** The dock refused the current count (macOS without notification permission yet). */
  let dockRefused = false;

  const setDock = (n: number) => {
    // A no-op (false) where the desktop has no badge support; never an error.
    try {
      dockRefused = !options.setBadgeCount(n) && options.platform === 'darwin';
    } catch {
      dockRefused = false;
    }
  };
  const retryDock = () => {
    if (dockRefused) setDock(Math.max(0, count));
  };

  const paintWindow = (win: BadgedWindow | null, n: number) => {
    if (!win || win.isDestroyed()) return;
    const locale = options.locale();
    win.setTitle(windowTitle(n, locale));
    if (options.platform === 'win32') {
      win.setOverlayIcon(n > 0 ? options.overlayImage({ badgeCount: n }) : null, unreadDescription(n, locale));
    }
  };

  return {
    update(state) {
      const next = Math.max(0, Math.floor(state.badgeCount));
      if (next === count) {
        retryDock();
        return;
      }
      count = next;
      setDock(next);
      paintWindow(options.getWindow(), next);
    },
    attachWindow(win) {
      const repaint = () => {
        retryDock();
        paintWindow(win, Math.max(0, count));
      };
      repaint();
      win.on('show', repaint);
      win.on('restore', repaint);
      win.on('focus', retryDock);
    },
    relabel() {
      retryDock();
      paintWindow(options.getWindow(), Math.max(0, count));
    },
    count: () => Math.max(0, count),
  };
}
