// Launch at login: Electron's login items on macOS/Windows, an XDG autostart entry on Linux.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AUTOSTART_FILE,
  autostartEntry,
  createLaunchAtLogin,
  linuxAutostart,
  quoteExecArg,
  startedAtLogin,
  startsHidden,
} from '../../../src/main/shell/login-item';

const fakeApp = (isPackaged = true) => ({
  setLoginItemSettings: vi.fn(),
  isPackaged,
  getAppPath: () => '/src/auzap',
  getLoginItemSettings: vi.fn(() => ({ wasOpenedAtLogin: false })),
});

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('launch at login', () => {
  it('uses login items on macOS', () => {
    const app = fakeApp();
    createLaunchAtLogin({ platform: 'darwin', app, execPath: '/Applications/AuZap.app/x', env: {} })?.(true);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
  });

  it('starts hidden on Windows, with the app folder when unpackaged', () => {
    const packaged = fakeApp();
    createLaunchAtLogin({ platform: 'win32', app: packaged, execPath: 'C:\\AuZap\\AuZap.exe', env: {} })?.(false);
    expect(packaged.setLoginItemSettings).toHaveBeenCalledWith({
      openAtLogin: false,
      path: 'C:\\AuZap\\AuZap.exe',
      args: ['--hidden'],
    });
    const dev = fakeApp(false);
    createLaunchAtLogin({ platform: 'win32', app: dev, execPath: 'C:\\electron.exe', env: {} })?.(true);
    expect(dev.setLoginItemSettings).toHaveBeenCalledWith({
      openAtLogin: true,
      path: 'C:\\electron.exe',
      args: ['/src/auzap', '--hidden'],
    });
  });

  it('writes and removes an XDG autostart entry on Linux', () => {
    dir = mkdtempSync(join(tmpdir(), 'auzap-autostart-'));
    const set = createLaunchAtLogin({
      platform: 'linux',
      app: fakeApp(),
      execPath: '/opt/AuZap/auzap',
      env: { XDG_CONFIG_HOME: dir, APPIMAGE: '/home/ana/Apps/AuZap 0.1.0.AppImage' },
    });
    const file = join(dir, 'autostart', AUTOSTART_FILE);
    set?.(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('[Desktop Entry]');
    expect(text).toContain('Exec="/home/ana/Apps/AuZap 0.1.0.AppImage" --hidden');
    set?.(false);
    expect(existsSync(file)).toBe(false);
    expect(() => set?.(false)).not.toThrow();
  });

  it('on Linux, an entry turned on follows the AppImage to its new file name; none is made when off', () => {
    dir = mkdtempSync(join(tmpdir(), 'auzap-autostart-'));
    const env = { XDG_CONFIG_HOME: dir, APPIMAGE: '/home/ana/Apps/AuZap-0.1.0.AppImage' };
    const autostart = linuxAutostart({ app: fakeApp(), execPath: '/tmp/.mount_AuZap/auzap', env });
    const file = join(dir, 'autostart', AUTOSTART_FILE);
    expect(autostart.follow('/home/ana/Apps/AuZap-0.2.0.AppImage')).toBe(true);
    expect(existsSync(file)).toBe(false);

    autostart.set(true);
    expect(readFileSync(file, 'utf8')).toContain('Exec=/home/ana/Apps/AuZap-0.1.0.AppImage --hidden\n');
    // The update replaced 0.1.0 with 0.2.0 (electron-updater deletes the old file).
    autostart.follow('/home/ana/Apps/AuZap-0.2.0.AppImage');
    expect(readFileSync(file, 'utf8')).toContain('Exec=/home/ana/Apps/AuZap-0.2.0.AppImage --hidden\n');

    // An entry it cannot write (here a folder in its place): a start or an update goes on.
    const blocked = join(dir, 'blocked');
    mkdirSync(join(blocked, 'autostart', AUTOSTART_FILE), { recursive: true });
    const unwritable = linuxAutostart({ app: fakeApp(), execPath: '/x', env: { XDG_CONFIG_HOME: blocked } });
    expect(unwritable.follow('/y')).toBe(false);
  });

  it('is not offered elsewhere', () => {
    expect(createLaunchAtLogin({ platform: 'freebsd', app: fakeApp(), execPath: '/x', env: {} })).toBeUndefined();
  });

  it('quotes Exec arguments as the desktop entry spec asks', () => {
    expect(quoteExecArg('/opt/AuZap/auzap')).toBe('/opt/AuZap/auzap');
    expect(quoteExecArg('/a b/c')).toBe('"/a b/c"');
    // The spec's own examples: a quoted literal $ is \\$, a quoted literal backslash four of them.
    expect(quoteExecArg('/a"$`\\b')).toBe('"/a\\\\"\\\\$\\\\`\\\\\\\\b"');
    expect(quoteExecArg('/opt/100%/auzap')).toBe('/opt/100%%/auzap');
    expect(quoteExecArg('/a b/50%')).toBe('"/a b/50%%"');
    expect(autostartEntry(['/x', '--hidden'])).toContain('Exec=/x --hidden\n');
  });

  it('knows when this run was started by the login item', () => {
    const app = fakeApp();
    expect(startedAtLogin(['/x', '--hidden'], app, 'linux')).toBe(true);
    expect(startedAtLogin(['/x'], app, 'linux')).toBe(false);
    app.getLoginItemSettings.mockReturnValue({ wasOpenedAtLogin: true });
    expect(startedAtLogin(['/x'], app as never, 'darwin')).toBe(true);
  });

  it('stays hidden at login only where a tray icon or the dock can bring the window back', () => {
    expect(startsHidden(true, 'linux', true)).toBe(true);
    expect(startsHidden(true, 'win32', true)).toBe(true);
    expect(startsHidden(true, 'darwin', false)).toBe(true);
    // GNOME without an AppIndicator extension: a hidden window could never be found.
    expect(startsHidden(true, 'linux', false)).toBe(false);
    expect(startsHidden(false, 'linux', true)).toBe(false);
  });
});
