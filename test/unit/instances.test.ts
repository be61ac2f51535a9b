import { describe, expect, it, vi } from 'vitest';
import { createInstancesModel } from '../../src/core/instances/instances-model';
import { RestError, type RestClient } from '../../src/core/rest-client';
import { INSTANCES_RETRY_MIN_MS } from '../../src/core/instances/instance-list';
import type { InstanceDto } from '../../src/shared/rest';
import { createFakeScheduler, type FakeScheduler } from '../support/fake-scheduler';
import { translator } from '../../src/shared/i18n/translate';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The model over `rest`, with quiet defaults (English words, no log, no notifications). */
const quietModel = (
  rest: RestClient,
  clock: FakeScheduler,
  extra: Partial<Parameters<typeof createInstancesModel>[0]> = {},
) =>
  createInstancesModel({
    rest,
    organizationId: 'org',
    words: () => translator('en'),
    clock,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    onChange: () => undefined,
    onUnauthorized: () => undefined,
    notify: () => undefined,
    ...extra,
  });

describe('instances model', () => {
  it('a REST answer that left before a live event does not undo the event', async () => {
    const answers: Array<ReturnType<typeof deferred<InstanceDto[]>>> = [];
    const rest = {
      listInstances: () => {
        const next = deferred<InstanceDto[]>();
        answers.push(next);
        return next.promise;
      },
    } as unknown as RestClient;
    const model = quietModel(rest, createFakeScheduler());
    const first = model.refresh();
    answers[0]?.resolve([{ id: 'i1', name: 'Sales', status: 'connected', phoneNumber: '5511999990000' }]);
    await first;

    // A refresh leaves; meanwhile WhatsApp logs the number out; then the (stale) answer lands.
    const stale = model.refresh();
    model.handleEvent({
      name: 'whatsapp:disconnected',
      payload: { instanceId: 'i1', reason: 'logged_out', timestamp: '2026-11-26T10:00:01.000Z' },
    });
    answers[1]?.resolve([{ id: 'i1', name: 'Sales', status: 'connected', phoneNumber: '5511999990000' }]);
    await new Promise((r) => setTimeout(r, 0));
    expect(model.state().items[0]).toMatchObject({
      status: 'disconnected',
      lastDisconnect: { reason: 'logged_out' },
    });

    // The refresh the event asked for runs next; its answer is trusted.
    expect(answers).toHaveLength(3);
    answers[2]?.resolve([{ id: 'i1', name: 'Sales', status: 'disconnected' }]);
    await stale;
    // The server no longer sends the phone of a dropped number; the list keeps showing it.
    expect(model.state().items[0]).toMatchObject({
      status: 'disconnected',
      lastDisconnect: { reason: 'logged_out' },
      phoneNumber: '5511999990000',
    });
    model.stop();
  });
});

describe('a connect flow waiting for its code', () => {
  it('gives up in words when no QR arrives in time, and not a moment before', async () => {
    const clock = createFakeScheduler();
    const rest = {
      listInstances: async () => [{ id: 'i1', name: 'Sales', status: 'disconnected' }],
      connectInstance: async () => ({ instanceId: 'i1', method: 'qr' }),
    } as unknown as RestClient;
    const model = quietModel(rest, clock, { codeWaitMs: 30_000 });
    await model.connect({ instanceId: 'i1', method: 'qr' });
    expect(model.flows()[0]?.stage.kind).toBe('waiting');
    clock.advance(29_999);
    expect(model.flows()[0]?.stage.kind).toBe('waiting');
    clock.advance(1);
    expect(model.flows()[0]?.stage).toEqual({
      kind: 'failed',
      message: { key: 'connect.noQrArrived', params: { seconds: 30 } },
    });
    model.stop();
  });

  it('stops waiting when the flow is dismissed, and tells the server to stop trying', async () => {
    const clock = createFakeScheduler();
    const disconnectInstance = vi.fn(async () => undefined);
    const rest = {
      connectInstance: async () => ({ instanceId: 'i1', method: 'qr' }),
      disconnectInstance,
    } as unknown as RestClient;
    const model = quietModel(rest, clock);
    await model.connect({ instanceId: 'i1', method: 'qr' });
    expect(clock.pendingCount()).toBe(1);
    model.dismiss('i1');
    expect(clock.pendingCount()).toBe(0);
    await vi.waitFor(() => expect(disconnectInstance).toHaveBeenCalledWith('i1'));
  });

  it('a load that failed is tried again by itself, later and later; not after a 401, nor once stopped', async () => {
    const clock = createFakeScheduler();
    const answers: Array<() => Promise<InstanceDto[]>> = [
      () => Promise.reject(new RestError('http', 'busy', 503)),
      () => Promise.reject(new RestError('network', 'unreachable')),
      () => Promise.resolve([{ id: 'i1', name: 'Vendas', status: 'connected' }]),
      () => Promise.reject(new RestError('unauthorized', 'Sign-in needed', 401)),
    ];
    const calls: number[] = [];
    const rest = {
      listInstances: () => (calls.push(clock.now()), (answers.shift() ?? answers[0])!()),
    } as unknown as RestClient;
    const model = quietModel(rest, clock);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await model.refresh();
    expect(model.state().error).not.toBeNull();
    clock.advance(INSTANCES_RETRY_MIN_MS);
    await settle();
    clock.advance(2 * INSTANCES_RETRY_MIN_MS);
    await settle();
    expect(calls.map((at) => at - (calls[0] ?? 0))).toEqual([0, INSTANCES_RETRY_MIN_MS, 3 * INSTANCES_RETRY_MIN_MS]);
    expect(model.state()).toMatchObject({ error: null, items: [{ id: 'i1', name: 'Vendas' }] });
    expect(clock.pendingCount()).toBe(0);

    // A refused sign-in waits for the user: no retry.
    await model.refresh();
    expect(model.state().error).not.toBeNull();
    expect(clock.pendingCount()).toBe(0);

    // Stopped (the connection closes): nothing more is scheduled.
    answers.push(() => Promise.reject(new RestError('http', 'busy', 503)));
    model.stop();
    await model.refresh();
    expect(clock.pendingCount()).toBe(0);
  });
});
