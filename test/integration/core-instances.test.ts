import { describe, expect } from 'vitest';
import { addInstance } from '../../src/simulator/simulator';
import { test as it } from './fixtures';
import { waitFor } from './support';

const A = { token: 'token-a', organizationId: 'org-a' };

describe('instances in the core', () => {
  it('loads the list on connect and reloads it after every reconnect', async ({ backend }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const sales = addInstance(sim.state, A.organizationId, 'Sales');
    const c = backend.core({ serverUrl: sim.url, ...A });
    const core = c.core;
    await waitFor(() => core.snapshot().instances.items.length === 1, 5_000, 'first load');
    expect(core.snapshot().instances.items[0]).toMatchObject({ id: sales.id, name: 'Sales', status: 'disconnected' });

    // While the app is cut off, the number gets linked and a new one is added.
    const { port, state } = sim;
    await sim.close();
    await c.waitForStatus('offline');
    const stored = state.instances.find((i) => i.id === sales.id);
    if (stored) Object.assign(stored, { status: 'connected', phoneNumber: '5511900001111' });
    addInstance(state, A.organizationId, 'Support');
    await backend.simulator({ port, state });

    await waitFor(() => core.snapshot().instances.items.length === 2, 15_000, 'reload after reconnect');
    expect(core.snapshot().instances.items.find((i) => i.id === sales.id)).toMatchObject({
      status: 'connected',
      phoneNumber: '5511900001111',
    });
  });

  it('keeps each flow to its own instance and counts QR refreshes', async ({ backend }) => {
    const sim = await backend.simulator({
      accounts: [A],
      seedDemoData: false,
      timing: { connectDelayMs: 10, qrFirstMs: 300, qrRefreshMs: 60_000 },
    });
    const sales = addInstance(sim.state, A.organizationId, 'Sales');
    const support = addInstance(sim.state, A.organizationId, 'Support');
    const c = backend.core({ serverUrl: sim.url, ...A });
    const core = c.core;
    await waitFor(() => core.snapshot().instances.items.length === 2, 5_000, 'instances');

    expect(await core.dispatch('instances:connect', [{ instanceId: sales.id, method: 'qr' }])).toEqual({
      ok: true,
      value: null,
    });
    await core.dispatch('instances:connect', [
      { instanceId: support.id, method: 'code', phoneNumber: '5511987654321' },
    ]);
    const flow = (id: string) => core.snapshot().connectFlows.find((f) => f.instanceId === id);
    const qrSequence = () => {
      const stage = flow(sales.id)?.stage;
      return stage?.kind === 'qr' ? stage.sequence : 0;
    };
    await waitFor(() => qrSequence() === 2, 5_000, 'QR 2');
    await waitFor(() => flow(support.id)?.stage.kind === 'code', 5_000, 'code');

    const salesStage = flow(sales.id)?.stage;
    const lastQr = sim.emitted.filter((e) => e.event === 'whatsapp:qr').at(-1)?.payload as { qr: string };
    expect(salesStage?.kind === 'qr' && salesStage.qr).toBe(lastQr.qr);
    expect(core.snapshot().instances.items.find((i) => i.id === sales.id)?.status).toBe('connecting');
    const supportStage = flow(support.id)?.stage;
    expect(supportStage?.kind === 'code' && supportStage.pairingCode).toMatch(/^[1-9A-HJ-NP-TV-Z]{8}$/);

    expect(await core.dispatch('connect-flow:dismiss', [{ instanceId: sales.id }])).toEqual({ ok: true, value: null });
    expect(flow(sales.id)).toBeUndefined();
    expect(flow(support.id)).toBeDefined();
  });

  it('cancelling an attempt ends it on the server too: the number is disconnected, with no expiry or notification later', async ({
    backend,
  }) => {
    const sim = await backend.simulator({
      accounts: [A],
      seedDemoData: false,
      timing: { connectDelayMs: 10, qrFirstMs: 300, qrRefreshMs: 300, qrCount: 2 },
    });
    const sales = addInstance(sim.state, A.organizationId, 'Sales');
    const c = backend.core({ serverUrl: sim.url, ...A });
    const core = c.core;
    await waitFor(() => core.snapshot().instances.items.length === 1, 5_000, 'instances');
    await core.dispatch('instances:connect', [{ instanceId: sales.id, method: 'qr' }]);
    await waitFor(() => core.snapshot().connectFlows[0]?.stage.kind === 'qr', 5_000, 'QR');
    expect(sim.state.instances.find((i) => i.id === sales.id)?.status).toBe('connecting');

    await core.dispatch('connect-flow:dismiss', [{ instanceId: sales.id }]);
    await waitFor(
      () => core.snapshot().instances.items.find((i) => i.id === sales.id)?.status === 'disconnected',
      5_000,
      'the number disconnected',
    );
    expect(sim.state.instances.find((i) => i.id === sales.id)?.status).toBe('disconnected');
    // Long after the attempt would have expired: it was over, nothing more comes of it.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const ends = sim.emitted
      .filter((e) => e.event === 'whatsapp:disconnected')
      .map((e) => (e.payload as { reason?: string }).reason);
    expect(ends).toEqual(['manual']);
    expect(core.snapshot().connectFlows).toEqual([]);
    expect(c.notifications).toEqual([]);
    // Not a drop: a number never linked still reads "Not linked yet", not "Disconnected on request".
    expect(core.snapshot().instances.items.find((i) => i.id === sales.id)?.lastDisconnect).toBeNull();
  });

  it('refuses a connect request with a malformed phone number before calling the server', async ({ backend }) => {
    const sim = await backend.simulator({ accounts: [A], seedDemoData: false });
    const sales = addInstance(sim.state, A.organizationId, 'Sales');
    const c = backend.core({ serverUrl: sim.url, ...A });
    const outcome = await c.core.dispatch('instances:connect', [
      { instanceId: sales.id, method: 'code', phoneNumber: '+55 11' },
    ]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(c.core.snapshot().connectFlows).toEqual([]);
  });
});
