// The Electron suite's decision (test/electron/support/electron-binary.ts): run with the
// binary it obtained (downloading it first, as electron ≥ 42 needs), skip only where
// ELECTRON_SKIP_BINARY_DOWNLOAD forbids the download, and otherwise fail loudly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronLaunchArgs, planElectronSuite } from '../../electron/support/electron-binary';
import { copyElectronPackage, standInDist, standInInstallScript } from './support/electron-package';

const dirs: string[] = [];
const project = (install: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'auzap-suite-'));
  dirs.push(dir);
  copyElectronPackage(dir, install);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, ...extra });

describe.runIf(process.platform !== 'win32')('planElectronSuite', () => {
  it('downloads the binary on a fresh install (no path.txt yet) and runs', () => {
    const root = project(standInInstallScript());
    expect(planElectronSuite(root, env())).toEqual({
      run: true,
      binary: join(root, 'node_modules', 'electron', 'dist', 'electron'),
    });
  });

  it('fails loudly, with the reason, when the download was allowed and failed', () => {
    const root = project(
      'console.error("HTTPError: Response code 403 (Forbidden) for https://github.com/x.zip"); process.exit(1)',
    );
    expect(() => planElectronSuite(root, env())).toThrow(
      /could not be obtained \(HTTPError: Response code 403 \(Forbidden\) for https:\/\/github\.com\/x\.zip\)/,
    );
  });

  it('skips, saying so, only where ELECTRON_SKIP_BINARY_DOWNLOAD is set', () => {
    const root = project(standInInstallScript());
    const plan = planElectronSuite(root, env({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }));
    expect(plan).toEqual({ run: false, reason: expect.stringContaining('ELECTRON_SKIP_BINARY_DOWNLOAD is set') });
  });

  it('runs with a binary that is there, even where downloads are off', () => {
    const root = project('process.exit(1)');
    const dist = standInDist(join(root, 'standin'));
    expect(
      planElectronSuite(root, env({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_OVERRIDE_DIST_PATH: dist })),
    ).toEqual({ run: true, binary: join(dist, 'electron') });
  });
});

describe('electronLaunchArgs', () => {
  it('launches the project folder (its package.json), not out/main/index.js', () => {
    expect(electronLaunchArgs('/repo', false)).toEqual(['/repo']);
    expect(electronLaunchArgs('/repo', true)).toEqual(['--no-sandbox', '/repo']);
  });
});
