/**
 * The Electron host: wiring and adapters only. All behaviour lives in ./core, which
 * the browser host runs too.
 */
import { app, powerMonitor, type BrowserWindow } from 'electron';
import { bootCore, type BootedCore } from './core/boot';
import { readEnvSettings } from './core/host-config';
import { createConsoleLogger, systemClock } from './core/ports';
import { wireBridge } from './shell/ipc';
import { createElectronTraySink, createLoggingNotifier } from './shell/shell-sinks';
import { createMainWindow, hardenAllWebContents } from './shell/window';

const logger = createConsoleLogger('main');
let mainWindow: BrowserWindow | null = null;
let booted: BootedCore | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  hardenAllWebContents();
  void app.whenReady().then(start);
}

async function start() {
  const getWindow = () => mainWindow;
  booted = await bootCore(readEnvSettings(process.env), {
    version: app.getVersion(),
    logger,
    clock: systemClock,
    tray: createElectronTraySink(getWindow),
    notifier: createLoggingNotifier(logger),
  });
  wireBridge(booted.core, getWindow, logger);
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  powerMonitor.on('resume', () => booted?.core.networkMayHaveChanged());
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createMainWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void booted?.shutdown();
});
