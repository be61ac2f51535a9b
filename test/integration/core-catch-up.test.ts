/**
 * A long outage must never leave a permanent hole: everything that arrived while the
 * app could not hear the server is fetched (however many pages), every id appears in
 * its thread exactly once, and the unread count is exact.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CATCH_UP_PAGE_SIZE } from '../../src/core/inbox/catch-up';
import { startSimulator, storeIncomingMessages, type Simulator } from '../../src/simulator/simulator';
import { openConfStateFile } from '../../src/core/persistence/state-file';
import {
  call,
  postJson,
  quietLogger,
  startCore,
  waitFor,
  waitForJoined,
  waitForListed,
  type CoreUnderTest,
} from './support';
import { everyMessageId, openThread, serverMessageIds } from './support-threads';
import { inEnglish } from '../support/words';

const A = { token: 'token-a', organizationId: 'org-a' };
const FAST_BACKOFF = { minMs: 50, maxMs: 200 };
const unfocused = { focused: false, visible: true, conversationId: null };

let sim: Simulator | null = null;
let c: CoreUnderTest | null = null;

afterEach(async () => {
  c?.core.stop();
  await sim?.close();
  sim = null;
  c = null;
});

async function onlineCore(simulator: Simulator): Promise<CoreUnderTest> {
  const core = startCore({ serverUrl: simulator.url, ...A }, undefined, FAST_BACKOFF);
  await core.waitForStatus('online');
  await waitForJoined(simulator.url, A.organizationId);
  await call(core.core, 'ui:view-changed', unfocused);
  return core;
}

/** The backend goes away; `whileDown` stores what arrives meanwhile; it comes back with its data. */
async function outage(whileDown: (state: Simulator['state']) => void): Promise<void> {
  if (!sim || !c) throw new Error('no simulator');
  const { port, state } = sim;
  await sim.kill();
  await c.waitForStatus('offline');
  whileDown(state);
  sim = await startSimulator({ port, state });
}

const settled = (core: CoreUnderTest, unread: number) =>
  waitFor(
    () => core.core.snapshot().inbox.totalUnread === unread && !core.core.snapshot().inbox.syncing,
    30_000,
    `${unread} unread and the catch-up done`,
  );

describe.each([1_500, 5_000])('one conversation receives %i messages during one outage', (count) => {
  it('after reconnecting, every one is in its thread exactly once and unread is exact', async () => {
    sim = await startSimulator({ accounts: [A], seedDemoData: false });
    c = await onlineCore(sim);
    const [first] = sim.injectMessage({ contactName: 'Rita', content: 'before' });
    const conversationId = first?.conversationId ?? '';
    await waitForListed(c.core, 1);

    await outage((state) => storeIncomingMessages(state, { conversationId, content: 'while away', count }));
    await c.waitForStatus('online', 15_000);
    await settled(c, 1 + count);
    expect((await call(c.core, 'inbox:get-conversations'))[0]?.unreadCount).toBe(1 + count);
    // Only the latest messages stay in memory for a conversation nobody opened.
    expect(c.core.inboxStats().storedMessages).toBeLessThanOrEqual(20);

    const ids = await everyMessageId(c.core, conversationId);
    expect(ids).toHaveLength(1 + count);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(serverMessageIds(sim, conversationId));
  });
});

describe('catch-up', () => {
  it('200 conversations with 50 messages each during one outage: all fetched, none twice, unread exact', async () => {
    sim = await startSimulator({ accounts: [A], seedDemoData: false });
    c = await onlineCore(sim);
    await postJson(`${sim.url}/sim/burst`, { messages: 200, conversations: 200 });
    await settled(c, 200);
    const conversationIds = sim.state.conversations.map((conversation) => conversation.id);

    await outage((state) => {
      for (const conversationId of conversationIds) {
        storeIncomingMessages(state, { conversationId, content: 'missed', count: 50 });
      }
    });
    await c.waitForStatus('online', 15_000);
    await settled(c, 200 * 51);
    const rows = await call(c.core, 'inbox:get-conversations');
    expect(rows).toHaveLength(200);
    expect(rows.every((row) => row.unreadCount === 51)).toBe(true);
    for (const conversationId of conversationIds) {
      expect(await everyMessageId(c.core, conversationId)).toEqual(serverMessageIds(sim, conversationId));
    }
    // Opened threads are the only ones held whole; the rest keep their tail.
    const stats = c.core.inboxStats();
    expect(stats.openThreads).toBeLessThanOrEqual(5);
    expect(stats.storedMessages).toBeLessThanOrEqual(200 * 20 + 5 * 51);
  });

  it('messages sharing one instant across page boundaries are each fetched exactly once', async () => {
    sim = await startSimulator({ accounts: [A], seedDemoData: false });
    c = await onlineCore(sim);
    const [first] = sim.injectMessage({ contactName: 'Tina', content: 'before' });
    const conversationId = first?.conversationId ?? '';
    await waitForListed(c.core, 1);
    const instant = new Date(Date.now() + 60_000).toISOString();
    await outage((state) => {
      storeIncomingMessages(state, { conversationId, content: 'a', count: 30 });
      // 250 in the same instant: more than a catch-up page (100) and a thread page (50).
      for (let i = 0; i < 250; i += 1)
        storeIncomingMessages(state, { conversationId, content: 'same', timestamp: instant });
      storeIncomingMessages(
        state,
        { conversationId, content: 'z', count: 30, timestamp: undefined },
        new Date(Date.parse(instant) + 1_000),
      );
    });
    await c.waitForStatus('online', 15_000);
    await settled(c, 1 + 310);
    const ids = await everyMessageId(c.core, conversationId);
    expect(new Set(ids).size).toBe(311);
    expect(ids).toEqual(serverMessageIds(sim, conversationId));
  });

  it('a catch-up that fails half-way keeps its place: opening the chat and the retry fill the gap, counted once', async () => {
    sim = await startSimulator({ accounts: [A], seedDemoData: false });
    let conversationId = '';
    let pageRequests = 0;
    let failuresLeft = 0;
    // Once armed, the third page request of the catch-up answers 502.
    const flaky: typeof fetch = async (input, init) => {
      if (conversationId && String(input).includes(`/conversations/${conversationId}/messages`)) {
        pageRequests += 1;
        if (pageRequests === 3 && failuresLeft > 0) {
          failuresLeft -= 1;
          return new Response(JSON.stringify({ error: 'bad gateway' }), { status: 502 });
        }
      }
      return fetch(input, init);
    };
    c = startCore({ serverUrl: sim.url, ...A }, undefined, FAST_BACKOFF, { fetch: flaky });
    const core = c;
    await core.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    await call(core.core, 'ui:view-changed', unfocused);
    conversationId = sim.injectMessage({ contactName: 'Sara', content: 'before' })[0]?.conversationId ?? '';
    await waitForListed(core.core, 1);
    pageRequests = 0;
    failuresLeft = 1;

    await outage((state) => storeIncomingMessages(state, { conversationId, content: 'missed', count: 1_200 }));
    await core.waitForStatus('online', 15_000);
    // An attempt made while the server was still down may be reported first; the server's own words follow.
    await waitFor(() => inEnglish(core.core.snapshot().inbox.syncError).includes('bad gateway'), 10_000, 'the failure');
    // Two pages were counted before the failure (every page after the first re-asks for the
    // instant it stopped at, so it brings one message fewer); the rest of the gap is remembered.
    const perPage = CATCH_UP_PAGE_SIZE - 1;
    expect(core.core.snapshot().inbox.totalUnread).toBe(1 + CATCH_UP_PAGE_SIZE + perPage);
    expect(core.core.inboxStats().missedRanges).toBe(1);

    // The user opens the chat: read, and the gap's next page is fetched at once.
    await call(core.core, 'ui:view-changed', { focused: true, visible: true, conversationId });
    await call(core.core, 'inbox:open-conversation', { conversationId });
    expect(pageRequests).toBe(4);
    await call(core.core, 'ui:view-changed', unfocused);
    // The sync retries by itself (no reconnect) and finishes the walk; only what nobody saw is unread.
    await waitFor(
      () => core.core.inboxStats().missedRanges === 0 && !core.core.snapshot().inbox.syncing,
      20_000,
      'the walk to finish',
    );
    expect(core.core.snapshot().inbox.syncError).toBeNull();
    expect(core.core.snapshot().inbox.totalUnread).toBe(1_200 - (CATCH_UP_PAGE_SIZE + 2 * perPage));
    const ids = await everyMessageId(core.core, conversationId);
    expect(ids).toEqual(serverMessageIds(sim, conversationId));
    expect(new Set(ids).size).toBe(1_201);
  });

  it('a gap left when the app quits is remembered in the saved state and filled on the next run', async () => {
    sim = await startSimulator({ accounts: [A], seedDemoData: false });
    const dataDir = mkdtempSync(join(tmpdir(), 'auzap-catch-up-'));
    let conversationId = '';
    let broken = false;
    let pagesBeforeBreaking = 1;
    const breaksAfterOnePage: typeof fetch = async (input, init) => {
      if (broken && String(input).includes(`/conversations/${conversationId}/messages?`)) {
        if (pagesBeforeBreaking === 0) return new Response(JSON.stringify({ error: 'maintenance' }), { status: 503 });
        pagesBeforeBreaking -= 1;
      }
      return fetch(input, init);
    };
    const withState = (extra: Parameters<typeof startCore>[3] = {}) =>
      startCore({ serverUrl: sim?.url ?? '', ...A }, undefined, FAST_BACKOFF, {
        stateFile: openConfStateFile(dataDir, quietLogger()),
        ...extra,
      });
    c = withState({ fetch: breaksAfterOnePage });
    const first = c;
    await first.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    await call(first.core, 'ui:view-changed', unfocused);
    conversationId = sim.injectMessage({ contactName: 'Vera', content: 'before' })[0]?.conversationId ?? '';
    await waitForListed(first.core, 1);
    await waitFor(() => !first.core.snapshot().inbox.syncing, 5_000, 'the new chat’s sync');
    broken = true;
    await outage((state) => storeIncomingMessages(state, { conversationId, content: 'missed', count: 700 }));
    await first.waitForStatus('online', 15_000);
    await waitFor(() => /maintenance/.test(inEnglish(first.core.snapshot().inbox.syncError)), 10_000, 'the failure');
    // Only the newest page got through before the app quit.
    expect(first.core.snapshot().inbox.totalUnread).toBe(1 + CATCH_UP_PAGE_SIZE);
    first.core.stop();

    c = withState();
    const second = c;
    await second.waitForStatus('online', 15_000);
    await settled(second, 701);
    expect(second.core.inboxStats().missedRanges).toBe(0);
    const ids = await everyMessageId(second.core, conversationId);
    expect(ids).toEqual(serverMessageIds(sim, conversationId));
    expect(new Set(ids).size).toBe(701);
  });
});

describe('a gap the background cannot fill', () => {
  it('is filled as the user scrolls back into it: every message once, in order', async () => {
    sim = await startSimulator({ accounts: [A], seedDemoData: false });
    let conversationId = '';
    let broken = false;
    let scrolling = false;
    let firstPage = true;
    // Once broken, the background's page requests fail (after its first); the user's own scrolling gets through.
    const onlyTheUser: typeof fetch = async (input, init) => {
      if (broken && String(input).includes(`/conversations/${conversationId}/messages?`) && !scrolling) {
        if (!firstPage) return new Response(JSON.stringify({ error: 'maintenance' }), { status: 503 });
        firstPage = false;
      }
      return fetch(input, init);
    };
    c = startCore({ serverUrl: sim.url, ...A }, undefined, FAST_BACKOFF, { fetch: onlyTheUser });
    const core = c;
    await core.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    await call(core.core, 'ui:view-changed', unfocused);
    conversationId = sim.injectMessage({ contactName: 'Noa', content: 'before' })[0]?.conversationId ?? '';
    await waitForListed(core.core, 1);
    await waitFor(() => !core.core.snapshot().inbox.syncing, 5_000, 'the new chat’s sync');
    broken = true;
    await outage((state) => storeIncomingMessages(state, { conversationId, content: 'missed', count: 450 }));
    await core.waitForStatus('online', 15_000);
    await waitFor(() => /maintenance/.test(inEnglish(core.core.snapshot().inbox.syncError)), 10_000, 'the failure');
    expect(core.core.snapshot().inbox.totalUnread).toBe(1 + CATCH_UP_PAGE_SIZE);
    expect(core.core.inboxStats().missedRanges).toBe(1);

    scrolling = true;
    await call(core.core, 'ui:view-changed', { focused: true, visible: true, conversationId });
    const thread = await openThread(core.core, conversationId);
    // Still inside the gap after opening: the rest comes as the user scrolls up.
    expect(core.core.inboxStats().missedRanges).toBe(1);
    for (let guard = 0; thread.hasOlder && guard < 50; guard += 1) {
      expect((await thread.loadOlder()).error).toBeNull();
    }
    thread.close();
    scrolling = false;
    expect(core.core.inboxStats().missedRanges).toBe(0);
    const ids = thread.messages.map((m) => m.id);
    expect(ids).toEqual(serverMessageIds(sim, conversationId));
    expect(new Set(ids).size).toBe(451);
    expect(core.core.snapshot().inbox.totalUnread).toBe(0);
  });
});

describe('catch-up while the chat keeps talking', () => {
  it('live messages that arrive before the walk reaches them are counted once, even when memory let them go', async () => {
    sim = await startSimulator({ accounts: [A], seedDemoData: false });
    let conversationId = '';
    // The walk's first page waits until the chat has said more, live.
    let gate: { reached: () => void; open: Promise<void> } | null = null;
    let release = () => {};
    const reached = new Promise<void>((resolve) => {
      gate = { reached: resolve, open: new Promise<void>((done) => (release = done)) };
    });
    const heldWalk: typeof fetch = async (input, init) => {
      const current = gate;
      if (current && String(input).includes(`/conversations/${conversationId}/messages?`)) {
        gate = null;
        current.reached();
        await current.open;
      }
      return fetch(input, init);
    };
    // A tiny memory: the live messages fall out of the thread (and out of its memory of
    // ids) before the walk reaches them, as they do on a busy day with the default limits.
    c = startCore({ serverUrl: sim.url, ...A }, undefined, FAST_BACKOFF, {
      fetch: heldWalk,
      inboxLimits: { tailMessages: 5, openThreads: 1, rememberedIds: 20 },
    });
    const core = c;
    await core.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    await call(core.core, 'ui:view-changed', unfocused);
    conversationId = sim.injectMessage({ contactName: 'Lia', content: 'before' })[0]?.conversationId ?? '';
    await waitForListed(core.core, 1);
    await waitFor(() => !core.core.snapshot().inbox.syncing, 5_000, 'the new chat’s sync');

    await outage((state) => storeIncomingMessages(state, { conversationId, content: 'while away', count: 400 }));
    await reached;
    await waitForJoined(sim.url, A.organizationId);
    sim.injectMessage({ conversationId, content: 'live', count: 100 });
    await waitFor(() => core.core.snapshot().inbox.totalUnread === 101, 5_000, 'the live ones counted');
    release();

    await settled(core, 501);
    expect(core.core.inboxStats().missedRanges).toBe(0);
    const ids = await everyMessageId(core.core, conversationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(serverMessageIds(sim, conversationId));
  });
});
