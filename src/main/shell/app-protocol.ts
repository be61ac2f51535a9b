/**
 * The renderer is served from `app://auzap/…`, a privileged custom scheme, not from
 * file://: the packaged binary flips the `grantFileProtocolExtraPrivileges` fuse off,
 * and Chromium then refuses module scripts from file:// (opaque origin). A standard,
 * secure scheme gives the page a real origin (`app://auzap`) that the IPC trust check
 * and the permission handlers can compare against.
 *
 * The handler serves files from one folder (out/renderer) only: no `..` escape, no other
 * host, GET/HEAD only, an explicit MIME type per extension, and the renderer's CSP as a
 * response header too (the <meta> tag cannot express frame-ancestors).
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { mimeTypeFor } from '../../shared/mime-types';

export const APP_SCHEME = 'app';
export const APP_HOST = 'auzap';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Where the main window loads the packaged renderer. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// One map for both hosts; re-exported for the handler's tests.
export { mimeTypeFor };

/** Must run before `app` is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export interface AppProtocolOptions {
  /** The folder served at app://auzap/ (out/renderer). */
  root: string;
  /** The renderer's Content-Security-Policy (src/shared/csp.ts). */
  csp: string;
}

export type AppProtocolHandler = (request: Request) => Promise<Response>;

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', ...headers },
  });

/**
 * The request → response function, free of Electron so it can be tested with plain
 * `Request` objects. Never throws: every failure is a status code.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): AppProtocolHandler {
  const root = resolve(options.root);
  // The header may say what the <meta> tag cannot: nobody may frame the app.
  const csp = `${options.csp}; frame-ancestors 'none'`;

  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST) {
      return plain(404, 'Not found');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method not allowed', { allow: 'GET, HEAD' });
    }

    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    } catch {
      return plain(400, 'Bad request');
    }
    if (relative.includes('\0')) return plain(400, 'Bad request');
    // resolve() collapses any `..` (and, on Windows, `..\`) the decoding revealed; the
    // result must still lie inside the root. An absolute path or a drive letter in the
    // request resolves outside it and is refused the same way.
    const file = resolve(root, `.${relative.startsWith('/') ? '' : '/'}${relative}`);
    if (!file.startsWith(root + sep)) return plain(403, 'Forbidden');

    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return plain(404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'Not found');
    }
    const headers = {
      'content-type': mimeTypeFor(file),
      'content-length': String(body.byteLength),
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'cross-origin-opener-policy': 'same-origin',
      // Local files: nothing to gain from caching, and an update must never show stale ones.
      'cache-control': 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Serves `root` at app://auzap/ for the default session. Call once the app is ready. */
export function installAppProtocol(options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}
