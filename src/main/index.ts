/**
 * The Electron host: wiring and adapters only. All behaviour lives in ./core (the
 * browser host runs the same core); ./shell holds the small Electron adapters:
 *
 *   app-protocol  the renderer served from app://auzap/ (CSP header, no traversal)
 *   window        the hardened main window; window-state remembers where it was
 *   close-to-tray closing hides (one-time notice); a real quit sets a flag first
 *   tray / badge  the TraySink: tray icon + menu, dock badge, taskbar overlay, title
 *   ipc           the bridge, checked per sender; permissions: deny all but "Copy"
 *   secret-box    the sign-in token encrypted by the OS keychain (safeStorage)
 *   updates       the update controller over electron-updater (packaged builds)
 *   stores        electron-store files in userData (or AUZAP_DATA_DIR)
 */
import { join } from 'node:path';
import { app, nativeTheme, net, powerMonitor, safeStorage, screen, session, type BrowserWindow } from 'electron';
import { RENDERER_CSP } from '../shared/csp';
import { startHostRuntime, type HostRuntime } from '../core/host-runtime';
import { readEnvSettings } from '../core/host-config';
import { createOsNotifier } from '../core/os-notifier';
import { SETTINGS_FILE_NAME, STATE_FILE_NAME } from '../core/persistence/state-file';
import { createConsoleLogger, systemClock, type DesktopNotification, type Notifier } from '../core/ports';
import { startDemoBackend } from '../simulator/demo-backend';
import { APP_ID, APP_NAME } from './shell/app-identity';
import { installAppProtocol, registerAppScheme } from './shell/app-protocol';
import { createElectronUpdaterPort, updateFeedUrl } from './shell/auto-updater';
import { createBadgeSink } from './shell/badge';
import { attachCloseToTray, createQuitFlag, storedNotice } from './shell/close-to-tray';
import { wireBridge } from './shell/ipc';
import { createLaunchAtLogin, startedAtLogin } from './shell/login-item';
import { watchNetwork } from './shell/network-watch';
import { installPermissionHandlers } from './shell/permissions';
import { createSafeStorageSecretBox } from './shell/secret-box';
import { ensureIconFile, openKeyValueStore, openStoreFile, useDataDirFromEnv } from './shell/stores';
import { exposeTestHooks, recordNotifications, testHooksEnabled } from './shell/test-hooks';
import { buildTrayImage, createTrayController, panelTheme } from './shell/tray';
import { createElectronUpdates, updatesEnabled } from './shell/updates';
import { createMainWindow, hardenAllWebContents, isOurOrigin } from './shell/window';
import { placeWindow, readWindowState, trackWindowState } from './shell/window-state';

const WINDOW_LIMITS = { width: 1100, height: 720, minWidth: 720, minHeight: 480 };
/** How long quitting waits for the core to save and disconnect. */
const SHUTDOWN_TIMEOUT_MS = 3_000;

const logger = createConsoleLogger('main');
const env = readEnvSettings(process.env);
const quit = createQuitFlag();
let mainWindow: BrowserWindow | null = null;
let runtime: HostRuntime | null = null;
let showWindow: () => void = () => undefined;
let cleanUp: (() => Promise<void>) | null = null;

const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

// ---- before the app is ready ----------------------------------------------------
useDataDirFromEnv(env.dataDir, logger);
registerAppScheme();
app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

if (!app.requestSingleInstanceLock()) {
  // Another AuZap runs with this data folder: it gets 'second-instance' and shows itself.
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.on('before-quit', () => quit.markQuitting());
  // Closing the window hides it; the app lives in the tray until a real quit.
  app.on('window-all-closed', () => undefined);
  let finished = false;
  app.on('will-quit', (event) => {
    if (finished || !cleanUp) return;
    event.preventDefault();
    finished = true;
    const done = cleanUp;
    cleanUp = null;
    void done().finally(() => app.quit());
  });
  hardenAllWebContents();
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error(`AuZap could not start: ${describe(error)}`);
      quit.markQuitting();
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const platform = process.platform;
  installAppProtocol({ root: join(import.meta.dirname, '../renderer'), csp: RENDERER_CSP });
  installPermissionHandlers(session.defaultSession, (url) => isOurOrigin(url));

  const windowStore = openKeyValueStore('auzap-window', logger);

  // ---- notifications ------------------------------------------------------------
  const notificationClicked = (notification: DesktopNotification) => {
    showWindow();
    runtime?.notificationClicked(notification);
  };
  const osNotifier = createOsNotifier({
    appName: APP_NAME,
    appId: APP_ID,
    iconPath: ensureIconFile(app.getPath('userData'), logger),
    logger,
    onClick: notificationClicked,
  });
  const recorder = testHooksEnabled(process.env) ? recordNotifications(osNotifier) : null;
  const notifier: Notifier = recorder ?? osNotifier;

  // ---- updates (packaged builds, or a test feed) ----------------------------------
  const feedUrl = updateFeedUrl(process.env);
  const updates = updatesEnabled(app.isPackaged, feedUrl)
    ? createElectronUpdates(createElectronUpdaterPort({ logger, forceDevUpdateConfig: !app.isPackaged }), {
        beforeRestart: () => quit.markQuitting(),
        restartCancelled: () => quit.cancel(),
        logger,
      })
    : null;

  // ---- tray, badge ----------------------------------------------------------------
  const quitForReal = () => {
    quit.markQuitting();
    app.quit();
  };
  const tray = createTrayController({
    platform,
    onOpen: () => showWindow(),
    onQuit: quitForReal,
    notificationsPaused: () => runtime?.notificationsPaused() ?? false,
    setNotificationsPaused: (paused) => runtime?.setNotificationsPaused(paused),
    ...(updates ? { updates: updates.port } : {}),
  });
  const badge = createBadgeSink({
    platform,
    setBadgeCount: (count) => app.setBadgeCount(count),
    getWindow: () => mainWindow,
    // The overlay sits on the taskbar button, whose colour is the taskbar's.
    overlayImage: ({ badgeCount }) =>
      buildTrayImage({ badgeCount, attention: 'none' }, 'win32', panelTheme('win32', nativeTheme)),
  });

  // ---- the runtime ------------------------------------------------------------------
  const launchAtLogin = createLaunchAtLogin({ platform, app, execPath: process.execPath, env: process.env });
  const started = await startHostRuntime({
    env,
    version: app.getVersion(),
    logger,
    clock: systemClock,
    tray: {
      update(state) {
        tray.update(state);
        badge.update(state);
      },
    },
    notifier,
    stateFile: openStoreFile(STATE_FILE_NAME, logger),
    startDemoBackend,
    settingsFile: openStoreFile(SETTINGS_FILE_NAME, logger),
    secretBox: createSafeStorageSecretBox(safeStorage),
    ...(updates ? { updates: updates.port } : {}),
    platform: launchAtLogin ? { setLaunchAtLogin: launchAtLogin } : {},
  });
  runtime = started;
  const demoUrl = started.demoBackendUrl();
  if (demoUrl) logger.info(`demo mode: the built-in backend runs at ${demoUrl}`);
  // The pause flag (also switched from the window) and the update state show in the tray menu.
  started.onPush((push) => {
    if (push.channel === 'app:snapshot' || push.channel === 'updates:state') tray.refresh();
  });
  const first = started.trayState();
  tray.update(first);
  badge.update(first);
  const unwireBridge = wireBridge(started, () => mainWindow, logger);

  // ---- the window -------------------------------------------------------------------
  const openWindow = (show: boolean): BrowserWindow => {
    const saved = readWindowState(windowStore);
    const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
    const win = createMainWindow({
      bounds: placeWindow(saved?.bounds, workAreas, WINDOW_LIMITS),
      maximized: saved?.maximized ?? false,
      show,
      minWidth: WINDOW_LIMITS.minWidth,
      minHeight: WINDOW_LIMITS.minHeight,
    });
    trackWindowState(win, windowStore);
    attachCloseToTray(win, {
      quit,
      notice: storedNotice(windowStore),
      notify: (notification) => notifier.notify(notification),
      platform,
    });
    // Windows logging off or shutting down: closing must not be refused.
    win.on('session-end', () => quit.markQuitting());
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    badge.attachWindow(win);
    return win;
  };
  showWindow = () => {
    const existing = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
    const win = existing ?? openWindow(true);
    mainWindow = win;
    if (existing) {
      if (win.isMinimized()) win.restore();
      win.show();
    }
    win.focus();
    if (platform === 'darwin') app.focus({ steal: true });
  };
  mainWindow = openWindow(!startedAtLogin(process.argv, app, platform));

  // ---- the rest of the OS ---------------------------------------------------------------
  app.on('activate', () => showWindow());
  // macOS / Linux shutting down: quit now instead of blocking the OS on a hidden window.
  powerMonitor.on('shutdown', quitForReal);
  const stopWatching = watchNetwork({
    isOnline: () => net.isOnline(),
    onMayHaveChanged: () => runtime?.networkMayHaveChanged(),
    power: powerMonitor,
  });
  updates?.start();

  if (recorder) {
    exposeTestHooks({
      trayState: () => runtime?.trayState() ?? null,
      tray: () => tray.view(),
      badge: () => ({ count: badge.count(), title: mainWindow?.getTitle() ?? null }),
      notifications: () => recorder.recorded(),
      clickNotification(index: number) {
        const notification = recorder.recorded()[index];
        if (notification) notificationClicked(notification);
        return Boolean(notification);
      },
      clickTrayMenuItem(id: string) {
        const item = tray.menu()?.getMenuItemById(id);
        item?.click();
        return Boolean(item);
      },
      windowVisible: () => Boolean(mainWindow && !mainWindow.isDestroyed() && mainWindow.isVisible()),
      closeWindow: () => mainWindow?.close(),
      showWindow: () => showWindow(),
      userData: () => app.getPath('userData'),
    });
  }

  cleanUp = async () => {
    stopWatching();
    updates?.stop();
    unwireBridge();
    tray.destroy();
    const current = runtime;
    runtime = null;
    if (!current) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.warn('the core did not shut down in time; quitting anyway');
        resolve();
      }, SHUTDOWN_TIMEOUT_MS);
    });
    await Promise.race([current.shutdown().catch((error: unknown) => logger.warn(describe(error))), timeout]);
    clearTimeout(timer);
  };
  logger.info(`AuZap ${app.getVersion()} started (data in ${app.getPath('userData')})`);
}
