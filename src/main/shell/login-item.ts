/**
 * "Launch at login" for the settings page (the runtime's PlatformPort). macOS and
 * Windows: Electron's app.setLoginItemSettings. Linux, where Electron has no such API:
 * an XDG autostart entry (~/.config/autostart), which GNOME, KDE, XFCE and the rest
 * honour. A launch at login starts in the tray (`--hidden`), not with the window open.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
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

/** The setter, or undefined where launching at login cannot be offered. */
export function createLaunchAtLogin(options: LaunchAtLoginOptions): ((enabled: boolean) => void) | undefined {
  const { app, platform, env } = options;
  // Unpackaged, the binary is Electron itself and needs the app folder as its argument.
  const appArgs = app.isPackaged ? [] : [app.getAppPath()];
  switch (platform) {
    case 'darwin':
      return (enabled) => app.setLoginItemSettings({ openAtLogin: enabled });
    case 'win32':
      // The same path and args on and off: Windows finds the entry to remove by them.
      return (enabled) =>
        app.setLoginItemSettings({ openAtLogin: enabled, path: options.execPath, args: [...appArgs, HIDDEN_ARG] });
    case 'linux': {
      const dir = join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart');
      // An AppImage runs from a temporary mount: start the .AppImage file itself.
      const executable = env.APPIMAGE || options.execPath;
      return (enabled) => {
        const file = join(dir, AUTOSTART_FILE);
        if (enabled) {
          mkdirSync(dir, { recursive: true });
          writeFileSync(file, autostartEntry([executable, ...appArgs, HIDDEN_ARG]));
        } else {
          rmSync(file, { force: true });
        }
      };
    }
    default:
      return undefined;
  }
}
