/**
 * The main window with everything attached: its remembered place and size, close-to-tray
 * (or minimize, with no tray), the session-end quit, crash recovery, the right-click menu
 * and the unread badge. The controller shows it (again) and re-creates it when gone.
 */
import { app, clipboard, Menu, screen, type BrowserWindow } from 'electron';
import type { DesktopNotification, Logger } from '../../core/ports';
import type { Locale } from '../../shared/i18n/locale';
import { windowTitle, type BadgeSink } from '../shell/badge';
import { attachCloseToTray, storedNotice, type QuitFlag } from '../shell/close-to-tray';
import { attachContextMenu } from '../shell/context-menu';
import { reloadAfterRendererCrash } from '../shell/crash-recovery';
import { createMainWindowController, type MainWindowController } from '../shell/main-window';
import { APP_ICON, resourcePath } from '../shell/runtime-assets';
import { createMainWindow } from '../shell/window';
import { placeWindow, readWindowState, trackWindowState, type KeyValueStore } from '../shell/window-state';

const WINDOW_LIMITS = { width: 1100, height: 720, minWidth: 720, minHeight: 480 };

export interface WindowWiringOptions {
  platform: NodeJS.Platform;
  logger: Logger;
  quit: QuitFlag;
  store: KeyValueStore;
  badge: Pick<BadgeSink, 'attachWindow'>;
  notify(notification: DesktopNotification): void;
  trayAvailable(): boolean;
  locale(): Locale;
  /** Windows is logging off or shutting down: save now, synchronously (it will not wait for a quit). */
  sessionEnding(): void;
}

export function createWindowWiring(options: WindowWiringOptions): MainWindowController<BrowserWindow> {
  const { platform, quit, store } = options;
  const icon = resourcePath(APP_ICON, app);
  return createMainWindowController<BrowserWindow>({
    platform,
    focusApp: () => app.focus({ steal: true }),
    create(show) {
      const saved = readWindowState(store);
      const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
      const win = createMainWindow({
        bounds: placeWindow(saved?.bounds, workAreas, WINDOW_LIMITS),
        maximized: saved?.maximized ?? false,
        show,
        minWidth: WINDOW_LIMITS.minWidth,
        minHeight: WINDOW_LIMITS.minHeight,
        icon,
        title: windowTitle(0, options.locale()),
      });
      trackWindowState(win, store);
      attachCloseToTray(win, {
        quit,
        notice: storedNotice(store),
        notify: options.notify,
        platform,
        trayAvailable: options.trayAvailable,
        locale: options.locale,
      });
      // Windows logging off or shutting down: closing must not be refused, and what a pending
      // save holds is written now ('session-end' cannot be delayed; the process may be ended
      // right after it).
      win.on('session-end', () => {
        quit.markQuitting();
        options.sessionEnding();
      });
      reloadAfterRendererCrash(win, options.logger);
      attachContextMenu(
        win.webContents,
        (template) => Menu.buildFromTemplate(template).popup({ window: win }),
        (text) => clipboard.writeText(text),
        options.locale,
      );
      options.badge.attachWindow(win);
      return { win, maximized: saved?.maximized ?? false };
    },
  });
}
