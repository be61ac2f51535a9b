// "Restart to update" that electron-updater itself declines: with the REAL electron-updater
// (DebUpdater, nothing installed), quitAndInstall returns without quitting. The quit flag
// set for the restart must be reset, or closing the window would afterwards close it
// instead of hiding it to the tray. (Only `electron` is replaced, in Node's require cache:
// electron-updater is CommonJS and requires it itself — see test/integration/updater.test.ts.)
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import updater from 'electron-updater';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createElectronUpdaterPort, installsOnQuit } from '../../../src/main/shell/auto-updater';
import { attachCloseToTray, createQuitFlag, storedNotice } from '../../../src/main/shell/close-to-tray';
import { createElectronUpdates, restartQuitHooks } from '../../../src/main/shell/updates';

const root = mkdtempSync(join(tmpdir(), 'auzap-restart-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fakeApp = Object.assign(new EventEmitter(), {
  getVersion: () => '0.1.0',
  getName: () => 'AuZap',
  isPackaged: false,
  whenReady: () => Promise.resolve(),
  getAppPath: () => join(root, 'app'),
  getPath: () => join(root, 'userData'),
  quit: vi.fn(),
});
const requireFromUpdater = createRequire(createRequire(import.meta.url).resolve('electron-updater'));
const electronPath = requireFromUpdater.resolve('electron');
const fake = new Module(electronPath);
fake.filename = electronPath;
fake.loaded = true;
fake.exports = { app: fakeApp, autoUpdater: new EventEmitter() };
requireFromUpdater.cache[electronPath] = fake;

const silent = { info: () => undefined, warn: vi.fn(), error: () => undefined };

/** What electron-updater says with 'update-downloaded' (UpdateDownloadedEvent). */
const DOWNLOADED = { version: '0.2.0', files: [], path: '', sha512: '', releaseDate: '', downloadedFile: '' };

/** A stand-in main window whose closing hides it to the tray unless the app is quitting. */
function windowClosingToTray(quit: ReturnType<typeof createQuitFlag>, platform: NodeJS.Platform) {
  const win = Object.assign(new EventEmitter(), {
    hide: vi.fn(),
    minimize: vi.fn(),
    isFullScreen: () => false,
    setFullScreen: vi.fn(),
  });
  attachCloseToTray(win as never, {
    quit,
    notice: storedNotice({ get: () => true, set: () => undefined }),
    notify: vi.fn(),
    platform,
    locale: () => 'en' as const,
  });
  return win;
}

describe('a restart to update that electron-updater declines', () => {
  it('resets the quit flag, so closing the window hides it again', () => {
    vi.useFakeTimers();
    try {
      const deb = new updater.DebUpdater();
      const quit = createQuitFlag();
      const updates = createElectronUpdates(
        createElectronUpdaterPort({ updater: deb, env: {}, logger: silent }),
        {
          beforeRestart: () => quit.markQuitting(),
          restartCancelled: () => quit.cancel(),
          onQuitStarted: (listener) => {
            fakeApp.once('before-quit', listener);
            return () => fakeApp.off('before-quit', listener);
          },
          logger: silent,
        },
        60_000,
      );
      // The offer is on screen: electron-updater said the update was downloaded.
      deb.emit('update-downloaded', DOWNLOADED);
      expect(updates.port.state().status).toBe('downloaded');

      updates.port.restartToUpdate();
      expect(quit.quitting).toBe(true);
      // electron-updater declined (no installer file on disk): it did not quit the app…
      vi.advanceTimersByTime(1_000);
      expect(fakeApp.quit).not.toHaveBeenCalled();
      expect(updates.port.state()).toMatchObject({ status: 'error' });
      // …so once the grace period is over, the quit is called off.
      vi.advanceTimersByTime(5_000);
      expect(quit.quitting).toBe(false);

      const win = windowClosingToTray(quit, 'linux');
      let prevented = false;
      win.emit('close', { preventDefault: () => (prevented = true) });
      expect(prevented).toBe(true);
      expect(win.hide).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});

/** Electron's autoUpdater on macOS, as far as a restart goes: Squirrel.Mac closes every window to install. */
class FakeSquirrel extends EventEmitter {
  windows: EventEmitter[] = [];
  checkForUpdates = vi.fn();
  quitAndInstall() {
    // Electron: 'before-quit-for-update', then every window is closed (no 'before-quit' first).
    this.emit('before-quit-for-update');
    for (const win of this.windows) win.emit('close', { preventDefault: () => win.emit('close-refused') });
  }
}

describe('a restart to update on macOS that waits on Squirrel', () => {
  it('still closes the windows and restarts when Squirrel is ready after the grace period', () => {
    vi.useFakeTimers();
    try {
      const squirrel = new FakeSquirrel();
      fake.exports = { app: fakeApp, autoUpdater: squirrel };
      // The real MacUpdater: it takes Electron's autoUpdater (our stand-in) when built.
      const mac = new updater.MacUpdater();
      const quit = createQuitFlag();
      const updates = createElectronUpdates(
        createElectronUpdaterPort({ updater: mac, env: {}, logger: silent }),
        restartQuitHooks({ app: fakeApp, squirrel, quit, saveNow: vi.fn(), logger: silent }),
        5_000,
      );
      const win = windowClosingToTray(quit, 'darwin');
      squirrel.windows.push(win);
      const refused = vi.fn();
      win.on('close-refused', refused);

      // electron-updater has the zip; Squirrel.Mac has not fetched and verified it yet.
      mac.emit('update-downloaded', DOWNLOADED);
      updates.port.restartToUpdate();
      // Squirrel takes longer than the grace period: the restart counts as called off for now.
      vi.advanceTimersByTime(6_000);
      expect(quit.quitting).toBe(false);

      // Squirrel is ready: electron-updater asks it to install, and it closes the windows.
      squirrel.emit('update-downloaded');
      expect(refused).not.toHaveBeenCalled();
      expect(win.hide).not.toHaveBeenCalled();
      expect(quit.quitting).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('installing a downloaded update when AuZap quits', () => {
  it('is left to the updater for AppImage and NSIS, never for a package manager that asks for the admin password', () => {
    const quietly = [new updater.AppImageUpdater(), new updater.NsisUpdater()];
    const withPassword = [new updater.DebUpdater(), new updater.RpmUpdater(), new updater.PacmanUpdater()];
    for (const u of [...quietly, ...withPassword]) createElectronUpdaterPort({ updater: u, env: {}, logger: silent });
    expect(quietly.map((u) => u.autoInstallOnAppQuit)).toEqual([true, true]);
    // A deb's install runs pkexec + dpkg -i: at every Ctrl+Q, or cut off by a shutdown.
    expect(withPassword.map((u) => u.autoInstallOnAppQuit)).toEqual([false, false, false]);
    expect(installsOnQuit(new updater.DebUpdater())).toBe(false);
  });
});

describe('an AppImage update installed under a new file name', () => {
  it('is reported, so launch at login can follow the new file', () => {
    const appImage = new updater.AppImageUpdater();
    const renamed = vi.fn();
    createElectronUpdaterPort({ updater: appImage, env: {}, logger: silent, onAppImageRenamed: renamed });
    appImage.emit('appimage-filename-updated', '/home/ana/Apps/AuZap-0.2.0.AppImage');
    expect(renamed).toHaveBeenCalledWith('/home/ana/Apps/AuZap-0.2.0.AppImage');
  });
});
