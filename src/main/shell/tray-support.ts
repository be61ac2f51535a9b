/**
 * Whether this desktop shows tray icons at all. Electron's Linux tray is a
 * StatusNotifierItem, shown only where something owns `org.kde.StatusNotifierWatcher` on
 * the session bus: KDE, XFCE, Cinnamon, MATE, Ubuntu's GNOME (its AppIndicator extension)
 * — but not stock GNOME (Fedora, Debian), where `new Tray()` succeeds and shows nothing.
 * Hiding the window into such a tray would leave a running app nobody can reach, so
 * close-to-tray.ts minimizes instead there.
 *
 * Asked with `dbus-send` (package dbus, on every desktop) or else `gdbus` (GLib). When
 * neither can answer (no session bus, no tool), the answer is "unknown" and the app keeps
 * the tray: it has no evidence against it.
 */
import { execFile } from 'node:child_process';

const WATCHER = 'org.kde.StatusNotifierWatcher';

export type TraySupport = { available: boolean; how: string };

export type RunTool = (file: string, args: readonly string[], env: NodeJS.ProcessEnv) => Promise<string>;

const runTool: RunTool = (file, args, env) =>
  new Promise((resolve, reject) =>
    execFile(file, [...args], { env, timeout: 2_000, encoding: 'utf8' }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    ),
  );

const ASKS: Array<{ tool: string; args: string[]; answer(stdout: string): boolean | null }> = [
  {
    tool: 'dbus-send',
    args: [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${WATCHER}`,
    ],
    answer: (out) => (/boolean true/.test(out) ? true : /boolean false/.test(out) ? false : null),
  },
  {
    tool: 'gdbus',
    args: [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.DBus',
      '--object-path',
      '/org/freedesktop/DBus',
      '--method',
      'org.freedesktop.DBus.NameHasOwner',
      WATCHER,
    ],
    answer: (out) => (/\(true,?\)/.test(out) ? true : /\(false,?\)/.test(out) ? false : null),
  },
];

export async function detectTraySupport(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv = process.env,
  run: RunTool = runTool,
): Promise<TraySupport> {
  if (platform !== 'linux') return { available: true, how: `${platform} always has one` };
  for (const ask of ASKS) {
    try {
      const answer = ask.answer(await run(ask.tool, ask.args, env));
      if (answer !== null) {
        return {
          available: answer,
          how: answer ? `${WATCHER} is on the session bus` : `nothing owns ${WATCHER} on the session bus`,
        };
      }
    } catch {
      // this tool is missing or the bus did not answer: try the next one
    }
  }
  return { available: true, how: 'unknown (the session bus could not be asked); assuming a tray' };
}
