// The app:// handler serves out/renderer and nothing else: right MIME types, the CSP as
// a header, and no way out of the folder (encoded "..", other hosts, NUL, bad escapes).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

import { RENDERER_CSP } from '../../../src/shared/csp';
import {
  APP_ENTRY_URL,
  createAppProtocolHandler,
  installAppProtocol,
  mimeTypeFor,
  registerAppScheme,
  type AppProtocolHandler,
} from '../../../src/main/shell/app-protocol';

let base: string;
let root: string;
let handle: AppProtocolHandler;
const SECRET = 'the secret outside the renderer folder';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'auzap-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>AuZap</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log("hi")');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'font.woff2'), Buffer.from([1, 2, 3]));
  writeFileSync(join(root, 'assets', 'blob.xyz'), 'x');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(base, 'renderer-sibling.txt'), SECRET);
  handle = createAppProtocolHandler({ root, csp: RENDERER_CSP });
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('the app:// protocol handler', () => {
  it('serves index.html with its MIME type and the CSP as a header', async () => {
    const res = await get(APP_ENTRY_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(`${RENDERER_CSP}; frame-ancestors 'none'`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>AuZap</title>');
  });

  it('serves / as index.html', async () => {
    const res = await get('app://auzap/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>AuZap</title>');
  });

  it.each([
    ['app://auzap/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://auzap/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['app://auzap/assets/font.woff2', 'font/woff2'],
    ['app://auzap/assets/blob.xyz', 'application/octet-stream'],
  ])('serves %s as %s', async (url, type) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it.each([
    'app://auzap/..%2fsecret.txt',
    'app://auzap/..%2f..%2fsecret.txt',
    'app://auzap/%2e%2e%2fsecret.txt',
    'app://auzap/assets/..%2f..%2fsecret.txt',
    'app://auzap/%2e%2e/%2e%2e/secret.txt',
    'app://auzap/../secret.txt',
    'app://auzap/..%2frenderer-sibling.txt',
    'app://auzap/..%5csecret.txt',
    'app://auzap/%2fetc%2fpasswd',
    'app://auzap//etc/passwd',
  ])('never serves a file outside the folder: %s', async (url) => {
    const res = await get(url);
    expect(res.status).not.toBe(200);
    expect(await res.text()).not.toContain(SECRET);
  });

  it('answers an encoded ".." with 403 Forbidden', async () => {
    expect((await get('app://auzap/..%2fsecret.txt')).status).toBe(403);
    expect((await get('app://auzap/assets/..%2f..%2f..%2fsecret.txt')).status).toBe(403);
  });

  it('refuses other hosts and other schemes', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://auzap.evil/index.html')).status).toBe(404);
    expect((await get('https://auzap/index.html')).status).toBe(404);
  });

  it('refuses NUL bytes and broken escapes', async () => {
    expect((await get('app://auzap/index.html%00.js')).status).toBe(400);
    expect((await get('app://auzap/%E0%A4%A')).status).toBe(400);
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await get('app://auzap/nope.js')).status).toBe(404);
    expect((await get('app://auzap/assets')).status).toBe(404);
    expect((await get('app://auzap/assets/')).status).toBe(404);
  });

  it('allows GET and HEAD only', async () => {
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get(APP_ENTRY_URL, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('knows the MIME types the renderer build produces', () => {
    expect(mimeTypeFor('/x/a.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/x/a.png')).toBe('image/png');
    expect(mimeTypeFor('/x/a')).toBe('application/octet-stream');
  });
});

describe('registering the scheme', () => {
  it('registers app: as a standard, secure scheme with fetch support', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      }),
    ]);
    // Never bypassCSP or CORS-enabled: the page's own CSP stays in force.
    const [[schemes]] = electron.protocol.registerSchemesAsPrivileged.mock.calls as [[{ privileges: object }[]]];
    expect(schemes[0]?.privileges).not.toHaveProperty('bypassCSP');
  });

  it('installs the handler for app:', async () => {
    installAppProtocol({ root, csp: RENDERER_CSP });
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const installed = electron.protocol.handle.mock.calls[0]?.[1] as AppProtocolHandler;
    expect((await installed(new Request(APP_ENTRY_URL))).status).toBe(200);
  });
});
