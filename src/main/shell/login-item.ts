/**
 * "Launch at login" for the settings page (the runtime's PlatformPort). macOS and
 * Windows: Electron's app.setLoginItemSettings. Linux, where Electron has no such API:
 * an XDG autostart entry (~/.config/autostart), which GNOME, KDE, XFCE and the rest
 * honour. A launch at login starts in the tray (`--hidden`), not with the window open.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { App } from 'electron';

export const HIDDEN_ARG = '--hidden';
export const AUTOSTART_FILE = 'com.auzap.desktop.desktop';

/** True when this run was started by the login item: stay in the tray. */
export function startedAtLogin(
  argv: readonly string[],
  app: { getLoginItemSettings(): { wasOpenedAtLogin: boolean } },
  platform: NodeJS.Platform,
): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  if (platform !== 'darwin') return false;
  try {
    return app.getLoginItemSettings().wasOpenedAtLogin;
  } catch {
    return false;
  }
}

/**
 * Whether this run keeps its window hidden: only at login, and only where something can
 * bring the window back — the tray icon, or macOS's dock. On a Linux desktop with no tray
 * a window never shown has no taskbar entry either: the app would run unseen.
 */
export function startsHidden(atLogin: boolean, platform: NodeJS.Platform, trayAvailable: boolean): boolean {
  return atLogin && (trayAvailable || platform === 'darwin');
}

/**
 * One argument of a desktop entry's Exec key, as the Desktop Entry Specification asks: a
 * literal % doubled (else it is a field code); inside quotes, " ` $ and \ escaped with a
 * backslash, and every backslash escaped once more by the string rule applied first.
 */
export function quoteExecArg(arg: string): string {
  const percent = arg.replace(/%/g, '%%');
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(percent)) return percent;
  return `"${percent.replace(/\\/g, '\\\\\\\\').replace(/(["`$])/g, '\\\\$1')}"`;
}

export function autostartEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=AuZap',
    'Comment=The staff inbox for WhatsApp-for-business teams',
    `Exec=${command.map(quoteExecArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export interface LaunchAtLoginOptions {
  platform: NodeJS.Platform;
  app: Pick<App, 'setLoginItemSettings' | 'isPackaged' | 'getAppPath'>;
  execPath: string;
  env: Record<string, string | undefined>;
}

/** Unpackaged, the binary is Electron itself and needs the app folder as its argument. */
const appArgsOf = (app: LaunchAtLoginOptions['app']) => (app.isPackaged ? [] : [app.getAppPath()]);

/** The XDG autostart entry (Linux). */
export function linuxAutostart(options: Omit<LaunchAtLoginOptions, 'platform'>): {
  set(enabled: boolean): void;
  /**
   * Points an entry the user turned on at `executable`. An AppImage's update replaces the
   * file with one named after the new version (electron-updater's
   * 'appimage-filename-updated') and deletes the old one, which the entry still started.
   * Never throws (a read-only home must not stop a start or an update): false if it failed.
   */
  follow(executable: string): boolean;
} {
  const { env } = options;
  const file = join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart', AUTOSTART_FILE);
  const write = (executable: string) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, autostartEntry([executable, ...appArgsOf(options.app), HIDDEN_ARG]));
  };
  return {
    set(enabled) {
      // An AppImage runs from a temporary mount: start the .AppImage file itself.
      if (enabled) write(env.APPIMAGE || options.execPath);
      else rmSync(file, { force: true });
    },
    follow(executable) {
      try {
        if (existsSync(file)) write(executable);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** The setter, or undefined where launching at login cannot be offered. */
export function createLaunchAtLogin(options: LaunchAtLoginOptions): ((enabled: boolean) => void) | undefined {
  const { app, platform } = options;
  const appArgs = appArgsOf(app);
  switch (platform) {
    case 'darwin':
      return (enabled) => app.setLoginItemSettings({ openAtLogin: enabled });
    case 'win32':
      // The same path and args on and off: Windows finds the entry to remove by them.
      return (enabled) =>
        app.setLoginItemSettings({ openAtLogin: enabled, path: options.execPath, args: [...appArgs, HIDDEN_ARG] });
    case 'linux': {
      const autostart = linuxAutostart(options);
      return (enabled) => autostart.set(enabled);
    }
    default:
      return undefined;
  }
}
