/**
 * Runs a command (Electron, or electron-vite which starts Electron), passing its output
 * through as it comes, and recognises Chromium's sandbox abort in what it wrote to stderr.
 */
import { spawn } from 'node:child_process';
import { isSandboxFailure } from './sandbox-failure';

/** Enough of stderr's end to hold Chromium's FATAL line and what follows it. */
const TAIL_CHARS = 64 * 1024;

export interface RunResult {
  /** The exit code, or 1 when the process died of a signal. */
  code: number;
  sandboxFailure: boolean;
}

export function runPassingThrough(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['inherit', 'inherit', 'pipe'],
    });
    let tail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
    });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      const exit = code ?? (signal ? 1 : 0);
      resolve({ code: exit, sandboxFailure: exit !== 0 && isSandboxFailure(tail) });
    });
  });
}
