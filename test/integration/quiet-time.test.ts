import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { openConfStateFile } from '../../src/core/persistence/state-file';
import type { ConversationView } from '../../src/shared/inbox';
import { test as it } from './fixtures';
import { call, quietLogger, waitFor, waitForJoined, type CoreUnderTest } from './support';

const A = { token: 'token-a', organizationId: 'org-a' };
const HOUR = 3_600_000;

const row = async (c: CoreUnderTest, name: string): Promise<ConversationView | undefined> =>
  (await call(c.core, 'inbox:get-conversations')).find((r) => r.contactName === name);

/** Lets the notification coalescing window pass; returns the conversations notified so far. */
const notified = (c: CoreUnderTest) => {
  c.clock.skip(1_000);
  return c.notifications.map((n) => n.conversationId);
};

describe('timed mutes and pauses end by themselves', () => {
  it('a conversation muted for 1 hour raises nothing, then notifies again when the hour is over', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = await backend.onlineCore(sim, A);
    const [ana] = sim.injectMessage({ contactName: 'Ana', content: 'oi' });
    await waitFor(() => c.notifications.length === 1, 5_000, 'first notification');
    const conversationId = ana?.conversationId ?? '';
    await call(c.core, 'inbox:set-muted', { conversationId, muted: true, duration: '1h' });
    const muted = await row(c, 'Ana');
    expect(muted?.muted).toBe(true);
    expect(Date.parse(muted?.mutedUntil ?? '') - c.clock.now()).toBeGreaterThan(HOUR - 5_000);

    c.clock.skip(6_000);
    sim.injectMessage({ conversationId, content: 'ainda aí?' });
    const [bia] = sim.injectMessage({ contactName: 'Bia', content: 'olá' });
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 3, 5_000, 'both messages');
    await waitFor(() => notified(c).length === 2, 5_000, 'Bia notified');
    expect(notified(c)).toEqual([conversationId, bia?.conversationId]);

    c.clock.skip(HOUR);
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 3, 1_000, 'settled');
    expect(await row(c, 'Ana')).toMatchObject({ muted: false });
    expect((await row(c, 'Ana'))?.mutedUntil).toBeUndefined();
    sim.injectMessage({ conversationId, content: 'e agora?' });
    await waitFor(() => notified(c).length === 3, 5_000, 'Ana notified again');
    expect(c.notifications[2]?.conversationId).toBe(conversationId);
  });

  it('a timed mute survives a restart with its end, and still ends then', async ({ backend }) => {
    const dir = mkdtempSync(join(tmpdir(), 'auzap-quiet-'));
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const first = backend.core({ serverUrl: sim.url, ...A }, undefined, undefined, {
      stateFile: openConfStateFile(dir, quietLogger()),
    });
    await first.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    const [gil] = sim.injectMessage({ contactName: 'Gil', content: 'oi' });
    await waitFor(() => first.core.snapshot().inbox.totalUnread === 1, 5_000, 'message');
    await expect.poll(async () => (await row(first, 'Gil'))?.contactName).toBe('Gil');
    await call(first.core, 'inbox:set-muted', {
      conversationId: gil?.conversationId ?? '',
      muted: true,
      duration: '8h',
    });
    const until = (await row(first, 'Gil'))?.mutedUntil;
    expect(until).toBeTruthy();
    first.clock.skip(1_000);
    first.core.stop();

    const second = backend.core({ serverUrl: sim.url, ...A }, undefined, undefined, {
      stateFile: openConfStateFile(dir, quietLogger()),
    });
    expect(await row(second, 'Gil')).toMatchObject({ muted: true, mutedUntil: until });
    second.clock.skip(8 * HOUR);
    await expect.poll(async () => (await row(second, 'Gil'))?.muted).toBe(false);
  });

  it('notifications paused for 1 hour stay quiet, then come back by themselves; the tray says until when', async ({
    backend,
  }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const c = await backend.onlineCore(sim, A);
    const settings = await call(c.core, 'notifications:update-settings', { paused: true, pauseFor: '1h' });
    expect(settings.paused).toBe(true);
    expect(Date.parse(settings.pausedUntil ?? '') - c.clock.now()).toBeGreaterThan(HOUR - 5_000);
    expect(c.tray.at(-1)?.tooltip).toMatch(/notifications paused until \d{1,2}:\d\d(\s[AP]M)?/);

    sim.injectMessage({ contactName: 'Caio', content: 'oi' });
    await waitFor(() => c.core.snapshot().inbox.totalUnread === 1, 5_000, 'message');
    expect(notified(c)).toEqual([]);

    c.clock.skip(HOUR);
    expect(c.core.snapshot().notifications).toMatchObject({ paused: false, pausedUntil: null });
    expect(c.tray.at(-1)?.tooltip).not.toMatch(/paused/);
    sim.injectMessage({ contactName: 'Caio', content: 'voltou?' });
    await waitFor(() => notified(c).length === 1, 5_000, 'notified again');
  });
});
