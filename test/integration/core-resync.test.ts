/**
 * The resync edge cases a busy shop hits: a live message racing the resync, a fetch
 * failing half-way, messages that share a second across a page boundary, a chat first
 * heard live and flooded before it was listed, and memory let go during a scroll.
 */
import { describe, expect } from 'vitest';
import { storeIncomingMessages } from '../../src/simulator/simulator';
import { test as it } from './fixtures';
import { call, postJson, waitFor, waitForJoined, waitForListed, type CoreUnderTest } from './support';
import { everyMessageId, openThread, serverMessageIds } from './support-threads';
import { inEnglish } from '../support/words';

const A = { token: 'token-a', organizationId: 'org-a' };
const unfocused = { focused: false, visible: true, conversationId: null };

const contents = async (core: CoreUnderTest['core'], conversationId: string) =>
  (await call(core, 'inbox:open-conversation', { conversationId })).messages.map((m) => m.content);

describe('resync', () => {
  it('a live message arriving during the resync does not hide the messages missed while offline', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const s = sim;
    let raceArmed = false;
    let conversationId = '';
    // While the app asks for the conversation list after reconnecting, a new message arrives live.
    const racingFetch: typeof fetch = async (input, init) => {
      const url = String(input);
      if (raceArmed && /\/conversations(\?|$)/.test(url)) {
        raceArmed = false;
        s.injectMessage({ conversationId, content: 'live during resync' });
        await new Promise((r) => setTimeout(r, 200));
      }
      return fetch(input, init);
    };
    const c = backend.core({ serverUrl: sim.url, ...A }, undefined, undefined, { fetch: racingFetch });
    const core = c.core;
    await c.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    conversationId = sim.injectMessage({ contactName: 'Rita', content: 'before' })[0]?.conversationId ?? '';
    await waitForListed(core, 1);
    await call(core, 'inbox:open-conversation', { conversationId });
    await call(core, 'ui:view-changed', { focused: false, visible: true, conversationId: null });

    const { port, state } = sim;
    await sim.close();
    await c.waitForStatus('offline');
    storeIncomingMessages(state, { conversationId, content: 'missed', count: 2 });
    await backend.simulator({ port, state });
    raceArmed = true;
    await c.waitForStatus('online', 15_000);
    await waitFor(() => core.snapshot().inbox.totalUnread === 3, 10_000, 'three unread');
    expect(await contents(core, conversationId)).toEqual(['before', 'missed', 'missed', 'live during resync']);
  });

  it('a customer who first wrote while the app was offline is notified once it is back (with a chat it knew)', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = await backend.onlineCore(sim, A);
    const core = c.core;
    const [known] = sim.injectMessage({ contactName: 'Rita', content: 'oi' });
    await waitFor(() => c.notifications.length === 1, 5_000, 'Rita notified');
    c.clock.skip(10_000);

    const { port, state } = sim;
    await sim.close();
    await c.waitForStatus('offline');
    storeIncomingMessages(state, { conversationId: known?.conversationId ?? '', content: 'ainda aí?' });
    storeIncomingMessages(state, { contactName: 'Novo Cliente', content: 'Bom dia', count: 1 });
    storeIncomingMessages(state, {
      conversationId: state.conversations.find((x) => x.contactName === 'Novo Cliente')?.id ?? '',
      content: 'Qual o preço?',
    });
    const back = await backend.simulator({ port, state });
    await c.waitForStatus('online', 15_000);
    await waitFor(() => core.snapshot().inbox.totalUnread === 4, 10_000, 'four unread');
    await waitFor(
      () => {
        c.clock.skip(1_000);
        return c.notifications.length === 3;
      },
      10_000,
      'both chats notified',
    );
    const newcomer = c.notifications.find((n) => n.title.startsWith('Novo Cliente'));
    expect(newcomer).toMatchObject({ title: 'Novo Cliente (2 new messages)', body: 'Qual o preço?' });
    // Once: a later sync (another reconnect) does not notify it again.
    await back.close();
    await c.waitForStatus('offline');
    await backend.simulator({ port, state });
    await c.waitForStatus('online', 15_000);
    await new Promise((r) => setTimeout(r, 500));
    c.clock.skip(10_000);
    expect(c.notifications.filter((n) => n.title.startsWith('Novo Cliente'))).toHaveLength(1);
  });

  it('a new customer whose first message is minutes old (a phone back online) gets a name and number at once', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = await backend.onlineCore(sim, A);
    const core = c.core;
    // A first sync has run: the next listing asks only for what changed since it.
    sim.injectMessage({ contactName: 'Rita', content: 'oi' });
    await waitForListed(core, 1);
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    sim.injectMessage({
      contactName: 'Paula Atrasada',
      contactPhone: '5511944443333',
      content: 'oi, sumi',
      timestamp: tenMinutesAgo,
    });
    const paula = async () =>
      (await call(core, 'inbox:get-conversations')).find((r) => r.contactPhone === '5511944443333');
    let row = await paula();
    for (let i = 0; i < 50 && row?.contactName !== 'Paula Atrasada'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      row = await paula();
    }
    expect(row?.contactName).toBe('Paula Atrasada');
  });

  it('a fetch that fails half-way is retried by itself, and nothing missed is lost', async ({ backend }) => {
    let sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = backend.core({ serverUrl: sim.url, ...A });
    const core = c.core;
    await c.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    const conversationId = sim.injectMessage({ contactName: 'Sara', content: 'before' })[0]?.conversationId ?? '';
    await waitForListed(core, 1);

    const { port, state } = sim;
    await sim.close();
    await c.waitForStatus('offline');
    storeIncomingMessages(state, { conversationId, content: 'missed' });
    sim = await backend.simulator({ port, state });
    await postJson(`${sim.url}/sim/fail`, {
      method: 'GET',
      path: `/conversations/${conversationId}/messages`,
      status: 502,
      error: 'bad gateway',
    });
    await c.waitForStatus('online', 15_000);
    // An attempt made while the server was still down may be reported first; the server's own words follow.
    await waitFor(() => inEnglish(core.snapshot().inbox.syncError).includes('bad gateway'), 10_000, 'the failure');
    // No reconnect happens: the retry alone must bring the missed message in.
    await waitFor(() => core.snapshot().inbox.totalUnread === 2, 15_000, 'retried sync');
    expect(core.snapshot().inbox.syncError).toBeNull();
    expect(await contents(core, conversationId)).toEqual(['before', 'missed']);
  });

  it('loads every message of a thread when a page boundary falls inside one second', async ({ backend }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    // WhatsApp times are whole seconds: m08, m09 and m10 arrived in the same one.
    const second = (i: number) => new Date(Date.parse('2026-11-26T10:00:00.000Z') + i * 1000).toISOString();
    const [first] = storeIncomingMessages(sim.state, {
      organizationId: A.organizationId,
      contactName: 'Tina',
      content: 'm00',
      timestamp: second(0),
    });
    const conversationId = first?.conversationId ?? '';
    for (let i = 1; i < 60; i += 1) {
      const at = i >= 8 && i <= 10 ? second(8) : second(i);
      storeIncomingMessages(sim.state, { conversationId, content: `m${String(i).padStart(2, '0')}`, timestamp: at });
    }
    const c = backend.core({ serverUrl: sim.url, ...A });
    const core = c.core;
    await c.waitForStatus('online');
    await waitFor(() => core.snapshot().inbox.conversationCount === 1, 5_000, 'conversation');
    const thread = await openThread(core, conversationId);
    expect(thread.messages).toHaveLength(50);
    expect(thread.hasOlder).toBe(true);
    const older = await thread.loadOlder();
    thread.close();
    // The page brings the thread's start the window lacked; the window then shows all 60.
    expect(older.messages).toHaveLength(10);
    expect(thread.messages.map((m) => m.content)).toEqual(
      Array.from({ length: 60 }, (_, i) => `m${String(i).padStart(2, '0')}`),
    );
    expect(thread.hasOlder).toBe(false);
  });

  it.for([
    { readFirst: false, unread: 121, why: 'the server’s count is taken' },
    { readFirst: true, unread: 120, why: 'read before the outage: what it missed is unread' },
  ])(
    'a chat known only from a live message, flooded before it was ever listed ($why): every message can be scrolled to',
    async ({ readFirst, unread }, { backend }) => {
      let sim = await backend.simulator({ accounts: [A], seedDemoData: false });
      // The conversation list can be refused on demand, so the new chat stays unlisted until the outage is over.
      let listingRefused = false;
      const refusingFetch: typeof fetch = (input, init) =>
        listingRefused && /\/conversations(\?|$)/.test(String(input))
          ? Promise.reject(new TypeError('fetch failed'))
          : fetch(input, init);
      const c = backend.core({ serverUrl: sim.url, ...A }, undefined, undefined, { fetch: refusingFetch });
      const core = c.core;
      await c.waitForStatus('online');
      await waitForJoined(sim.url, A.organizationId);
      await waitFor(
        () => core.snapshot().inbox.lastSyncAt !== null && !core.snapshot().inbox.syncing,
        5_000,
        'first sync',
      );
      await call(core, 'ui:view-changed', unfocused);

      listingRefused = true;
      const conversationId = sim.injectMessage({ contactName: 'Nina', content: 'first' })[0]?.conversationId ?? '';
      await waitFor(() => core.snapshot().inbox.syncError !== null, 5_000, 'the listing of the new chat refused');
      expect(core.snapshot().inbox.totalUnread).toBe(1);
      if (readFirst) await call(core, 'inbox:open-conversation', { conversationId });

      const { port, state } = sim;
      await sim.close();
      await c.waitForStatus('offline');
      storeIncomingMessages(state, { conversationId, content: 'while down', count: 120 });
      sim = await backend.simulator({ port, state });
      listingRefused = false;
      await c.waitForStatus('online', 15_000);
      // Counted once: by the server's count (the walk adds nothing to it), or by the walk alone.
      await waitFor(
        () => core.snapshot().inbox.totalUnread === unread && !core.snapshot().inbox.syncing,
        15_000,
        'the chat listed and caught up',
      );
      sim.injectMessage({ conversationId, content: 'after' });
      await waitFor(() => core.snapshot().inbox.totalUnread === unread + 1, 5_000, 'the live message');

      const ids = await everyMessageId(core, conversationId);
      expect(ids).toHaveLength(122);
      expect(ids).toEqual(serverMessageIds(sim, conversationId));
      expect(core.snapshot().inbox.totalUnread).toBe(0); // opened: read
    },
  );

  it('a thread let go to its tail while an older page is on its way keeps no hole', async ({ backend }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const start = Date.parse('2026-11-26T10:00:00.000Z');
    const [first] = storeIncomingMessages(sim.state, {
      organizationId: A.organizationId,
      contactName: 'Vera',
      timestamp: new Date(start).toISOString(),
    });
    const conversationId = first?.conversationId ?? '';
    for (let i = 1; i < 120; i += 1) {
      storeIncomingMessages(sim.state, { conversationId, timestamp: new Date(start + i * 1_000).toISOString() });
    }
    const others = ['Ana', 'Bia', 'Cau', 'Duda', 'Eva'].map(
      (contactName) => storeIncomingMessages(sim.state, { organizationId: A.organizationId, contactName })[0],
    );
    // The next older page of Vera's chat waits until the test lets it go.
    let holdOlderPage = false;
    let release = () => undefined as void;
    let held = false;
    const holdingFetch: typeof fetch = async (input, init) => {
      if (holdOlderPage && String(input).includes(`/conversations/${conversationId}/messages?before=`)) {
        holdOlderPage = false;
        await new Promise<void>((resolve) => {
          release = resolve;
          held = true;
        });
      }
      return fetch(input, init);
    };
    const c = backend.core({ serverUrl: sim.url, ...A }, undefined, undefined, { fetch: holdingFetch });
    const core = c.core;
    await c.waitForStatus('online');
    await waitFor(() => core.snapshot().inbox.conversationCount === 6, 5_000, 'the conversations');
    const thread = await openThread(core, conversationId);
    expect(thread.messages).toHaveLength(50);

    holdOlderPage = true;
    const scrolled = thread.loadOlder();
    await waitFor(() => held, 5_000, 'the older page requested');
    // Five other chats opened meanwhile: Vera's falls back to its latest messages.
    for (const other of others)
      await call(core, 'inbox:open-conversation', { conversationId: other?.conversationId ?? '' });
    release();
    await scrolled;
    thread.close();
    const server = serverMessageIds(sim, conversationId);
    // Whatever it shows is one unbroken stretch of the newest messages.
    const shown = thread.messages.map((m) => m.id);
    expect(shown).toEqual(server.slice(server.length - shown.length));
    expect(await everyMessageId(core, conversationId)).toEqual(server);
  });
});
