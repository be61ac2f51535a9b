/**
 * Closing the window hides it: AuZap keeps its connection and keeps notifying from the
 * tray. The first time ever, a native notification says so (remembered in the store).
 * A real quit (the tray's "Quit AuZap", Cmd-Q / Ctrl+Q, the OS shutting down, an update
 * restarting the app) sets the quitting flag first, and then closing really closes.
 *
 * Where the desktop shows no tray (stock GNOME, see tray-support.ts) a hidden window
 * could never be found again: closing minimizes it instead, so it stays in the dock /
 * taskbar and keeps notifying, and the one-time notice says exactly that and how to quit.
 */
import type { BrowserWindow } from 'electron';
import type { DesktopNotification } from '../../core/ports';
import type { Locale } from '../../shared/i18n/locale';
import { translator } from '../../shared/i18n/translate';
import type { KeyValueStore } from './window-state';

export interface QuitFlag {
  readonly quitting: boolean;
  markQuitting(): void;
  /** A quit that was called off (an update restart that could not start). */
  cancel(): void;
}

export function createQuitFlag(): QuitFlag {
  let quitting = false;
  return {
    get quitting() {
      return quitting;
    },
    markQuitting() {
      quitting = true;
    },
    cancel() {
      quitting = false;
    },
  };
}

const NOTICE_KEY = 'closeToTrayNoticeShown';

/** "Shown once ever": a flag in the window store. */
export interface OneTimeNotice {
  shown(): boolean;
  markShown(): void;
}

export function storedNotice(store: KeyValueStore): OneTimeNotice {
  return {
    shown: () => store.get(NOTICE_KEY) === true,
    markShown() {
      try {
        store.set(NOTICE_KEY, true);
      } catch {
        // Not saved: the notice may show once more next run; nothing worse.
      }
    },
  };
}

export function closeToTrayNotice(
  platform: NodeJS.Platform,
  locale: Locale,
  trayAvailable = true,
): DesktopNotification {
  const { t } = translator(locale);
  const where = !trayAvailable ? 'minimized' : platform === 'darwin' ? 'menuBar' : 'tray';
  return { title: t(`closeToTray.${where}.title`), body: t(`closeToTray.${where}.body`) };
}

export interface CloseToTrayOptions {
  quit: Pick<QuitFlag, 'quitting'>;
  notice: OneTimeNotice;
  notify(notification: DesktopNotification): void;
  platform: NodeJS.Platform;
  /** The language of the notice, read when it is shown. */
  locale(): Locale;
  /** False where the desktop shows no tray (tray-support.ts): minimize instead of hiding. */
  trayAvailable?: () => boolean;
}

type ClosableWindow = Pick<BrowserWindow, 'on' | 'hide' | 'minimize' | 'isFullScreen' | 'setFullScreen' | 'once'>;

/** Makes `close` hide (or, with no tray, minimize) the window unless the app is quitting. */
export function attachCloseToTray(win: ClosableWindow, options: CloseToTrayOptions): void {
  win.on('close', (event) => {
    if (options.quit.quitting) return;
    event.preventDefault();
    const tray = options.trayAvailable?.() ?? true;
    if (!tray) {
      win.minimize();
    } else if (options.platform === 'darwin' && win.isFullScreen()) {
      // A full-screen window on macOS hides to a black Space; leave full screen first.
      win.once('leave-full-screen', () => win.hide());
      win.setFullScreen(false);
    } else {
      win.hide();
    }
    if (!options.notice.shown()) {
      options.notice.markShown();
      options.notify(closeToTrayNotice(options.platform, options.locale(), tray));
    }
  });
}
