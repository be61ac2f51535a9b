/**
 * Getting the Electron executable for `npm start`, `npm run dev|preview` and the Electron
 * test suite, the way the `electron` package itself does it — and saying why when it
 * cannot be had.
 *
 * Since electron 42 the package has no postinstall: the first `require('electron')`
 * prints "Downloading Electron binary..." on stdout, runs its install.js (which downloads
 * with @electron/get and writes path.txt), and only then returns the path. So the path
 * must not be read from the child's stdout (the first run would read the message as
 * the path); the child writes it to a file instead, and its stdout goes to the user, who
 * sees the download happen. The child's stderr is kept: on failure, one line of it says
 * why (the network error, thanks to fetch-error-cause.cjs) and the caller says what to do.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CAUSE_PRELOAD = join(import.meta.dirname, 'fetch-error-cause.cjs');
const CAUSE_MARK = '[auzap:download-error]';

export interface ObtainElectronOptions {
  /** The `electron` package folder (node_modules/electron). */
  packageDir: string;
  env?: NodeJS.ProcessEnv;
  /** Where the download's own output goes: the user's terminal (default) or nowhere. */
  progress?: 'inherit' | 'ignore';
}

export type ObtainElectronResult =
  | { ok: true; binary: string; downloaded: boolean }
  | {
      ok: false;
      /** The binary was not even tried for: ELECTRON_SKIP_BINARY_DOWNLOAD is set. */
      skipped: boolean;
      /** Why, in one line (the network error when the download failed). */
      reason: string;
    };

/** The executable when it is already there; never downloads (electron's own lookup, read-only). */
export function installedElectronBinary(packageDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, relative || executableName(process.platform))
    : relative
      ? join(packageDir, 'dist', relative)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

function executableName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

/** True when the environment asks for no Electron download (npm reads it as a config too). */
export function binaryDownloadSkipped(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? env.npm_config_electron_skip_binary_download;
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** The executable, downloading it first exactly as `require('electron')` would. */
export function obtainElectronBinary(options: ObtainElectronOptions): ObtainElectronResult {
  const env = options.env ?? process.env;
  const present = installedElectronBinary(options.packageDir, env);
  if (present) return { ok: true, binary: present, downloaded: false };
  if (binaryDownloadSkipped(env)) {
    return {
      ok: false,
      skipped: true,
      reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, and no Electron binary is installed',
    };
  }

  const scratch = mkdtempSync(join(tmpdir(), 'auzap-electron-path-'));
  const resultFile = join(scratch, 'path');
  try {
    const child = spawnSync(
      process.execPath,
      [
        '-e',
        'require("node:fs").writeFileSync(process.argv[2], require(process.argv[1]))',
        options.packageDir,
        resultFile,
      ],
      {
        env: { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(CAUSE_PRELOAD)}`.trim() },
        stdio: ['ignore', options.progress ?? 'inherit', 'pipe'],
        encoding: 'utf8',
        // A stuck download must not hang `npm start` or a test run forever.
        timeout: 15 * 60_000,
      },
    );
    const binary = existsSync(resultFile) ? readFileSync(resultFile, 'utf8').trim() : '';
    if (child.status === 0 && binary && existsSync(binary)) return { ok: true, binary, downloaded: true };
    if (child.error) return { ok: false, skipped: false, reason: child.error.message };
    if (child.status === 0)
      return {
        ok: false,
        skipped: false,
        reason: `the download reported ${binary || 'no path'}, which does not exist`,
      };
    return { ok: false, skipped: false, reason: downloadFailureLine(child.stderr ?? '') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * One line out of a failed install's stderr: the network error when fetch reported one;
 * else the first error line of install.js' own stack trace (an HTTP status, a checksum
 * mismatch, a full disk); else the last thing it said.
 */
export function downloadFailureLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const cause = lines.find((line) => line.startsWith(CAUSE_MARK));
  const firstError = lines.find((line) => /^[A-Za-z]*Error\b.*:/.test(line));
  // fetch's own error line is only "TypeError: fetch failed"; the cause is the news.
  const causeText = cause?.slice(CAUSE_MARK.length).trim();
  return causeText || firstError || lines.at(-1) || 'the Electron download failed without saying why';
}

/** What a person can do about a binary that could not be had, in a few lines. */
export function electronUnavailableMessage(result: Extract<ObtainElectronResult, { ok: false }>): string {
  if (result.skipped) {
    return [
      'AuZap Desktop cannot start here: the Electron binary is not installed, and ELECTRON_SKIP_BINARY_DOWNLOAD is set.',
      'Unset it and run the command again to download Electron, or run "npm run web" to use the same app in your browser.',
    ].join('\n');
  }
  return [
    `AuZap Desktop cannot start: the Electron binary could not be downloaded (${result.reason}).`,
    'Check the internet connection and run the command again. Behind a proxy, set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1;',
    'from a mirror, set ELECTRON_MIRROR. Meanwhile "npm run web" runs the same app in your browser.',
  ].join('\n');
}
