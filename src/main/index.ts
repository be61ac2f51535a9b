/**
 * The Electron host's entry: what must happen before Electron is `ready`, then
 * desktop-app.ts starts the rest. All behaviour lives in ../core (the browser host runs
 * the same core); ./shell holds the small Electron adapters, ./wiring puts them together:
 *
 *   file-log      main.log in the user data folder, rotated; uncaught errors go there too
 *   user-data     the userData folder ("AuZap"), moved over from older builds once
 *   app-protocol  the renderer served from app://auzap/ (CSP header, no traversal)
 *   window        the hardened main window; window-state remembers where it was
 *   main-window   shows it again from anywhere; crash-recovery reloads a dead page
 *   close-to-tray closing hides (or minimizes, with no tray: tray-support); a real quit sets a flag first
 *   quit-handling quits only after the final save, also when the OS shuts down
 *   tray / badge  the TraySink: tray icon + menu, dock badge, taskbar overlay, title
 *   app-menu      the app's own menu (no reload / DevTools when packaged); context-menu on right-click
 *   ipc           the bridge, checked per sender; permissions: deny all but "Copy"
 *   external-links links from messages: https/mailto only, after the user saw and agreed
 *   native-notifications  Electron's notifications (node-notifier as the fallback)
 *   secret-box    the sign-in token encrypted by the OS keychain (safeStorage, async)
 *   updates       the update controller over electron-updater (packaged builds)
 *   stores        electron-store files in userData (or AUZAP_DATA_DIR)
 */
import { join } from 'node:path';
import { app, dialog } from 'electron';
import { readEnvSettings } from '../core/host-config';
import { startDesktopApp, type DesktopApp } from './desktop-app';
import { APP_ID, APP_NAME } from './shell/app-identity';
import { registerAppScheme } from './shell/app-protocol';
import { createQuitFlag } from './shell/close-to-tray';
import { createFileLog } from './shell/file-log';
import { installQuitHandling } from './shell/quit-handling';
import { reportStartFailure } from './shell/start-failure';
import { chooseUserDataFolder } from './shell/stores';
import { createMainLocale, startLocale } from './shell/system-locale';
import { hardenAllWebContents } from './shell/window';

const fileLog = createFileLog({ appName: APP_NAME, dir: () => join(app.getPath('userData'), 'logs') });
fileLog.catchProcessErrors();
const logger = fileLog.logger;
const env = readEnvSettings(process.env);
const quit = createQuitFlag();
// Menus, dialogs and the tray speak the app's language from the first one on.
const locale = createMainLocale(() => startLocale(env.locale, app));

chooseUserDataFolder(env.dataDir, logger);
registerAppScheme();
app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

if (!app.requestSingleInstanceLock()) {
  // Another AuZap runs with this data folder: it gets 'second-instance' and shows itself.
  app.quit();
} else {
  let desktop: DesktopApp | null = null;
  // Opened again while still starting (the keychain, the first sync): show once started.
  let showWhenStarted = false;
  app.on('second-instance', () => {
    if (desktop) desktop.showWindow();
    else showWhenStarted = true;
  });
  // Closing the window hides it; the app lives in the tray until a real quit.
  app.on('window-all-closed', () => undefined);
  const { quitForReal } = installQuitHandling({
    app,
    quit,
    cleanUp: () => (desktop ? () => desktop?.shutdown() ?? Promise.resolve() : null),
    logger,
  });
  hardenAllWebContents(locale.current);
  app
    .whenReady()
    .then(() => startDesktopApp({ env, logger, quit, quitForReal, locale, logFile: () => fileLog.file() }))
    .then((started) => {
      desktop = started;
      if (showWhenStarted) started.showWindow();
    })
    .catch((error: unknown) => {
      reportStartFailure(error, {
        showErrorBox: (title, content) => dialog.showErrorBox(title, content),
        logger,
        logFile: fileLog.file(),
        locale: locale.current(),
      });
      quit.markQuitting();
      app.exit(1);
    });
}
