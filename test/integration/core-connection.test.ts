import { createServer, type AddressInfo } from 'node:net';
import { describe, expect } from 'vitest';
import { test as it } from './fixtures';
import { postJson, waitFor, waitForJoined, type CoreUnderTest } from './support';
import { inEnglish } from '../support/words';

const A = { token: 'token-a', organizationId: 'org-a' };
const B = { token: 'token-b', organizationId: 'org-b' };

describe.each([['websocket'], ['polling']] as const)('core against the real simulator over %s', (transport) => {
  it('goes online, joins the organization room and receives its events', async ({ backend }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = backend.core({ serverUrl: sim.url, ...A }, [transport]);
    await c.waitForStatus('online');
    expect(c.core.snapshot().connection.transport).toBe(transport);
    await waitForJoined(sim.url, A.organizationId);
    sim.injectMessage({ organizationId: A.organizationId, content: 'Olá, tudo bem?' });
    await waitFor(() => c.events.some((e) => e.name === 'whatsapp:message'), 5_000, 'message event');
    const message = c.events.find((e) => e.name === 'whatsapp:message');
    expect(message?.name === 'whatsapp:message' && message.payload.message.content).toBe('Olá, tudo bem?');
    await waitFor(() => c.tray.at(-1)?.badgeCount === 1, 5_000, 'badge');
    expect(c.tray.at(-1)).toEqual({ badgeCount: 1, tooltip: 'AuZap — Online, 1 unread message', attention: 'none' });
  });
});

describe('core connection behaviour', () => {
  it('never lets one organization see another organization’s events', async ({ backend }) => {
    const sim = await backend.simulator({ accounts: [A, B] });
    const a = backend.core({ serverUrl: sim.url, ...A });
    const b = backend.core({ serverUrl: sim.url, ...B });
    await Promise.all([a.waitForStatus('online'), b.waitForStatus('online')]);
    await Promise.all([waitForJoined(sim.url, A.organizationId), waitForJoined(sim.url, B.organizationId)]);
    sim.injectMessage({ organizationId: B.organizationId, content: 'for B only' });
    await waitFor(() => b.events.length > 0, 5_000, 'B event');
    sim.injectMessage({ organizationId: A.organizationId, content: 'for A only' });
    await waitFor(() => a.events.length > 0, 5_000, 'A event');
    const contents = (c: CoreUnderTest) =>
      c.events.flatMap((e) => (e.name === 'whatsapp:message' ? [e.payload.message.content] : []));
    expect(contents(a)).toEqual(['for A only']);
    expect(contents(b)).toEqual(['for B only']);
  });

  it('a refused token means "sign-in needed" and no retry loop', async ({ backend }) => {
    const lines: string[] = [];
    const sim = await backend.simulator({ accounts: [A], log: (l) => lines.push(l) });
    const backoff = { minMs: 20, maxMs: 50 };
    const target = { serverUrl: sim.url, token: 'expired', organizationId: A.organizationId };
    const c = backend.core(target, undefined, backoff);
    await c.waitForStatus('auth_failed');
    expect(inEnglish(c.core.snapshot().connection.detail)).toMatch(/Invalid or expired token.*Sign in again/);
    // Ten times the whole backoff range: a retrying client would have knocked again, many times.
    await new Promise((r) => setTimeout(r, 10 * backoff.maxMs));
    expect(lines.filter((l) => l.includes('handshake refused'))).toHaveLength(1);
    expect(c.core.snapshot().connection.status).toBe('auth_failed');
  });

  it('drops malformed events, counts them, and keeps delivering good ones', async ({ backend }) => {
    const sim = await backend.simulator({ accounts: [A] });
    const c = await backend.onlineCore(sim, A);
    const bad = [{ instanceId: 1, qr: 2 }, 'text', null, [], { conversationId: 'c', contactId: 'k', message: {} }];
    for (const payload of bad) {
      const event =
        payload === null ? 'whatsapp:connected' : payload === 'text' ? 'whatsapp:disconnected' : 'whatsapp:qr';
      await postJson(`${sim.url}/sim/emit`, { organizationId: A.organizationId, event, payload });
    }
    await postJson(`${sim.url}/sim/emit`, {
      organizationId: A.organizationId,
      event: 'whatsapp:message',
      payload: { conversationId: 'c', contactId: 'k', message: {} },
    });
    sim.injectMessage({ organizationId: A.organizationId, content: 'still here' });
    await waitFor(() => c.events.length === 1, 5_000, 'the good event');
    await waitFor(() => c.core.snapshot().diagnostics.droppedEvents === 6, 5_000, 'six drops');
    expect(c.core.snapshot().connection.status).toBe('online');
    expect(c.core.snapshot().diagnostics.lastDropped?.event).toBe('whatsapp:message');
    expect(c.logger.lines.filter((l) => l.startsWith('WARN dropped malformed')).length).toBeGreaterThan(0);
  });

  it('a server never reached is offline with the reason and the attempt count, said once in the log, and connects when it comes up', async ({
    backend,
  }) => {
    // A port nothing listens on yet: the address is right, the backend is down.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const serverUrl = `http://127.0.0.1:${port}`;
    const c = backend.core({ serverUrl, ...A }, ['websocket'], { minMs: 50, maxMs: 100 });
    await c.waitForStatus('offline');
    expect(inEnglish(c.core.snapshot().connection.detail)).toContain(serverUrl);
    await waitFor(() => c.core.snapshot().connection.attempt >= 3, 5_000, 'three attempts');
    expect(c.core.snapshot().connection.status).toBe('offline');
    // The log says why once, not once per retry.
    expect(c.logger.lines.filter((line) => line.includes(`cannot reach ${serverUrl}`))).toHaveLength(1);
    await backend.simulator({ accounts: [A], port });
    await c.waitForStatus('online', 10_000);
  });

  it('survives a server restart: back online and back in the room, without user action', async ({ backend }) => {
    let sim = await backend.simulator({ accounts: [A] });
    const { port, state } = sim;
    const c = backend.core({ serverUrl: sim.url, ...A });
    await c.waitForStatus('online');
    await sim.close();
    await c.waitForStatus('offline');
    expect(inEnglish(c.core.snapshot().connection.detail)).toMatch(/Reconnecting/);
    sim = await backend.simulator({ port, state });
    await c.waitForStatus('online', 15_000);
    await waitForJoined(sim.url, A.organizationId);
    sim.injectMessage({ organizationId: A.organizationId, content: 'after restart' });
    await waitFor(() => c.events.length === 1, 5_000, 'event after restart');
  });

  it('recovers from a network blip and keeps the room (rejoins on every connect)', async ({ backend }) => {
    const sim = await backend.simulator({ accounts: [A] });
    const c = backend.core({ serverUrl: sim.url, ...A });
    await c.waitForStatus('online');
    await postJson(`${sim.url}/sim/sockets/drop`, {});
    await c.waitForStatus('offline');
    await c.waitForStatus('online', 15_000);
    await waitForJoined(sim.url, A.organizationId);
    sim.injectMessage({ organizationId: A.organizationId, content: 'after blip' });
    await waitFor(() => c.events.length === 1, 5_000, 'event after blip');
  });

  it('"retry now" skips the backoff wait', async ({ backend }) => {
    const sim = await backend.simulator({ accounts: [A] });
    const { port, state } = sim;
    // A backoff far longer than the test: only "retry now" can bring it back in time.
    const c = backend.core({ serverUrl: sim.url, ...A }, undefined, { minMs: 60_000, maxMs: 60_000 });
    await c.waitForStatus('online');
    await sim.close();
    await c.waitForStatus('offline');
    await backend.simulator({ port, state });
    expect(await c.core.dispatch('connection:retry-now', [])).toEqual({ ok: true, value: null });
    await c.waitForStatus('online', 10_000);
  });
});
