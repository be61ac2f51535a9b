// Getting Electron for `npm start` and friends, with a copy of the real `electron` package:
// the first run (electron ≥ 42 downloads lazily and says so on stdout) must still find
// the binary, and a download that really fails must say why in one line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  binaryDownloadSkipped,
  downloadFailureLine,
  electronUnavailableMessage,
  installedElectronBinary,
  obtainElectronBinary,
} from '../../../scripts/lib/electron-binary';
import { copyElectronPackage, repoRoot, standInDist, standInInstallScript } from './support/electron-package';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'auzap-electron-bin-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Only the variables the download reads; the machine's own ELECTRON_* stay out. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  return { ...env, ...extra };
}

describe.runIf(process.platform !== 'win32')('obtaining the Electron binary', () => {
  it('reproduces the first-run trap: require("electron") prints the download notice on stdout before the path', () => {
    const pkg = copyElectronPackage(scratch(), standInInstallScript());
    const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(require(process.argv[1]))', pkg], {
      env: cleanEnv(),
      encoding: 'utf8',
    });
    // What scripts/start.mjs used to take as the path:
    expect(probe.stdout.split('\n')[0]).toBe('Downloading Electron binary...');
  });

  it('on the first run downloads, and returns the executable rather than what the download printed', () => {
    const pkg = copyElectronPackage(scratch(), standInInstallScript());
    expect(installedElectronBinary(pkg, cleanEnv())).toBeNull();
    const result = obtainElectronBinary({ packageDir: pkg, env: cleanEnv(), progress: 'ignore' });
    expect(result).toEqual({ ok: true, binary: join(pkg, 'dist', 'electron'), downloaded: true });
    // The second run finds it without a download.
    expect(obtainElectronBinary({ packageDir: pkg, env: cleanEnv() })).toEqual({
      ok: true,
      binary: join(pkg, 'dist', 'electron'),
      downloaded: false,
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron does', () => {
    const pkg = copyElectronPackage(scratch(), 'process.exit(9)');
    const dist = standInDist(join(scratch(), 'dist'));
    expect(obtainElectronBinary({ packageDir: pkg, env: cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist }) })).toEqual({
      ok: true,
      binary: join(dist, 'electron'),
      downloaded: false,
    });
  });

  it('does not download where ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so', () => {
    const pkg = copyElectronPackage(scratch(), standInInstallScript());
    const result = obtainElectronBinary({ packageDir: pkg, env: cleanEnv({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }) });
    expect(result).toMatchObject({ ok: false, skipped: true });
    expect(installedElectronBinary(pkg, cleanEnv())).toBeNull();
    if (!result.ok) expect(electronUnavailableMessage(result)).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    expect(binaryDownloadSkipped({ ELECTRON_SKIP_BINARY_DOWNLOAD: '0' })).toBe(false);
    expect(binaryDownloadSkipped({ npm_config_electron_skip_binary_download: 'true' })).toBe(true);
  });

  describe('a download that really fails (electron’s own install.js and @electron/get, on this Node)', () => {
    let server: Server | undefined;
    afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

    it('names the network error in one line and says what to do', async () => {
      // A port that was just free: connecting is refused.
      server = createServer();
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      await new Promise<void>((resolve) => server?.close(() => resolve()));
      server = undefined;

      const pkg = copyElectronPackage(scratch(), 'real');
      const result = obtainElectronBinary({
        packageDir: pkg,
        progress: 'ignore',
        env: cleanEnv({
          // The copy lives outside this repo: let its install.js find @electron/get here.
          NODE_PATH: join(repoRoot, 'node_modules'),
          ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
          electron_config_cache: join(scratch(), 'cache'),
          ELECTRON_GET_NO_PROGRESS: '1',
        }),
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.skipped).toBe(false);
      expect(result.reason).toContain('ECONNREFUSED');
      expect(result.reason).not.toContain('\n');
      const message = electronUnavailableMessage(result);
      expect(message).toContain(`could not be downloaded (${result.reason})`);
      expect(message).toContain('run the command again');
      expect(message).toContain('npm run web');
    });
  });
});

describe('downloadFailureLine', () => {
  it('prefers the network cause, then install.js’ error line, then the last words', () => {
    expect(
      downloadFailureLine(
        '[auzap:download-error] getaddrinfo ENOTFOUND github.com\nTypeError: fetch failed\n    at node:internal/deps/undici\n',
      ),
    ).toBe('getaddrinfo ENOTFOUND github.com');
    expect(
      downloadFailureLine(
        'HTTPError: Response code 404 (Not Found) for https://mirror/x.zip\n    at FetchDownloader\n',
      ),
    ).toBe('HTTPError: Response code 404 (Not Found) for https://mirror/x.zip');
    expect(downloadFailureLine('disk quota exceeded\n')).toBe('disk quota exceeded');
    expect(downloadFailureLine('')).toMatch(/without saying why/);
  });
});
