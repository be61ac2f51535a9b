/**
 * The browser host: serves the built renderer on loopback and carries the bridge
 * over a WebSocket to the same core Electron runs. It also answers
 * `GET /host/state` with what the Electron shell would show outside the window
 * (tray badge, tooltip, notifications), so tests can read it.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { HostRuntime } from '../core/host-runtime';
import type { Logger } from '../core/ports';
import { mimeTypeFor } from '../shared/mime-types';
import type { HostShellState } from './host-shell';
import { BRIDGE_SCRIPT_PATH, BRIDGE_SOCKET_PATH, type ClientFrame, type HostFrame } from './wire';

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

/** Electron's CSP forbids the renderer every connection; here the one bridge socket is allowed. */
export function adaptIndexHtml(html: string, origin: string): string {
  const wsOrigin = origin.replace(/^http/, 'ws');
  return html
    .replace("connect-src 'none'", `connect-src ${wsOrigin}${BRIDGE_SOCKET_PATH}`)
    .replace('<script type="module"', `<script src=".${BRIDGE_SCRIPT_PATH}"></script>\n    <script type="module"`);
}

function parseClientFrame(raw: string): ClientFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const frame = value as Record<string, unknown>;
  if (frame.kind !== 'invoke' || typeof frame.id !== 'number' || !Array.isArray(frame.args)) return null;
  return { kind: 'invoke', id: frame.id, channel: String(frame.channel), args: frame.args as unknown[] };
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { runtime, logger, shell } = options;
  const host = options.host ?? '127.0.0.1';
  const rendererDir = resolve(options.rendererDir);
  let origin = '';
  let port = 0;

  const indexHtml = await readFile(join(rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(
      `The renderer is not built (${join(rendererDir, 'index.html')} is missing). Run "npm run build" first.`,
    );
  });

  const loopbackNames = new Set([host, '127.0.0.1', 'localhost', '[::1]']);
  /** The page may be opened as 127.0.0.1 or localhost; both are ours, nothing else is. */
  const isOwnOrigin = (value: string | undefined) => {
    if (!value) return false;
    try {
      const url = new URL(value);
      return url.protocol === 'http:' && loopbackNames.has(url.hostname) && url.port === String(port);
    } catch {
      return false;
    }
  };
  const requestOrigin = (req: IncomingMessage) => {
    const candidate = `http://${req.headers.host ?? ''}`;
    return isOwnOrigin(candidate) ? candidate : origin;
  };

  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const serveFile = async (res: ServerResponse, file: string) => {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': mimeTypeFor(file),
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Only loopback names: a rebound DNS name must not read /host/state as same-origin.
    if (!isOwnOrigin(`http://${req.headers.host ?? ''}`)) {
      sendJson(res, 403, { error: 'forbidden host' });
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    // The shell's side of a notification click (Electron gets it from the OS).
    const click = /^\/host\/notifications\/(\d+)\/click$/.exec(url.pathname);
    // Another website may not click for the user (browsers send Origin on cross-site POSTs).
    if (req.method === 'POST' && req.headers.origin !== undefined && !isOwnOrigin(req.headers.origin)) {
      sendJson(res, 403, { error: 'forbidden origin' });
      return;
    }
    if (req.method === 'POST' && click) {
      const notification = shell.read().notifications[Number(click[1])];
      if (!notification) {
        sendJson(res, 404, { error: 'no such notification' });
        return;
      }
      runtime.notificationClicked(notification);
      sendJson(res, 202, { ok: true });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method not allowed' });
      return;
    }
    if (url.pathname === '/host/state') {
      sendJson(res, 200, shell.read());
      return;
    }
    if (url.pathname === BRIDGE_SCRIPT_PATH) {
      await serveFile(res, options.bridgeScriptFile);
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, {
        'content-type': mimeTypeFor('index.html'),
        'cache-control': 'no-store',
        'x-frame-options': 'DENY',
      });
      res.end(adaptIndexHtml(indexHtml, requestOrigin(req)));
      return;
    }
    const file = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(rendererDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    await serveFile(res, file);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error(`web host request failed: ${String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const clients = new Set<WebSocket>();
  const send = (ws: WebSocket, frame: HostFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };

  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    // Any web page in the user's browser could try ws://127.0.0.1:port; only our own page may.
    if (path !== BRIDGE_SOCKET_PATH || !isOwnOrigin(req.headers.origin)) {
      logger.warn(`refused a bridge connection from origin ${req.headers.origin ?? '(none)'}`);
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('message', (data) => {
        const frame = parseClientFrame(String(data));
        if (!frame) {
          logger.warn('ignored a malformed bridge frame');
          return;
        }
        void runtime
          .dispatch(frame.channel, frame.args)
          .then((outcome) => send(ws, { kind: 'result', id: frame.id, outcome }));
      });
      // A page that (re)connects gets the current state straight away.
      void runtime.dispatch('app:get-snapshot', []).then((outcome) => {
        if (outcome.ok) send(ws, { kind: 'push', channel: 'app:snapshot', payload: outcome.value });
      });
    });
  });

  const unsubscribe = runtime.onPush((push) => {
    for (const ws of clients) send(ws, { kind: 'push', channel: push.channel, payload: push.payload });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://${host}:${port}`;

  return {
    url: `${origin}/`,
    port,
    async close() {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
