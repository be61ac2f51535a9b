/**
 * The resync edge cases a busy shop hits: a live message racing the resync, a fetch
 * failing half-way, and messages that share a second across a page boundary.
 */
import { describe, expect } from 'vitest';
import { storeIncomingMessages } from '../../src/simulator/simulator';
import { test as it } from './fixtures';
import { call, postJson, waitFor, waitForJoined, type CoreUnderTest } from './support';
import { inEnglish } from '../support/words';

const A = { token: 'token-a', organizationId: 'org-a' };

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
    await waitFor(() => core.snapshot().inbox.totalUnread === 1, 5_000, 'first');
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

  it('a fetch that fails half-way is retried by itself, and nothing missed is lost', async ({ backend }) => {
    let sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = backend.core({ serverUrl: sim.url, ...A });
    const core = c.core;
    await c.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    const conversationId = sim.injectMessage({ contactName: 'Sara', content: 'before' })[0]?.conversationId ?? '';
    await waitFor(() => core.snapshot().inbox.totalUnread === 1, 5_000, 'first');

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
    const opened = await call(core, 'inbox:open-conversation', { conversationId });
    expect(opened.messages).toHaveLength(50);
    expect(opened.hasOlder).toBe(true);
    const older = await call(core, 'inbox:load-older', { conversationId });
    expect(older.messages.map((m) => m.content)).toEqual(
      Array.from({ length: 60 }, (_, i) => `m${String(i).padStart(2, '0')}`),
    );
    expect(older.hasOlder).toBe(false);
  });
});
