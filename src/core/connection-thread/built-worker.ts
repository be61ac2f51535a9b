/**
 * Starts the built connection thread (out/connection-thread/connection-worker.cjs, one self-contained
 * script) the way the desktop app does: read here, run as an eval worker. Reading goes
 * through this thread's fs, which in Electron reads inside app.asar; the worker itself
 * then needs nothing but Node's built-in modules.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** `readScript` is for tests that take the script out of a packaged app.asar themselves. */
export function builtConnectionWorker(
  scriptPath: string,
  readScript: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): () => Worker {
  let script: string | null = null;
  return () => {
    script ??= readScript(scriptPath);
    return new Worker(script, { eval: true, name: 'auzap-connection' });
  };
}
