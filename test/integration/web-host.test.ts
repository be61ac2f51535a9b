import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createHostShellState } from '../../src/host-web/host-shell';
import { startWebHost, type WebHost } from '../../src/host-web/web-host';
import type { HostRuntime } from '../../src/core/host-runtime';
import { quietLogger } from './support';

let web: WebHost | null = null;
afterEach(async () => {
  await web?.close();
  web = null;
});

const clicked: unknown[] = [];
const runtime = {
  dispatch: async (channel: unknown) => ({ ok: true, value: channel === 'app:get-snapshot' ? 'snapshot' : null }),
  onPush: () => () => undefined,
  notificationClicked: (n: unknown) => void clicked.push(n),
} as unknown as HostRuntime;

async function start() {
  const dir = mkdtempSync(join(tmpdir(), 'auzap-web-'));
  writeFileSync(join(dir, 'index.html'), '<html><head><meta content="connect-src \'none\'"></head></html>');
  writeFileSync(join(dir, 'bridge.js'), '');
  const shell = createHostShellState();
  shell.notify({ title: 'Ana', body: 'segredo', conversationId: 'c1' });
  return startWebHost({
    runtime,
    shell,
    logger: quietLogger(),
    rendererDir: dir,
    bridgeScriptFile: join(dir, 'bridge.js'),
  });
}

function raw(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host over HTTP', () => {
  it('answers only to loopback names: a rebound DNS name cannot read the notifications', async () => {
    web = await start();
    expect(await raw(web.port, '/host/state', { host: `127.0.0.1:${web.port}` })).toBe(200);
    expect(await raw(web.port, '/host/state', { host: `localhost:${web.port}` })).toBe(200);
    expect(await raw(web.port, '/host/state', { host: `evil.example:${web.port}` })).toBe(403);
  });

  it('refuses a notification click posted by another website', async () => {
    web = await start();
    const path = '/host/notifications/0/click';
    expect(await raw(web.port, path, { host: `127.0.0.1:${web.port}`, origin: 'https://evil.example' }, 'POST')).toBe(
      403,
    );
    expect(clicked).toHaveLength(0);
    expect(
      await raw(web.port, path, { host: `127.0.0.1:${web.port}`, origin: `http://127.0.0.1:${web.port}` }, 'POST'),
    ).toBe(202);
    expect(clicked).toHaveLength(1);
  });
});

/** Opens the bridge socket as a page from `origin` would; resolves with what the host sent, or 'refused'. */
function bridgeFrames(port: number, origin: string, send: string[]): Promise<unknown[] | 'refused'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/host/bridge`, { headers: { origin } });
    const frames: unknown[] = [];
    ws.on('error', () => resolve('refused'));
    ws.on('open', () => send.forEach((frame) => ws.send(frame)));
    ws.on('message', (data) => {
      frames.push(JSON.parse(String(data)));
      if (frames.length === 2) {
        ws.close();
        resolve(frames);
      }
    });
  });
}

describe('browser host bridge socket', () => {
  it('serves its own page: the snapshot at once, then answers; malformed frames are ignored', async () => {
    web = await start();
    const frames = await bridgeFrames(web.port, `http://127.0.0.1:${web.port}`, [
      'not json',
      JSON.stringify({ kind: 'invoke', id: 'x', channel: 'app:get-snapshot', args: [] }),
      JSON.stringify({ kind: 'invoke', id: 7, channel: 'connection:retry-now', args: [] }),
    ]);
    expect(frames).toEqual([
      { kind: 'push', channel: 'app:snapshot', payload: 'snapshot' },
      { kind: 'result', id: 7, outcome: { ok: true, value: null } },
    ]);
  });

  it('refuses a page from another website', async () => {
    web = await start();
    expect(await bridgeFrames(web.port, 'https://evil.example', [])).toBe('refused');
  });
});
