/**
 * The browser host: serves the built renderer on loopback and carries the bridge
 * over a WebSocket to the same core Electron runs. It also answers
 * `GET /host/state` with what the Electron shell would show outside the window
 * (tray badge, tooltip, notifications), so tests can read it.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import type { HostRuntime } from '../core/host-runtime';
import type { Logger } from '../core/ports';
import { describeError } from '../shared/errors';
import { createBridgeSocket } from './bridge-socket';
import type { HostShellState } from './host-shell';
import { createHttpRoutes, sendJson } from './http-routes';
import { createOwnOrigin } from './own-origin';

export interface WebHostOptions {
  runtime: HostRuntime;
  shell: HostShellState;
  logger: Logger;
  /** out/renderer (the built renderer) */
  rendererDir: string;
  /** out/host-web/bridge.js */
  bridgeScriptFile: string;
  port?: number;
  host?: string;
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { runtime, logger } = options;
  const host = options.host ?? '127.0.0.1';
  const rendererDir = resolve(options.rendererDir);
  const indexFile = join(rendererDir, 'index.html');
  const indexHtml = await readFile(indexFile, 'utf8').catch(() => {
    throw new Error(`The renderer is not built (${indexFile} is missing). Run "npm run build" first.`);
  });

  const own = createOwnOrigin(host);
  const routes = createHttpRoutes({
    runtime,
    shell: options.shell,
    own,
    rendererDir,
    indexHtml,
    bridgeScriptFile: options.bridgeScriptFile,
  });
  const server = createServer((req, res) => {
    routes(req, res).catch((error: unknown) => {
      logger.error(`web host request failed: ${describeError(error, { stack: true })}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  const bridge = createBridgeSocket({ runtime, logger, own });
  server.on('upgrade', (req, socket, head) => bridge.upgrade(req, socket, head));

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  own.listeningOn(port);

  return {
    url: `${own.origin}/`,
    port,
    async close() {
      bridge.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
