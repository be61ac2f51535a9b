// `npm start`, `npm run dev` and `npm run preview` on a fresh clone: Electron is obtained
// first (downloaded on the first run), then launched with the project folder as the app;
// a Chromium sandbox abort (Ubuntu 24.04's AppArmor) is explained, not just printed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSandboxFailure, sandboxAdvice } from '../../../scripts/lib/sandbox-failure';
import { DEV_RENDERER_CSP } from '../../../electron.vite.config';
import { RENDERER_CSP } from '../../../src/shared/csp';
import {
  copyElectronPackage,
  recorded,
  repoRoot,
  standInDist,
  standInExecutable,
  standInInstallScript,
  standInNodeExecutable,
} from './support/electron-package';

const TSX = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const UBUNTU_ABORT =
  "[1234:0601/120000.000000:FATAL:setuid_sandbox_host.cc(158)] The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now.";

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'auzap-start-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function runScript(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [TSX, join(repoRoot, 'scripts', script), ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe.runIf(process.platform === 'linux')('npm start (scripts/launch-electron.ts)', () => {
  it('on a fresh clone downloads Electron, then launches it with the project folder', () => {
    const project = scratch();
    copyElectronPackage(project, standInInstallScript());
    const record = join(scratch(), 'args');
    const run = runScript('launch-electron.ts', ['--hidden'], project, { AUZAP_STANDIN_RECORD: record });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Downloading Electron binary...');
    expect(run.stdout).toContain('stand-in electron running');
    expect(recorded(record)).toEqual([project, '--hidden', 'ELECTRON_RENDERER_URL=']);
  });

  it('says why, in one message, when there is no Electron and none may be downloaded', () => {
    const project = scratch();
    copyElectronPackage(project, standInInstallScript());
    const run = runScript('launch-electron.ts', [], project, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
    expect(run.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
  });

  it('explains a sandbox abort (Ubuntu 24.04 AppArmor) and what to do', () => {
    const project = scratch();
    const dist = standInDist(join(scratch(), 'dist'), standInExecutable({ stderr: UBUNTU_ABORT, signal: 'TRAP' }));
    copyElectronPackage(project, 'process.exit(1)');
    const run = runScript('launch-electron.ts', [], project, { ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(UBUNTU_ABORT);
    expect(run.stderr).toContain(sandboxAdvice(dist));
    expect(run.stderr).toContain(`sudo chmod 4755 "${join(dist, 'chrome-sandbox')}"`);
  });

  it('does not blame the sandbox for other failures', () => {
    const project = scratch();
    const dist = standInDist(join(scratch(), 'dist'), standInExecutable({ stderr: 'something else broke', exit: 3 }));
    copyElectronPackage(project, 'process.exit(1)');
    const run = runScript('launch-electron.ts', [], project, { ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(run.status).toBe(3);
    expect(run.stderr).not.toContain('sandbox');
  });
});

describe('sandbox abort detection', () => {
  it('knows both of Chromium’s messages', () => {
    expect(isSandboxFailure(UBUNTU_ABORT)).toBe(true);
    expect(
      isSandboxFailure(
        '[FATAL:zygote_host_impl_linux.cc(128)] No usable sandbox! If you are running on Ubuntu 23.10+ or another Linux distro that has disabled unprivileged user namespaces with AppArmor, see …',
      ),
    ).toBe(true);
    expect(isSandboxFailure('Segmentation fault')).toBe(false);
  });
});

describe.runIf(process.platform === 'linux')('npm run dev / npm run preview (scripts/electron-vite.ts)', () => {
  it('dev starts the dev server and Electron on it, with a CSP that lets hot reload work', () => {
    const dist = standInDist(join(scratch(), 'dist'), standInNodeExecutable());
    const record = join(scratch(), 'record.json');
    const run = runScript(
      'electron-vite.ts',
      ['dev', '--outDir', join(scratch(), 'out'), '--clearScreen', 'false'],
      repoRoot,
      {
        ELECTRON_OVERRIDE_DIST_PATH: dist,
        AUZAP_STANDIN_RECORD: record,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const seen = JSON.parse(readFileSync(record, 'utf8')) as { args: string[]; url: string; page: string };
    expect(seen.args[0]).toBe('.');
    expect(seen.url).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/?$/);
    expect(seen.page).toContain(`content="${DEV_RENDERER_CSP}"`);
    expect(seen.page).toContain('/@vite/client');
  });

  it('preview builds and starts Electron on the built app, with the strict CSP', () => {
    const dist = standInDist(join(scratch(), 'dist'), standInNodeExecutable());
    const record = join(scratch(), 'record.json');
    const out = join(scratch(), 'out');
    const run = runScript('electron-vite.ts', ['preview', '--outDir', out], repoRoot, {
      ELECTRON_OVERRIDE_DIST_PATH: dist,
      AUZAP_STANDIN_RECORD: record,
    });
    expect(run.status, run.stderr).toBe(0);
    const seen = JSON.parse(readFileSync(record, 'utf8')) as { args: string[]; url: string };
    expect(seen.url).toBe('');
    const html = readFileSync(join(out, 'renderer', 'index.html'), 'utf8');
    expect(html.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(html).toContain(`content="${RENDERER_CSP}"`);
  });
});
