// The main process' log: a bounded, rotating file in the user data folder, and every
// uncaught exception and unhandled rejection of the process written to it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLog, LOG_FILE } from '../../../src/main/shell/file-log';
import { repoRoot } from './support/electron-package';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'auzap-log-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the file log', () => {
  it('writes to <dir>/main.log', () => {
    const dir = scratch();
    const log = createFileLog({ appName: 'AuZap', dir: () => join(dir, 'logs'), console: false });
    log.logger.warn('the keychain is locked');
    expect(log.file()).toBe(join(dir, 'logs', LOG_FILE));
    expect(readFileSync(log.file(), 'utf8')).toMatch(/\[warn\]\s+the keychain is locked\n$/);
  });

  it('stays bounded: it rotates to main.old.log, keeping one old file', () => {
    const dir = scratch();
    const log = createFileLog({ appName: 'AuZap', dir: () => dir, maxBytes: 4096, console: false });
    for (let i = 0; i < 400; i += 1) log.logger.info(`line ${i} ${'x'.repeat(60)}`);
    const current = statSync(join(dir, 'main.log')).size;
    const old = statSync(join(dir, 'main.old.log')).size;
    expect(current).toBeLessThanOrEqual(4096 + 200);
    expect(old).toBeLessThanOrEqual(4096 + 200);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('line 399');
  });

  it('catches the main process’ uncaught exceptions and unhandled rejections, and the process lives on', () => {
    const dir = scratch();
    const run = spawnSync(
      process.execPath,
      [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(import.meta.dirname, 'fixtures/crashing-main.ts'), dir],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(dir, LOG_FILE))).toBe(true);
    const text = readFileSync(join(dir, LOG_FILE), 'utf8');
    expect(text).toMatch(/\[error\]\s+Unhandled in the main process: Error: a timer blew up\n\s+at /);
    expect(text).toMatch(/\[error\]\s+Unhandled rejection in the main process: Error: nobody awaited this/);
    expect(text).toContain('still running');
  });
});
