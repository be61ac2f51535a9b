// A stand-in for the `electron` module, for running the built main process
// (out/main/index.js) in plain Node: just enough of each API for the app to start, and a
// record of what the app asked of it (globalThis.__fakeElectron.calls). Behaviour is
// steered by FAKE_* environment variables (see main-boot.test.ts).
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';

const calls = [];
const record = (...entry) => calls.push(entry);
const env = process.env;
const paths = { appData: env.FAKE_APPDATA, userData: `${env.FAKE_APPDATA}/AuZap`, temp: '/tmp' };

export const app = Object.assign(new EventEmitter(), {
  isPackaged: env.FAKE_PACKAGED === '1',
  whenReady: () => Promise.resolve(),
  getPath: (name) => paths[name] ?? '/tmp',
  setPath: (name, value) => {
    paths[name] = value;
    record('setPath', name, value);
  },
  requestSingleInstanceLock: () => true,
  commandLine: { hasSwitch: (name) => process.argv.includes(`--${name}`) },
  enableSandbox: () => record('enableSandbox'),
  getVersion: () => '0.1.0',
  getPreferredSystemLanguages: () => (env.FAKE_LANGUAGES ? env.FAKE_LANGUAGES.split(',') : ['en-US']),
  getLocale: () => 'en-US',
  getName: () => 'AuZap',
  getAppPath: () => env.FAKE_APPPATH,
  setAppUserModelId: () => undefined,
  focus: () => undefined,
  setBadgeCount: () => true,
  getLoginItemSettings: () => ({ wasOpenedAtLogin: false }),
  setLoginItemSettings: () => undefined,
  exit: (code) => {
    record('exit', code);
    report();
  },
  // As Electron does: before-quit, then will-quit (which may be prevented), then gone.
  quit: () => {
    record('quit');
    app.emit('before-quit', { preventDefault: () => undefined });
    let prevented = false;
    app.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      record('quitted');
      report();
    }
  },
});

export const protocol = { registerSchemesAsPrivileged: () => undefined, handle: () => undefined };
export const session = {
  defaultSession: Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
  }),
};
let applicationMenu = null;
const menuOf = (template) => ({
  items: template,
  getMenuItemById: (id) => template.find((i) => i.id === id),
  popup() {},
});
export const Menu = {
  buildFromTemplate: menuOf,
  setApplicationMenu: (menu) => {
    applicationMenu = menu;
    record(
      'applicationMenu',
      menu.items.map((item) => item.label),
    );
  },
  getApplicationMenu: () => applicationMenu,
};
export const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  shouldUseDarkColorsForSystemIntegratedUI: false,
});
export const nativeImage = { createFromBuffer: () => ({ addRepresentation: () => undefined }) };
export class Tray extends EventEmitter {
  setImage() {}
  setToolTip() {}
  setContextMenu() {}
  setIgnoreDoubleClickEvents() {}
  destroy() {}
}
export class Notification extends EventEmitter {
  static isSupported() {
    return env.FAKE_NOTIFICATIONS !== 'none';
  }
  show() {}
}
const windows = [];
export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    windows.push(this);
    if (env.FAKE_FAIL === 'window') throw new Error('the GPU process could not start');
    record('window', { devTools: options.webPreferences.devTools, icon: options.icon ?? null, title: options.title });
    this.webContents = Object.assign(new EventEmitter(), {
      reload() {},
      session: {},
      getURL: () => 'app://auzap/index.html',
      isDestroyed: () => false,
      send() {},
      setWindowOpenHandler() {},
    });
  }
  static fromWebContents() {
    return null;
  }
  loadURL() {
    // As Electron does once the page has painted: the app shows the window then (or not).
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isFullScreen() {
    return false;
  }
  isVisible() {
    return true;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1100, height: 720 };
  }
  setTitle() {}
  getTitle() {
    return 'AuZap';
  }
  setOverlayIcon() {}
  show() {
    record('show');
  }
  focus() {}
  maximize() {}
  restore() {}
  hide() {}
  minimize() {}
  close() {}
}
export const screen = {
  getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  getAllDisplays: () => [],
};
export const net = { isOnline: () => true };
export const powerMonitor = new EventEmitter();
export const safeStorage = {
  // The start waits on the keychain: where a second launch can come in (FAKE_SECOND_LAUNCH).
  isAsyncEncryptionAvailable: async () => {
    if (env.FAKE_SECOND_LAUNCH === 'while-starting') {
      record('second launch');
      app.emit('second-instance', {}, [], '/');
    }
    return false;
  },
  encryptStringAsync: async () => Buffer.alloc(0),
  decryptStringAsync: async () => ({ result: '', shouldReEncrypt: false }),
  getSelectedStorageBackend: () => 'basic_text',
};
export const ipcMain = Object.assign(new EventEmitter(), { handle: () => undefined, removeHandler: () => undefined });
export const dialog = {
  showErrorBox: (title, content) => record('errorBox', title, content),
  showMessageBox: async () => ({ response: 0, checkboxChecked: false }),
};
export const shell = { openExternal: async () => undefined };
export const clipboard = { writeText: () => undefined };
export const autoUpdater = new EventEmitter();

/** Writes what happened to $FAKE_REPORT, once. */
function report() {
  if (!env.FAKE_REPORT || globalThis.__fakeElectronReported) return;
  globalThis.__fakeElectronReported = true;
  const hooks = globalThis.__auzapShell;
  import('node:fs').then(({ writeFileSync }) => {
    writeFileSync(env.FAKE_REPORT, JSON.stringify({ calls, testHooks: Boolean(hooks), userData: paths.userData }));
    process.exit(0);
  });
}
// The app registers its 'shutdown' listener as the last step of its start: then act.
powerMonitor.on('newListener', (event) => {
  if (event !== 'shutdown') return;
  setImmediate(() => {
    record('started');
    if (env.FAKE_THEN === 'shutdown') {
      powerMonitor.emit('shutdown', { preventDefault: () => record('shutdown delayed') });
    } else if (env.FAKE_THEN === 'session-end') {
      // Windows ending the session: nothing can be delayed; what is on disk right after is all there is.
      const state = `${paths.userData}/auzap-state.json`;
      record('state on disk', existsSync(state));
      for (const win of windows) win.emit('session-end');
      record('state on disk', existsSync(state));
      report();
    } else if (env.FAKE_THEN === 'online') {
      // Until the app's log says the connection (on its own thread) reached the demo backend.
      const log = `${paths.userData}/logs/main.log`;
      const started = Date.now();
      const poll = setInterval(() => {
        const text = existsSync(log) ? readFileSync(log, 'utf8') : '';
        if (!text.includes('connected to http') && Date.now() - started < 15_000) return;
        clearInterval(poll);
        record('log', text);
        report();
      }, 50);
    } else {
      report();
    }
  });
});

export default {
  app,
  autoUpdater,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
};
