/**
 * Finds the Electron binary the way `require('electron')` would, WITHOUT requiring it:
 * electron's index.js starts a download when the binary is missing, which must never
 * happen on our build machines (no network for it, and a test must not install things).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SKIP_MESSAGE = 'skipped: no Electron binary (run where Electron can be downloaded)';

/** The executable, or null when this machine has none (ELECTRON_SKIP_BINARY_DOWNLOAD). */
export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  // path.txt is written by electron's install script once the binary is unpacked; it
  // names the executable inside dist/ (electron, electron.exe, Electron.app/…/Electron).
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, relative || 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const candidate = join(dir, 'dist', relative);
  return existsSync(candidate) ? candidate : null;
}
