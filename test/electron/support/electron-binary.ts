/**
 * Whether the Electron suite runs here, and with which binary. The binary is obtained the
 * way `npm start` obtains it (scripts/lib/electron-binary.ts: downloaded on first use,
 * since electron ≥ 42 has no postinstall), unless ELECTRON_SKIP_BINARY_DOWNLOAD says this
 * machine must not download it (our CI): then, and only then, the suite is skipped, and
 * says so. Where a download was allowed but failed, the suite fails, loudly: a machine
 * that should run it must not pass by running nothing.
 */
import { join } from 'node:path';
import {
  binaryDownloadSkipped,
  installedElectronBinary,
  obtainElectronBinary,
  type ObtainElectronResult,
} from '../../../scripts/lib/electron-binary';

export type SuitePlan = { run: true; binary: string } | { run: false; reason: string };

/** Set by the global setup for the spec files (Playwright workers inherit its environment). */
export const BINARY_ENV = 'AUZAP_ELECTRON_SUITE_BINARY';
export const SKIP_ENV = 'AUZAP_ELECTRON_SUITE_SKIP';

export function planElectronSuite(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  obtain: (packageDir: string) => ObtainElectronResult = (packageDir) =>
    obtainElectronBinary({ packageDir, env, progress: 'inherit' }),
): SuitePlan {
  const packageDir = join(root, 'node_modules', 'electron');
  const installed = installedElectronBinary(packageDir, env);
  if (installed) return { run: true, binary: installed };
  if (binaryDownloadSkipped(env)) {
    return {
      run: false,
      reason:
        'skipped: ELECTRON_SKIP_BINARY_DOWNLOAD is set and no Electron binary is installed (unset it where Electron can be downloaded)',
    };
  }
  const result = obtain(packageDir);
  if (result.ok) return { run: true, binary: result.binary };
  throw new Error(
    `The Electron suite cannot run: the Electron binary could not be obtained (${result.reason}). ` +
      'Set ELECTRON_SKIP_BINARY_DOWNLOAD=1 only on machines that must not download it.',
  );
}

/** Electron's arguments: the project folder as the app, so it reads package.json (name, version, desktopName). */
export function electronLaunchArgs(root: string, noSandbox: boolean): string[] {
  return [...(noSandbox ? ['--no-sandbox'] : []), root];
}
