import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { openConfStateFile } from '../../src/core/persistence/state-file';
import { storeIncomingMessages } from '../../src/simulator/simulator';
import type { ConversationView } from '../../src/shared/inbox';
import { test as it, type Backend } from './fixtures';
import { call, postJson, quietLogger, waitFor, waitForJoined, type CoreUnderTest } from './support';
import { inEnglish } from '../support/words';
import { openThread } from './support-threads';

const A = { token: 'token-a', organizationId: 'org-a' };

/** A core keeping its state in `dir`, as the app does from one start to the next. */
const coreSavingIn = (backend: Backend, dir: string, serverUrl: string, account: typeof A = A) =>
  backend.core({ serverUrl, ...account }, undefined, undefined, { stateFile: openConfStateFile(dir, quietLogger()) });

const conversations = (c: CoreUnderTest): Promise<ConversationView[]> => call(c.core, 'inbox:get-conversations');

const unfocused = { focused: false, visible: true, conversationId: null };

describe('inbox in the core, against the simulator', () => {
  it('stores a live message once even when delivered twice, and counts it unread', async ({ backend }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = await backend.onlineCore(sim, A);
    const [injected] = sim.injectMessage({ contactName: 'Ana', content: 'Oi', duplicate: true });
    await waitFor(() => c.events.filter((e) => e.name === 'whatsapp:message').length === 2, 5_000, 'two deliveries');
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 1, 5_000, 'unread');
    const open = await call(c.core, 'inbox:open-conversation', { conversationId: injected?.conversationId ?? '' });
    expect(open.messages.filter((m) => m.id === injected?.message.id)).toHaveLength(1);
    expect(c.core.snapshot().inbox.totalUnread).toBe(0);
    // The contact name arrives via the follow-up REST sync for a conversation seen first by event.
    await waitFor(() => c.core.snapshot().inbox.syncing === false, 5_000, 'sync');
    expect((await conversations(c))[0]).toMatchObject({ contactName: 'Ana', unreadCount: 0 });
  });

  it('a chat whose messages cannot be fetched when opened stays unread; once they can, opening reads it', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    // Listed with two unread; its messages are not held yet (they come when the chat is opened).
    const [first] = storeIncomingMessages(sim.state, { contactName: 'João', content: 'Oi' });
    const conversationId = first?.conversationId ?? '';
    storeIncomingMessages(sim.state, { conversationId, content: 'Tem o pedido?' });
    const c = await backend.onlineCore(sim, A);
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 2, 5_000, 'two unread');
    await postJson(`${sim.url}/sim/fail`, {
      method: 'GET',
      path: `/conversations/${conversationId}/messages`,
      status: 503,
      error: 'maintenance',
    });
    const failed = await call(c.core, 'inbox:open-conversation', { conversationId });
    expect(inEnglish(failed.error)).toContain('Could not load the messages');
    expect(c.core.snapshot().inbox.totalUnread).toBe(2);
    expect((await conversations(c)).find((row) => row.id === conversationId)?.unreadCount).toBe(2);

    const opened = await call(c.core, 'inbox:open-conversation', { conversationId });
    expect(opened.error).toBeNull();
    expect(opened.messages.map((m) => m.content)).toEqual(['Oi', 'Tem o pedido?']);
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 0, 5_000, 'read once shown');
  });

  it('after a server restart, messages that arrived meanwhile appear exactly once and count as unread', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = await backend.onlineCore(sim, A);
    const [first] = sim.injectMessage({ contactName: 'Bruno', content: 'before' });
    const conversationId = first?.conversationId ?? '';
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 1, 5_000, 'first message');
    const thread = await openThread(c.core, conversationId);
    await c.core.dispatch('ui:view-changed', [unfocused]);

    const { port, state } = sim;
    await sim.close();
    await c.waitForStatus('offline');
    storeIncomingMessages(state, { conversationId, content: 'while you were away', count: 3 });
    storeIncomingMessages(state, { contactName: 'Carla', content: 'new customer' });
    await backend.simulator({ port, state });

    await c.waitForStatus('online', 15_000);
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 4, 10_000, 'missed messages');
    await waitFor(() => !c.core.snapshot().inbox.syncing, 5_000, 'sync end');
    await thread.loadOlder();
    // Fetched in the background while the thread was open: they reach the window as its deltas.
    await waitFor(() => thread.messages.length >= 4, 5_000, 'the missed messages in the window');
    const { messages } = thread;
    thread.close();
    expect(messages.map((m) => m.content)).toEqual([
      'before',
      'while you were away',
      'while you were away',
      'while you were away',
    ]);
    expect(new Set(messages.map((m) => m.id)).size).toBe(4);
    const rows = await conversations(c);
    expect(rows.find((r) => r.id === conversationId)?.unreadCount).toBe(3);
    expect(rows.find((r) => r.contactName === 'Carla')?.unreadCount).toBe(1);
  });

  it('a network blip is recovered by the server: messages sent in the gap arrive once', async ({ backend }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = await backend.onlineCore(sim, A);
    await postJson(`${sim.url}/sim/sockets/drop`, {});
    await c.waitForStatus('offline');
    sim.injectMessage({ contactName: 'Dora', content: 'in the gap', count: 2 });
    await c.waitForStatus('online', 15_000);
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 2, 10_000, 'gap messages');
    await new Promise((r) => setTimeout(r, 300));
    expect(c.core.snapshot().inbox.totalUnread).toBe(2);
  });

  it('a burst of 2,000 messages over 200 conversations: all stored, totals exact, few notifications', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = await backend.onlineCore(sim, A);
    await c.core.dispatch('ui:view-changed', [unfocused]);
    const res = await postJson(`${sim.url}/sim/burst`, { messages: 2000, conversations: 200 });
    expect(res.status).toBe(202);
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 2000, 20_000, '2000 unread');
    const rows = await conversations(c);
    expect(rows).toHaveLength(200);
    expect(rows.reduce((sum, r) => sum + r.unreadCount, 0)).toBe(2000);
    // Still exact once the follow-up syncs for the new conversations are done.
    await waitFor(() => !c.core.snapshot().inbox.syncing, 10_000, 'follow-up syncs');
    expect(c.core.snapshot().inbox.totalUnread).toBe(2000);
    // Past the coalescing's trailing window, then count.
    c.clock.skip(6_000);
    expect(c.notifications.length).toBeGreaterThan(0);
    expect(c.notifications.length).toBeLessThanOrEqual(6);
  });

  it('a reply shows as sending, then sent; a 500 queues it and it goes by itself; a 400 fails with a retry that works', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = await backend.onlineCore(sim, A);
    const [injected] = sim.injectMessage({ contactName: 'Eva', content: 'preço?' });
    const conversationId = injected?.conversationId ?? '';
    const path = `/conversations/${conversationId}/messages`;
    await waitFor(() => c.core.snapshot().inbox.conversationCount === 1, 5_000, 'conversation');

    const sent = await call(c.core, 'inbox:send', { conversationId, content: 'R$ 10' });
    expect(sent.status).toBe('sending');
    const messages = async () => (await call(c.core, 'inbox:open-conversation', { conversationId })).messages;
    const statusOf = async (content: string) => (await messages()).find((m) => m.content === content)?.status;
    await expect.poll(() => statusOf('R$ 10')).toBe('sent');
    expect((await messages()).find((m) => m.content === 'R$ 10')?.id).toMatch(/^(3EB0|3A)?[0-9A-F]{18,32}$/);

    await postJson(`${sim.url}/sim/fail`, { method: 'POST', path, status: 500, error: 'database unavailable' });
    await c.core.dispatch('inbox:send', [{ conversationId, content: 'segunda' }]);
    await expect.poll(() => statusOf('segunda'), { timeout: 10_000 }).toBe('sent');
    expect((await messages()).filter((m) => m.content === 'segunda')).toHaveLength(1);

    await postJson(`${sim.url}/sim/fail`, { method: 'POST', path, status: 400, error: 'too long for WhatsApp' });
    await c.core.dispatch('inbox:send', [{ conversationId, content: 'terceira' }]);
    await expect.poll(() => statusOf('terceira')).toBe('failed');
    const failed = (await messages()).find((m) => m.content === 'terceira');
    expect(inEnglish(failed?.error)).toBe('Not sent. The server said: “too long for WhatsApp” (HTTP 400).');
    expect((await conversations(c))[0]?.pendingReply).toBe('failed');
    await c.core.dispatch('inbox:retry-send', [{ conversationId, localId: failed?.localId ?? '' }]);
    await expect.poll(() => statusOf('terceira')).toBe('sent');
    expect((await messages()).filter((m) => m.content === 'terceira')).toHaveLength(1);
    expect((await conversations(c))[0]?.pendingReply).toBeNull();
    const onServer = sim.state.conversations[0]?.messages.filter((m) => m.direction === 'outgoing');
    expect(onServer?.map((m) => m.content)).toEqual(['R$ 10', 'segunda', 'terceira']);
  });

  it('restarting with the same data directory brings back conversations, unread counts and mutes', async ({
    backend,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'auzap-state-'));
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const first = coreSavingIn(backend, dir, sim.url);
    await first.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    const [one] = sim.injectMessage({ contactName: 'Fábio', content: 'um', count: 2 });
    sim.injectMessage({ contactName: 'Gil', content: 'dois' });
    await waitFor(() => first.core.snapshot().inbox.totalUnread === 3, 5_000, 'three unread');
    // The contacts' names come from the server a moment after their first messages.
    await expect.poll(async () => (await conversations(first)).every((r) => r.contactName !== null)).toBe(true);
    await first.core.dispatch('inbox:set-muted', [{ conversationId: one?.conversationId ?? '', muted: true }]);
    first.core.stop();
    const serverUrl = sim.url;
    await sim.close();

    // The server is gone: what the user sees comes from the saved state alone.
    const second = coreSavingIn(backend, dir, serverUrl);
    expect(second.core.snapshot().inbox.totalUnread).toBe(3);
    const rows = await conversations(second);
    const byName = rows.map((r) => [r.contactName, r.unreadCount, r.muted]).sort();
    expect(byName).toEqual([
      ['Fábio', 2, true],
      ['Gil', 1, false],
    ]);

    // Another organization on the same machine never sees this inbox.
    const other = coreSavingIn(backend, dir, serverUrl, { token: 't', organizationId: 'org-other' });
    expect(await conversations(other)).toEqual([]);
  });

  it('a reply queued offline is on disk at once: the app dying a moment later (no last save) loses nothing', async ({
    backend,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'auzap-state-'));
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const first = coreSavingIn(backend, dir, sim.url);
    await first.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    const [injected] = sim.injectMessage({ contactName: 'Joana', content: 'oi' });
    const conversationId = injected?.conversationId ?? '';
    await waitFor(() => first.core.snapshot().inbox.conversationCount === 1, 5_000, 'conversation');
    const serverUrl = sim.url;
    await sim.close();
    await first.waitForStatus('offline');

    const queued = await call(first.core, 'inbox:send', { conversationId, content: 'já te respondo' });
    expect(queued.status).toBe('queued');
    // No time passes and the first app never stops (a crash): the second reads the disk as it is.
    const second = coreSavingIn(backend, dir, serverUrl);
    expect((await conversations(second))[0]?.pendingReply).toBe('queued');
  });

  it('a garbage state file is set aside with a warning and the app starts from defaults', async ({ backend }) => {
    const dir = mkdtempSync(join(tmpdir(), 'auzap-state-'));
    writeFileSync(join(dir, 'auzap-state.json'), '{"version": 1, "inbox": [trunc');
    const logger = quietLogger();
    const c = backend.core({ serverUrl: 'http://127.0.0.1:9', ...A }, undefined, undefined, {
      stateFile: openConfStateFile(dir, logger),
    });
    expect(c.core.snapshot().inbox.totalUnread).toBe(0);
    expect(logger.lines.some((l) => l.startsWith('WARN The saved state') && l.includes('could not be read'))).toBe(
      true,
    );
    expect(readdirSync(dir).some((f) => f.startsWith('auzap-state.json.corrupt-'))).toBe(true);
  });
});
