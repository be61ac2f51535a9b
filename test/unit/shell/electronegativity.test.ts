// `npm run lint:electron`: Electronegativity over src/ with Electron 45's checks. The app
// passes (CSP in index.html, no middle-click windows, each remaining finding explained on
// its line); an insecure window or an unexplained openExternal fails it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanElectronSecurity } from '../../../scripts/lib/electronegativity';
import { repoRoot } from './support/electron-package';

const probes = mkdtempSync(join(tmpdir(), 'auzap-eng-'));
afterAll(() => rmSync(probes, { recursive: true, force: true }));

function probe(name: string, source: string): string {
  writeFileSync(join(probes, `${name}.ts`), source);
  return join(probes, `${name}.ts`);
}

describe('Electronegativity', () => {
  it('finds nothing unexplained in src/', async () => {
    const report = await scanElectronSecurity(join(repoRoot, 'src'));
    expect(report.lines.join('\n')).toContain('no unexplained high or medium finding');
    expect(report.ok).toBe(true);
  }, 60_000);

  it('fails on a window with Node in the page, and on an unexplained openExternal', async () => {
    const file = probe(
      'insecure',
      [
        "import { BrowserWindow, shell } from 'electron';",
        'export const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
        'export const open = (url: string) => shell.openExternal(url);',
      ].join('\n'),
    );
    const report = await scanElectronSecurity(file);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'OPEN_EXTERNAL_JS_CHECK',
        'CSP_GLOBAL_CHECK',
      ]),
    );
  }, 60_000);

  it('accepts a finding explained on its line with eng-disable', async () => {
    const file = probe(
      'explained',
      [
        "import { shell } from 'electron';",
        'export const open = (url: string) => shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: checked by the caller',
      ].join('\n'),
    );
    expect((await scanElectronSecurity(file)).findings.filter((f) => f.id === 'OPEN_EXTERNAL_JS_CHECK')).toEqual([]);
  }, 60_000);
});
