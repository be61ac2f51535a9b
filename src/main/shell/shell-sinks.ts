/**
 * First-slice adapters of the core's shell ports for Electron: the unread badge on
 * the dock/launcher and the state in the window title. The tray icon and native
 * notifications grow here (issue: Electron shell).
 */
import { app, type BrowserWindow } from 'electron';
import type { DesktopNotification, Logger, Notifier, TraySink } from '../core/ports';

export function createElectronTraySink(getWindow: () => BrowserWindow | null): TraySink {
  return {
    update(state) {
      // Unity launchers and the macOS dock; a no-op where unsupported.
      app.setBadgeCount(state.badgeCount);
      const win = getWindow();
      if (win && !win.isDestroyed()) win.setTitle(state.badgeCount > 0 ? `(${state.badgeCount}) AuZap` : 'AuZap');
    },
  };
}

export function createLoggingNotifier(logger: Logger): Notifier {
  return {
    notify(notification: DesktopNotification) {
      logger.info(`notification: ${notification.title}`);
    },
  };
}
