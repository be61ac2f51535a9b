/**
 * The connection on its own thread (what both hosts run), against the real simulator:
 * the core sees what it saw with the connection in its own thread, and a thread that
 * cannot start or dies leaves the user connected, not stranded.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect } from 'vitest';
import { threadedConnections } from '../../src/core/connection-thread/threaded-connection';
import { connectionWorkerFromSource } from '../../src/host-web/connection-worker-from-source';
import { storeIncomingMessages } from '../../src/simulator/simulator';
import { inEnglish } from '../support/words';
import { test as it } from './fixtures';
import { joinedSockets, postJson, waitFor, waitForJoined } from './support';

const A = { token: 'token-a', organizationId: 'org-a' };
const onThread = { connect: threadedConnections(connectionWorkerFromSource) };

/** Connections whose threads the test can reach (to end one from outside, as a crash would). */
function trackedThreads() {
  const threads: Worker[] = [];
  const exited = new Set<Worker>();
  const spawn = () => {
    const worker = connectionWorkerFromSource();
    worker.on('exit', () => exited.add(worker));
    threads.push(worker);
    return worker;
  };
  return { threads, exited, connect: threadedConnections(spawn) };
}

const contents = (events: Array<{ name: string; payload: unknown }>) =>
  events.flatMap((e) =>
    e.name === 'whatsapp:message' ? [(e.payload as { message: { content: string } }).message.content] : [],
  );

describe('the connection on its own thread', () => {
  it('goes online over websocket, joins the room, and hands every event over in the order it came', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = await backend.onlineCore(sim, A, onThread);
    expect(c.core.snapshot().connection.transport).toBe('websocket');
    const sent = Array.from({ length: 300 }, (_, i) => `message ${i}`);
    for (const [i, content] of sent.entries()) {
      sim.injectMessage({ organizationId: A.organizationId, contactName: `Cliente ${i % 7}`, content });
    }
    await waitFor(() => contents(c.events).length === sent.length, 10_000, 'all 300 events');
    expect(contents(c.events)).toEqual(sent);
    await waitFor(() => c.tray.at(-1)?.badgeCount === 300, 5_000, 'badge at 300');
    // The thread's log lines reach the app's log.
    expect(c.logger.lines.some((l) => l.startsWith(`INFO connected to ${sim.url}`))).toBe(true);
  });

  it('a server that goes away and comes back: offline with the reason, then online, and nothing missed', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = backend.core({ serverUrl: sim.url, ...A }, undefined, { minMs: 50, maxMs: 200 }, onThread);
    await c.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    const [first] = sim.injectMessage({ organizationId: A.organizationId, contactName: 'Rita', content: 'oi' });
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 1, 5_000, 'one unread');

    const { port, state } = sim;
    await sim.close();
    await c.waitForStatus('offline');
    expect(inEnglish(c.core.snapshot().connection.detail)).not.toBe('');
    storeIncomingMessages(state, { conversationId: first?.conversationId ?? '', content: 'missed', count: 2 });
    await backend.simulator({ port, state });
    await c.waitForStatus('online', 15_000);
    // The thread said "connected" again: the core caught up on what came while it was away.
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 3, 10_000, 'three unread after the catch-up');
  });

  it('a refused token means "sign-in needed" and no retry loop, from the thread too', async ({ backend }) => {
    const lines: string[] = [];
    const sim = await backend.simulator({ accounts: [A], log: (l) => lines.push(l) });
    const backoff = { minMs: 20, maxMs: 50 };
    const c = backend.core(
      { serverUrl: sim.url, token: 'expired', organizationId: A.organizationId },
      undefined,
      backoff,
      onThread,
    );
    await c.waitForStatus('auth_failed');
    expect(inEnglish(c.core.snapshot().connection.detail)).toMatch(/Invalid or expired token.*Sign in again/);
    await new Promise((r) => setTimeout(r, 10 * backoff.maxMs));
    expect(lines.filter((l) => l.includes('handshake refused'))).toHaveLength(1);
    expect(c.core.snapshot().connection.status).toBe('auth_failed');
  });

  it('asked to sign in again (a REST 401), the state says so at once and the thread lets go of the server', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = await backend.onlineCore(sim, A, onThread);
    await postJson(`${sim.url}/sim/fail`, {
      method: 'GET',
      path: '/instances',
      status: 401,
      error: 'token revoked',
      times: 1_000,
    });
    await c.core.dispatch('instances:refresh', []);
    // At once, not when the thread answers: a reply about to go out must see it.
    expect(c.core.snapshot().connection.status).toBe('auth_failed');
    expect(inEnglish(c.core.snapshot().connection.detail)).toContain('token revoked');
    await expect.poll(() => joinedSockets(sim.url, A.organizationId), { timeout: 5_000 }).toBe(0);
    // And it stays signed out: the thread does not reconnect behind the user's back.
    await new Promise((r) => setTimeout(r, 500));
    expect(c.core.snapshot().connection.status).toBe('auth_failed');
    expect(await joinedSockets(sim.url, A.organizationId)).toBe(0);
  });

  it('a thread that dies after a refused sign-in: the fallback does not reconnect with the refused token', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const tracked = trackedThreads();
    const c = await backend.onlineCore(sim, A, { connect: tracked.connect });
    // Refused once: a reconnect would not be refused again, so only the fallback's restraint keeps it signed out.
    await postJson(`${sim.url}/sim/fail`, { method: 'GET', path: '/instances', status: 401, times: 1 });
    await c.core.dispatch('instances:refresh', []);
    await tracked.threads[0]?.terminate();
    await waitFor(() => c.logger.lines.some((l) => l.includes("the connection's thread ended")), 5_000, 'fallback');
    await new Promise((r) => setTimeout(r, 500));
    expect(c.core.snapshot().connection.status).toBe('auth_failed');
    expect(await joinedSockets(sim.url, A.organizationId)).toBe(0);
  });

  it('an event the core fails on costs that event only, not the rest of its batch', async ({ backend }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const seen: string[] = [];
    const c = backend.core({ serverUrl: sim.url, ...A }, undefined, undefined, {
      ...onThread,
      onServerEvent: (event) => {
        seen.push(contents([event])[0] ?? event.name);
        if (seen.length === 1) throw new Error('a bug in a later feature');
      },
    });
    await c.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    // Emitted in one go: they reach the main thread in one batch.
    for (const content of ['um', 'dois', 'três']) sim.injectMessage({ organizationId: A.organizationId, content });
    await waitFor(() => seen.length === 3, 5_000, 'the two after it');
    expect(seen).toEqual(['um', 'dois', 'três']);
    expect(c.logger.lines).toContainEqual(
      expect.stringMatching(/^ERROR handling a whatsapp:message event failed: Error: a bug in a later feature/),
    );
  });

  it('stopping the core ends the thread and its socket', async ({ backend }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const tracked = trackedThreads();
    const c = await backend.onlineCore(sim, A, { connect: tracked.connect });
    c.core.stop();
    await waitFor(() => tracked.exited.size === 1, 5_000, 'the thread to end');
    await expect.poll(() => joinedSockets(sim.url, A.organizationId), { timeout: 5_000 }).toBe(0);
  });

  it('a thread that cannot start: the connection runs in the main thread, and the log says why', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const broken = threadedConnections(
      () => new Worker('throw new Error("the connection script is damaged")', { eval: true }),
    );
    const c = await backend.onlineCore(sim, A, { connect: broken });
    sim.injectMessage({ organizationId: A.organizationId, content: 'still delivered' });
    await waitFor(() => contents(c.events).length === 1, 5_000, 'the message');
    expect(contents(c.events)).toEqual(['still delivered']);
    expect(c.logger.lines).toContainEqual(
      expect.stringMatching(
        /^ERROR the connection's thread failed .*damaged.*connecting from the main thread instead$/,
      ),
    );
  });

  it('a thread missing altogether (spawn throws) is the same: connected from the main thread', async ({ backend }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const missing = threadedConnections(() => {
      throw new Error('ENOENT: no such file, connection-worker.cjs');
    });
    const c = backend.core({ serverUrl: sim.url, ...A }, undefined, undefined, { connect: missing });
    await c.waitForStatus('online');
    expect(c.logger.lines).toContainEqual(
      expect.stringMatching(/^ERROR the connection's thread could not start .*ENOENT/),
    );
  });

  it('a thread that dies mid-session: back online from the main thread, and what came meanwhile is caught up', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const tracked = trackedThreads();
    const c = await backend.onlineCore(sim, A, { connect: tracked.connect });
    const [first] = sim.injectMessage({ organizationId: A.organizationId, contactName: 'Rita', content: 'oi' });
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 1, 5_000, 'one unread');

    await tracked.threads[0]?.terminate();
    // Stored while no socket of ours was listening: only the catch-up can bring it.
    storeIncomingMessages(sim.state, { conversationId: first?.conversationId ?? '', content: 'while it died' });
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 2, 10_000, 'the message caught up');
    expect(c.core.snapshot().connection.status).toBe('online');
    expect(c.logger.lines).toContainEqual(
      expect.stringMatching(/^ERROR the connection's thread ended \(exit code 1\)/),
    );
    // The main thread's connection carries on: live events still arrive.
    sim.injectMessage({
      organizationId: A.organizationId,
      conversationId: first?.conversationId,
      content: 'live again',
    });
    await waitFor(() => contents(c.events).includes('live again'), 5_000, 'a live event after the fallback');
  });
});
