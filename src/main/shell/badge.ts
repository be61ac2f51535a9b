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

type BadgedWindow = Pick<BrowserWindow, 'isDestroyed' | 'setTitle' | 'setOverlayIcon'>;

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
    relabel() {
      paintWindow(options.getWindow(), Math.max(0, count));
    },
    count: () => Math.max(0, count),
  };
}
