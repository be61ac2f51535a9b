/**
 * The built main process (out/main/index.js), run in plain Node with a stand-in for the
 * `electron` module (support/fake-electron): the whole start as it happens in the app,
 * minus Chromium. What it proves, packaged and not:
 *   - the app's own menu (no Reload / DevTools packaged) and a window without DevTools;
 *   - the window icon read from app.asar.unpacked/resources when packaged;
 *   - the test hooks exist only unpackaged;
 *   - the userData folder is "AuZap", an older build's folder moved in, the log in it;
 *   - the OS shutting down is delayed until the final save, then the app quits;
 *   - Windows ending the session (log-off, shutdown) gets the state written synchronously;
 *   - a second launch while the app is still starting (hidden, at login) shows the window;
 *   - started at login where the desktop shows no tray, the window is shown (nothing else could);
 *   - a failed start shows a dialog with its reason and exits with an error;
 *   - the connection runs on the built worker script next to the main bundle.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/electron-package';

const MAIN = join(repoRoot, 'out', 'main', 'index.js');
const REGISTER = join(import.meta.dirname, 'support', 'fake-electron', 'register.mjs');

interface Report {
  calls: unknown[][];
  testHooks: boolean;
  userData: string;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error('Run "npm run build" first.');
});

/** `wrap`: a command the run goes through (a private session bus). */
function boot(
  env: Record<string, string>,
  prepare?: (appData: string) => void,
  args: string[] = [],
  wrap: string[] = [],
) {
  const appData = mkdtempSync(join(tmpdir(), 'auzap-boot-'));
  dirs.push(appData);
  prepare?.(appData);
  const reportFile = join(appData, 'report.json');
  const [command, ...commandArgs] = [...wrap, process.execPath, '--import', REGISTER, MAIN, ...args];
  const run = spawnSync(command ?? process.execPath, commandArgs, {
    env: {
      PATH: process.env.PATH,
      HOME: appData,
      FAKE_APPDATA: appData,
      FAKE_APPPATH: repoRoot,
      FAKE_REPORT: reportFile,
      // The demo backend is in-process; no server, no keychain, no session bus.
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as Report) : null;
  const calls = (name: string) => report?.calls.filter((call) => call[0] === name) ?? [];
  return { run, report, calls, appData };
}

describe('the main process, started with a stand-in Electron', () => {
  it('unpackaged: a Develop menu with DevTools, the test hooks, the data in AuZap (moved from an older build)', () => {
    const { run, report, calls, appData } = boot({ AUZAP_TEST_HOOKS: '1' }, (dir) => {
      mkdirSync(join(dir, 'auzap-desktop'));
      writeFileSync(join(dir, 'auzap-desktop', 'auzap-window.json'), '{"closeToTrayNoticeShown":true}');
    });
    expect(report, run.stderr).not.toBeNull();
    expect(calls('applicationMenu')).toEqual([['applicationMenu', ['File', 'Edit', 'Develop']]]);
    expect(calls('window')).toEqual([
      ['window', { devTools: true, icon: join(repoRoot, 'resources', 'icon.png'), title: 'AuZap' }],
    ]);
    expect(report?.testHooks).toBe(true);
    expect(report?.userData).toBe(join(appData, 'AuZap'));
    expect(existsSync(join(appData, 'auzap-desktop'))).toBe(false);
    expect(readFileSync(join(appData, 'AuZap', 'auzap-window.json'), 'utf8')).toContain('closeToTrayNoticeShown');
    expect(readFileSync(join(appData, 'AuZap', 'logs', 'main.log'), 'utf8')).toContain('AuZap 0.1.0 started');
  });

  it('connects through the built connection thread (out/connection-thread), not the main-thread fallback', () => {
    const { run, report, calls } = boot({ FAKE_THEN: 'online' });
    expect(report, run.stderr).not.toBeNull();
    const log = String(calls('log')[0]?.[1] ?? '');
    expect(log).toMatch(/connected to http:\/\/127\.0\.0\.1:\d+ over websocket/);
    expect(log).not.toContain("the connection's thread");
  });

  it('packaged: no Develop menu, no DevTools, no test hooks, the icon from app.asar.unpacked', () => {
    const asar = join('/opt', 'AuZap', 'resources', 'app.asar');
    const { run, report, calls } = boot({ FAKE_PACKAGED: '1', FAKE_APPPATH: asar, AUZAP_TEST_HOOKS: '1' });
    expect(report, run.stderr).not.toBeNull();
    expect(calls('applicationMenu')).toEqual([['applicationMenu', ['File', 'Edit']]]);
    expect(calls('window')).toEqual([
      [
        'window',
        {
          devTools: false,
          icon: join('/opt', 'AuZap', 'resources', 'app.asar.unpacked', 'resources', 'icon.png'),
          title: 'AuZap',
        },
      ],
    ]);
    expect(report?.testHooks).toBe(false);
  });

  it('the OS shutting down is held off until the final save, then the app quits', () => {
    const { run, report, appData } = boot({ FAKE_THEN: 'shutdown' });
    expect(report, run.stderr).not.toBeNull();
    const names = report?.calls.map((call) => call[0]);
    expect(names?.slice(names.indexOf('started'))).toEqual(['started', 'shutdown delayed', 'quit', 'quit', 'quitted']);
    // The core saved its state on the way out (the demo inbox).
    const state = JSON.parse(readFileSync(join(appData, 'AuZap', 'auzap-state.json'), 'utf8')) as { version: number };
    expect(state.version).toBeGreaterThan(0);
  });

  it('Windows ending the session: the state is written at once, before the process can be ended', () => {
    const { run, report, appData } = boot({ FAKE_THEN: 'session-end' });
    expect(report, run.stderr).not.toBeNull();
    expect(report?.calls.filter((call) => call[0] === 'state on disk')).toEqual([
      ['state on disk', false], // the demo inbox's first save was still pending (debounced)
      ['state on disk', true],
    ]);
    const state = JSON.parse(readFileSync(join(appData, 'AuZap', 'auzap-state.json'), 'utf8')) as { version: number };
    expect(state.version).toBeGreaterThan(0);
  });

  it('started hidden at login, it shows the window for a second launch that came while it was starting', () => {
    const hidden = boot({}, undefined, ['--hidden']);
    expect(hidden.report, hidden.run.stderr).not.toBeNull();
    expect(hidden.calls('show')).toEqual([]); // it waits in the tray

    const { run, report } = boot({ FAKE_SECOND_LAUNCH: 'while-starting' }, undefined, ['--hidden']);
    expect(report, run.stderr).not.toBeNull();
    const names = report?.calls
      .map((call) => call[0])
      .filter((name) => ['second launch', 'window', 'show', 'started'].includes(String(name)));
    expect(names).toEqual(['second launch', 'window', 'show', 'started']);
  });

  it.skipIf(!existsSync('/usr/bin/dbus-run-session'))(
    'started at login on a desktop with no tray (a session bus without a StatusNotifierWatcher), it shows the window',
    () => {
      const { run, report, calls } = boot({}, undefined, ['--hidden'], ['dbus-run-session', '--']);
      expect(report, run.stderr).not.toBeNull();
      expect(calls('show').length).toBeGreaterThan(0);
    },
  );

  it('a start that fails shows a dialog with the reason, and exits with an error', () => {
    const { run, report, calls, appData } = boot({ FAKE_FAIL: 'window' });
    expect(report, run.stderr).not.toBeNull();
    expect(calls('errorBox')).toEqual([
      ['errorBox', 'AuZap could not start', expect.stringContaining('The reason: the GPU process could not start')],
    ]);
    expect(String(calls('errorBox')[0]?.[2])).toContain(join(appData, 'AuZap', 'logs', 'main.log'));
    expect(calls('exit')).toEqual([['exit', 1]]);
  });

  it('speaks the system’s Portuguese: the app menu and a failed start’s dialog', () => {
    const started = boot({ FAKE_LANGUAGES: 'pt-BR,en-US', AUZAP_TEST_HOOKS: '1' });
    expect(started.report, started.run.stderr).not.toBeNull();
    expect(started.calls('applicationMenu')).toEqual([['applicationMenu', ['Arquivo', 'Editar', 'Desenvolvimento']]]);

    const failed = boot({ FAKE_LANGUAGES: 'pt-BR', FAKE_FAIL: 'window' });
    expect(failed.calls('errorBox')).toEqual([
      ['errorBox', 'O AuZap não conseguiu abrir', expect.stringContaining('O motivo: the GPU process could not start')],
    ]);
  });

  it('AUZAP_LOCALE wins over the system', () => {
    const { run, report, calls } = boot({ FAKE_LANGUAGES: 'pt-BR', AUZAP_LOCALE: 'en-GB' });
    expect(report, run.stderr).not.toBeNull();
    expect(calls('applicationMenu')).toEqual([['applicationMenu', ['File', 'Edit', 'Develop']]]);
  });
});
