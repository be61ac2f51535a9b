/**
 * Starts the real browser host (`src/host-web/cli.ts`) as a child process, the way
 * `npm run web` does, and tells the test where it serves.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

export interface RunningHost {
  url: string;
  /** The host process (benchmarks read its memory). */
  pid: number | undefined;
  output: () => string;
  hostState(): Promise<{
    badgeCount: number;
    tooltip: string;
    attention: string;
    notifications: Array<Record<string, unknown>>;
  }>;
  /** Sends to the host over its IPC channel (only with `onMessage`). */
  send(message: unknown): void;
  stop(): Promise<void>;
}

export interface HostOptions {
  /** More Node flags, after tsx's (such as another `--import`). */
  nodeArgs?: string[];
  /** Opens an IPC channel to the host process; what it sends comes here. */
  onMessage?: (message: unknown) => void;
  /** A fixed port (a host restarted where its window still points); default any free one. */
  port?: number;
}

export async function startHost(
  env: Record<string, string | undefined> = {},
  options: HostOptions = {},
): Promise<RunningHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'auzap-e2e-'));
  const args = [
    '--import',
    'tsx',
    ...(options.nodeArgs ?? []),
    'src/host-web/cli.ts',
    '--port',
    String(options.port ?? 0),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      AUZAP_SERVER_URL: undefined,
      AUZAP_TOKEN: undefined,
      AUZAP_ORGANIZATION_ID: undefined,
      AUZAP_DATA_DIR: dataDir,
      ...env,
    } as NodeJS.ProcessEnv,
    stdio: options.onMessage ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  if (options.onMessage) child.on('message', options.onMessage);
  let log = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = /open (http:\/\/\S+\/)/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${log}`));
    });
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return {
    url,
    pid: child.pid,
    output: () => log,
    async hostState() {
      const res = await fetch(new URL('host/state', url));
      return (await res.json()) as Awaited<ReturnType<RunningHost['hostState']>>;
    },
    send(message) {
      child.send?.(message as Parameters<NonNullable<ChildProcess['send']>>[0]);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
