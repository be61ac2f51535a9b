/**
 * The Electron of the project in the current folder (npm runs scripts from the project
 * root): its `electron` package, the executable (downloaded on first use), and the words
 * for when it cannot be had.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { electronUnavailableMessage, obtainElectronBinary } from './electron-binary';
import { runPassingThrough } from './run-electron';
import { sandboxAdvice } from './sandbox-failure';

function electronPackageDir(root: string): string {
  return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
}

/** The executable, or exits with one clear message. */
export function electronBinaryOrExit(root: string): string {
  const result = obtainElectronBinary({ packageDir: electronPackageDir(root) });
  if (result.ok) return result.binary;
  console.error(electronUnavailableMessage(result));
  process.exit(1);
}

/** Runs `command`, and after a sandbox abort explains it; resolves with the exit code. */
export async function runExplainingSandbox(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; electronBinary: string },
): Promise<number> {
  const result = await runPassingThrough(command, args, options);
  if (result.sandboxFailure) console.error(`\n${sandboxAdvice(dirname(options.electronBinary))}`);
  return result.code;
}
