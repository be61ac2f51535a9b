/**
 * The browser host's HTTP side: the built renderer (its CSP opened to the bridge
 * socket only), the bridge script, `GET /host/state` (what Electron's shell would show
 * outside the window) and the shell's side of a notification click.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import type { HostRuntime } from '../core/host-runtime';
import { mimeTypeFor } from '../shared/mime-types';
import type { HostShellState } from './host-shell';
import type { OwnOrigin } from './own-origin';
import { BRIDGE_SCRIPT_PATH, BRIDGE_SOCKET_PATH } from './wire';

export interface HttpRoutesOptions {
  runtime: HostRuntime;
  shell: HostShellState;
  own: OwnOrigin;
  /** The built renderer folder, resolved. */
  rendererDir: string;
  indexHtml: string;
  bridgeScriptFile: string;
}

/** Electron's CSP forbids the renderer every connection; here the one bridge socket is allowed. */
export function adaptIndexHtml(html: string, origin: string): string {
  const wsOrigin = origin.replace(/^http/, 'ws');
  return html
    .replace("connect-src 'none'", `connect-src ${wsOrigin}${BRIDGE_SOCKET_PATH}`)
    .replace('<script type="module"', `<script src=".${BRIDGE_SCRIPT_PATH}"></script>\n    <script type="module"`);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function serveFile(res: ServerResponse, file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(200, { 'content-type': mimeTypeFor(file), 'x-content-type-options': 'nosniff' });
  createReadStream(file).pipe(res);
}

export function createHttpRoutes(options: HttpRoutesOptions) {
  const { runtime, shell, own, rendererDir } = options;

  const notificationClick = (res: ServerResponse, index: number) => {
    const notification = shell.read().notifications[index];
    if (!notification) {
      sendJson(res, 404, { error: 'no such notification' });
      return;
    }
    runtime.notificationClicked(notification);
    sendJson(res, 202, { ok: true });
  };

  const servePage = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (pathname === '/host/state') return sendJson(res, 200, shell.read());
    if (pathname === BRIDGE_SCRIPT_PATH) return serveFile(res, options.bridgeScriptFile);
    if (pathname === '/' || pathname === '/index.html') {
      res.writeHead(200, {
        'content-type': mimeTypeFor('index.html'),
        'cache-control': 'no-store',
        'x-frame-options': 'DENY',
      });
      res.end(adaptIndexHtml(options.indexHtml, own.of(req.headers.host)));
      return;
    }
    const file = normalize(join(rendererDir, decodeURIComponent(pathname)));
    if (!file.startsWith(rendererDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    await serveFile(res, file);
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Only loopback names: a rebound DNS name must not read /host/state as same-origin.
    if (!own.is(`http://${req.headers.host ?? ''}`)) return sendJson(res, 403, { error: 'forbidden host' });
    const url = new URL(req.url ?? '/', own.origin);
    // Another website may not click for the user (browsers send Origin on cross-site POSTs).
    if (req.method === 'POST' && req.headers.origin !== undefined && !own.is(req.headers.origin)) {
      return sendJson(res, 403, { error: 'forbidden origin' });
    }
    // The shell's side of a notification click (Electron gets it from the OS).
    const click = /^\/host\/notifications\/(\d+)\/click$/.exec(url.pathname);
    if (req.method === 'POST' && click) return notificationClick(res, Number(click[1]));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'method not allowed' });
    await servePage(req, res, url.pathname);
  };
}
