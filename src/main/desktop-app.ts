/**
 * The desktop app once Electron is ready: the adapters in ./shell wired to the host
 * runtime (the same core the browser host runs), step by step. index.ts does what must
 * happen before `ready`; this starts everything else and returns what index.ts needs for
 * a second launch and for quitting.
 */
import { join } from 'node:path';
import { app, net, powerMonitor, safeStorage, session, type BrowserWindow } from 'electron';
import { RENDERER_CSP } from '../shared/csp';
import type { EnvSettings } from '../core/host-config';
import { startHostRuntime, type HostRuntime } from '../core/host-runtime';
import { SETTINGS_FILE_NAME, STATE_FILE_NAME } from '../core/persistence/state-file';
import { systemClock, type DesktopNotification, type Logger } from '../core/ports';
import { builtConnectionWorker } from '../core/connection-thread/built-worker';
import { threadedConnections } from '../core/connection-thread/threaded-connection';
import { startDemoBackend } from '../simulator/demo-backend';
import { installAppProtocol } from './shell/app-protocol';
import { logProcessTrouble } from './shell/crash-recovery';
import type { QuitFlag } from './shell/close-to-tray';
import { createLaunchAtLogin, linuxAutostart, startedAtLogin, startsHidden } from './shell/login-item';
import { watchNetwork } from './shell/network-watch';
import { installPermissionHandlers } from './shell/permissions';
import { quitCleanlyOnShutdown } from './shell/quit-handling';
import { createSafeStorageSecretBox } from './shell/secret-box';
import { openKeyValueStore, openStoreFile } from './shell/stores';
import { systemLanguages, type MainLocale } from './shell/system-locale';
import { detectTraySupport } from './shell/tray-support';
import { isOurOrigin } from './shell/window';
import { wireBridge } from './shell/ipc';
import { createDesktopNotifier } from './wiring/notifications';
import { exposeShellTestHooks } from './wiring/test-hooks';
import { createTrayAndBadge, createUpdates } from './wiring/tray-and-updates';
import { createWindowWiring } from './wiring/window';
import { createAppMenu, followRuntime } from './wiring/words';

export interface DesktopAppContext {
  env: EnvSettings;
  logger: Logger;
  quit: QuitFlag;
  quitForReal(): void;
  /** The language main speaks; followRuntime keeps it the runtime's. */
  locale: MainLocale;
  logFile(): string;
}

export interface DesktopApp {
  showWindow(): void;
  /** Stops everything; resolves once the core saved and disconnected. */
  shutdown(): Promise<void>;
}

/** The built connection thread: out/main/index.js → out/connection-thread/ (src/core/connection-thread/vite.config.ts). */
const connectionOnItsThread = threadedConnections(
  builtConnectionWorker(join(import.meta.dirname, '../connection-thread/connection-worker.cjs')),
);

export async function startDesktopApp(context: DesktopAppContext): Promise<DesktopApp> {
  const { logger, quit, locale } = context;
  const platform = process.platform;
  installAppProtocol({ root: join(import.meta.dirname, '../renderer'), csp: RENDERER_CSP });
  installPermissionHandlers(session.defaultSession, (url) => isOurOrigin(url));
  const showAppMenu = createAppMenu({ platform, developerTools: !app.isPackaged, quit: context.quitForReal });
  showAppMenu(locale.current());
  const traySupport = detectTraySupport(platform);

  let runtime: HostRuntime | null = null;
  let windows: ReturnType<typeof createWindowWiring> | null = null;
  const showWindow = () => windows?.show();
  const currentWindow = (): BrowserWindow | null => windows?.current() ?? null;
  const notificationClicked = (notification: DesktopNotification) => {
    showWindow();
    runtime?.notificationClicked(notification);
  };
  const { notifier, recorder } = createDesktopNotifier(logger, notificationClicked, showWindow);
  const autostart = platform === 'linux' ? linuxAutostart({ app, execPath: process.execPath, env: process.env }) : null;
  // An AppImage moved or renamed (by the user, or by an update installed at quit): the
  // autostart entry the user turned on follows the file this run started from.
  const followAppImage = (path: string) => {
    if (autostart?.follow(path) === false) logger.warn(`launch at login could not be pointed at ${path}`);
  };
  if (process.env.APPIMAGE) followAppImage(process.env.APPIMAGE);
  const updates = createUpdates(quit, logger, {
    saveNow: () => runtime?.saveNow(),
    appImageRenamed: followAppImage,
  });
  const shell = createTrayAndBadge({
    platform,
    showWindow,
    quitForReal: context.quitForReal,
    runtime: () => runtime,
    updates,
    window: currentWindow,
    locale: locale.current,
  });

  const launchAtLogin = createLaunchAtLogin({ platform, app, execPath: process.execPath, env: process.env });
  runtime = await startHostRuntime({
    env: context.env,
    version: app.getVersion(),
    logger,
    clock: systemClock,
    tray: shell.sink,
    notifier,
    stateFile: openStoreFile(STATE_FILE_NAME, logger),
    startDemoBackend,
    settingsFile: openStoreFile(SETTINGS_FILE_NAME, logger),
    secretBox: await createSafeStorageSecretBox(safeStorage),
    ...(updates ? { updates: updates.port } : {}),
    platform: launchAtLogin ? { setLaunchAtLogin: launchAtLogin } : {},
    systemLanguages: () => systemLanguages(app),
    connect: connectionOnItsThread,
  });
  const started = runtime;
  const demoUrl = started.demoBackendUrl();
  if (demoUrl) logger.info(`demo mode: the built-in backend runs at ${demoUrl}`);
  followRuntime(started, { locale, showAppMenu, tray: shell.tray, badge: shell.badge });
  shell.sink.update(started.trayState());
  const unwireBridge = wireBridge(started, currentWindow, logger);

  const tray = await traySupport;
  logger.info(
    `tray: ${tray.available ? 'shown' : 'none on this desktop; closing the window minimizes it'} (${tray.how})`,
  );
  windows = createWindowWiring({
    platform,
    logger,
    quit,
    store: openKeyValueStore('auzap-window', logger),
    badge: shell.badge,
    notify: (notification) => notifier.notify(notification),
    trayAvailable: () => tray.available,
    locale: locale.current,
    sessionEnding() {
      logger.info('Windows is ending the session: saving now');
      runtime?.saveNow();
    },
  });
  windows.open(!startsHidden(startedAtLogin(process.argv, app, platform), platform, tray.available));

  app.on('activate', showWindow);
  logProcessTrouble(app, logger);
  quitCleanlyOnShutdown(powerMonitor, context.quitForReal, logger);
  const stopWatching = watchNetwork({
    isOnline: () => net.isOnline(),
    onMayHaveChanged: () => runtime?.networkMayHaveChanged(),
    power: powerMonitor,
  });
  updates?.start();
  if (recorder) {
    exposeShellTestHooks({
      recorder,
      runtime: () => runtime,
      tray: shell.tray,
      badge: shell.badge,
      window: currentWindow,
      showWindow,
      notificationClicked,
      traySupported: () => tray.available,
      logFile: context.logFile,
    });
  }
  logger.info(`AuZap ${app.getVersion()} started (data in ${app.getPath('userData')})`);

  return {
    showWindow,
    async shutdown() {
      stopWatching();
      updates?.stop();
      unwireBridge();
      shell.tray.destroy();
      const current = runtime;
      runtime = null;
      await current?.shutdown();
    },
  };
}
