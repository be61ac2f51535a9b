/**
 * What shows outside the window: the updater (packaged builds, or a test feed), the tray
 * icon and menu, and the badge (dock, taskbar overlay, window title) — fed together as the
 * core's TraySink.
 */
import { app, autoUpdater, nativeTheme, type BrowserWindow } from 'electron';
import type { HostRuntime } from '../../core/host-runtime';
import type { Locale } from '../../shared/i18n/locale';
import type { Logger, TraySink } from '../../core/ports';
import { createElectronUpdaterPort, updateFeedUrl } from '../shell/auto-updater';
import { createBadgeSink, type BadgeSink } from '../shell/badge';
import type { QuitFlag } from '../shell/close-to-tray';
import { buildTrayImage, createTrayController, panelTheme, type TrayController } from '../shell/tray';
import { createElectronUpdates, restartQuitHooks, updatesEnabled, type ElectronUpdates } from '../shell/updates';

export function createUpdates(
  quit: QuitFlag,
  logger: Logger,
  hooks: { saveNow(): void; appImageRenamed(path: string): void },
): ElectronUpdates | null {
  const feedUrl = updateFeedUrl(process.env, logger);
  if (!updatesEnabled(app.isPackaged, feedUrl)) return null;
  return createElectronUpdates(
    createElectronUpdaterPort({
      logger,
      forceDevUpdateConfig: !app.isPackaged,
      onAppImageRenamed: hooks.appImageRenamed,
    }),
    restartQuitHooks({
      app,
      squirrel: process.platform === 'darwin' ? autoUpdater : null,
      quit,
      saveNow: hooks.saveNow,
      logger,
    }),
  );
}

export interface TrayAndBadge {
  tray: TrayController;
  badge: BadgeSink;
  /** Both, as the core's TraySink. */
  sink: TraySink;
}

export function createTrayAndBadge(options: {
  platform: NodeJS.Platform;
  showWindow(): void;
  quitForReal(): void;
  runtime(): HostRuntime | null;
  updates: ElectronUpdates | null;
  window(): BrowserWindow | null;
  locale(): Locale;
}): TrayAndBadge {
  const { platform } = options;
  const tray = createTrayController({
    platform,
    onOpen: () => options.showWindow(),
    onQuit: () => options.quitForReal(),
    locale: options.locale,
    notificationPause: () => options.runtime()?.notificationPause() ?? { paused: false, pausedUntil: null },
    setNotificationsPaused: (paused, pauseFor) => options.runtime()?.setNotificationsPaused(paused, pauseFor),
    ...(options.updates ? { updates: options.updates.port } : {}),
  });
  const badge = createBadgeSink({
    platform,
    setBadgeCount: (count) => app.setBadgeCount(count),
    getWindow: () => options.window(),
    locale: options.locale,
    // The overlay sits on the taskbar button, whose colour is the taskbar's.
    overlayImage: ({ badgeCount }) =>
      buildTrayImage({ badgeCount, attention: 'none' }, 'win32', panelTheme('win32', nativeTheme)),
  });
  return {
    tray,
    badge,
    sink: {
      update(state) {
        tray.update(state);
        badge.update(state);
      },
    },
  };
}
