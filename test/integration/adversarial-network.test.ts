/**
 * The network as a hostile tester breaks it, over loopback: the backend killed again and
 * again under traffic, a connection that goes silent, a token that is refused. Nothing
 * may be lost, nothing shown twice, the unread count must be exact, and a refused app
 * must not hammer the server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { countMessages, startSimulator, storeIncomingMessages, type Simulator } from '../../src/simulator/simulator';
import { call, postJson, startCore, waitFor, waitForJoined, type CoreUnderTest } from './support';
import { startTcpProxy, type TcpProxy } from './support-tcp-proxy';
import { everyMessageId, serverMessageIds } from './support-threads';
import { inEnglish } from '../support/words';

const A = { token: 'token-a', organizationId: 'org-a' };
const FAST_BACKOFF = { minMs: 50, maxMs: 200 };
const unfocused = { focused: false, visible: true, conversationId: null };

let sim: Simulator | null = null;
let proxy: TcpProxy | null = null;
const cores: CoreUnderTest[] = [];
const track = (c: CoreUnderTest) => (cores.push(c), c);

afterEach(async () => {
  for (const c of cores.splice(0)) c.core.stop();
  await proxy?.close();
  await sim?.close();
  proxy = null;
  sim = null;
});

/** A seeded pseudo-random sequence, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('adversarial network', () => {
  it('the backend killed 6 times under traffic: 0 lost, 0 duplicated, unread exact', async () => {
    const rand = random(20261126);
    sim = await startSimulator({ accounts: [A], seedDemoData: false });
    const c = track(startCore({ serverUrl: sim.url, ...A }, undefined, FAST_BACKOFF));
    await c.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    await call(c.core, 'ui:view-changed', unfocused);
    await postJson(`${sim.url}/sim/burst`, { messages: 12, conversations: 12 });
    const conversationIds = () => (sim?.state.conversations ?? []).map((conversation) => conversation.id);
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 12, 10_000, 'the first messages');
    const pick = () => conversationIds()[Math.floor(rand() * conversationIds().length)] ?? '';

    let sentWhileDown = 0;
    for (let kill = 0; kill < 6; kill += 1) {
      // Traffic while up: live messages, some delivered twice, to old and new chats.
      const until = Date.now() + 150 + rand() * 250;
      while (Date.now() < until) {
        sim.injectMessage(
          rand() < 0.1 ? { contactName: `New ${kill}` } : { conversationId: pick(), duplicate: rand() < 0.2 },
        );
        await sleep(3);
      }
      const { port, state } = sim;
      await sim.kill();
      // While down: one chat gets a flood (several pages), others a few.
      const flood = 150 + Math.floor(rand() * 200);
      storeIncomingMessages(state, { conversationId: pick(), count: flood });
      for (let i = 0; i < 20; i += 1) storeIncomingMessages(state, { conversationId: pick() });
      sentWhileDown += flood + 20;
      await sleep(rand() * 300);
      sim = await startSimulator({ port, state });
    }

    const total = countMessages(sim.state, A.organizationId);
    await waitFor(
      () =>
        c.core.snapshot().inbox.totalUnread === total &&
        !c.core.snapshot().inbox.syncing &&
        c.core.inboxStats().missedRanges === 0,
      30_000,
      `${total} unread (${sentWhileDown} sent while the backend was down)`,
    ).catch(() => undefined); // the checks below say what is wrong
    expect(c.core.snapshot().connection.status).toBe('online');
    expect(c.core.snapshot().inbox.syncError).toBeNull();
    expect(c.core.inboxStats().missedRanges).toBe(0);
    const rows = await call(c.core, 'inbox:get-conversations');
    expect(rows).toHaveLength(sim.state.conversations.length);
    const counts = rows.map((row) => ({ id: row.id, unread: row.unreadCount }));
    const server = rows.map((row) => ({ id: row.id, unread: serverMessageIds(sim as Simulator, row.id).length }));
    for (const row of rows) {
      const ids = sim.state.conversations.find((x) => x.id === row.id)?.messages ?? [];
      if (ids.length !== row.unreadCount)
        console.log('SERVER', row.id, JSON.stringify(ids.map((m) => [m.id, m.timestamp])));
    }
    expect(counts).toEqual(server);
    expect(c.core.snapshot().inbox.totalUnread).toBe(total);
    for (const row of rows) expect(await everyMessageId(c.core, row.id)).toEqual(serverMessageIds(sim, row.id));
  }, 60_000);

  it('a silent network stall: offline once the heartbeat misses, nothing lost when it passes', async () => {
    sim = await startSimulator({
      accounts: [A],
      seedDemoData: false,
      timing: { pingIntervalMs: 300, pingTimeoutMs: 300 },
    });
    proxy = await startTcpProxy(sim.port);
    const c = track(startCore({ serverUrl: proxy.url, ...A }, ['websocket'], FAST_BACKOFF));
    await c.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    await call(c.core, 'ui:view-changed', unfocused);
    const conversationId = sim.injectMessage({ contactName: 'Lia', content: 'before' })[0]?.conversationId ?? '';
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 1, 5_000, 'first');

    proxy.stall();
    for (let i = 0; i < 30; i += 1) sim.injectMessage({ conversationId, content: `during the stall ${i}` });
    // Nothing closes the connection: only the heartbeat (300 + 300 ms here) can tell it is dead.
    await c.waitForStatus('offline', 5_000);
    for (let i = 0; i < 30; i += 1) sim.injectMessage({ conversationId, content: `still stalled ${i}` });
    proxy.resume();
    await c.waitForStatus('online', 10_000);
    await waitFor(
      () => c.core.snapshot().inbox.totalUnread === 61 && !c.core.snapshot().inbox.syncing,
      15_000,
      'every message of the stall',
    );
    expect(await everyMessageId(c.core, conversationId)).toEqual(serverMessageIds(sim, conversationId));
  });

  it('a refused token is one attempt, not a reconnect storm; a 401 over REST stops the socket too', async () => {
    const handshakes: string[] = [];
    sim = await startSimulator({ accounts: [A], seedDemoData: false, log: (line) => handshakes.push(line) });
    const refused = track(
      startCore({ serverUrl: sim.url, token: 'revoked', organizationId: A.organizationId }, undefined, FAST_BACKOFF),
    );
    await refused.waitForStatus('auth_failed');
    // Thirty backoff periods: a retrying client would have knocked again and again.
    await sleep(1_500);
    expect(handshakes.filter((l) => l.includes('handshake refused'))).toHaveLength(1);
    expect(refused.core.snapshot().connection.status).toBe('auth_failed');

    // Accepted by the socket, refused by REST: the app signs out instead of looping.
    let restCalls = 0;
    const counting: typeof fetch = (input, init) => {
      restCalls += 1;
      return fetch(input, init);
    };
    await postJson(`${sim.url}/sim/fail`, {
      method: 'GET',
      path: '/instances',
      status: 401,
      error: 'token revoked',
      times: 1_000,
    });
    await postJson(`${sim.url}/sim/fail`, {
      method: 'GET',
      path: '/conversations',
      status: 401,
      error: 'token revoked',
      times: 1_000,
    });
    const connectionsBefore = handshakes.filter((l) => l.includes(': connected for')).length;
    const c = track(startCore({ serverUrl: sim.url, ...A }, undefined, FAST_BACKOFF, { fetch: counting }));
    await c.waitForStatus('auth_failed', 10_000);
    expect(inEnglish(c.core.snapshot().connection.detail)).toContain('token revoked');
    const callsAtSignOut = restCalls;
    await sleep(1_500);
    expect(restCalls).toBe(callsAtSignOut);
    expect(restCalls).toBeLessThanOrEqual(3);
    expect(handshakes.filter((l) => l.includes(': connected for')).length - connectionsBefore).toBe(1);
  });
});
