import { describe, expect, it } from 'vitest';
import { createInstancesModel } from '../../src/core/instances';
import type { RestClient } from '../../src/core/rest-client';
import type { InstanceDto } from '../../src/shared/rest';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

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
    const model = createInstancesModel({
      rest,
      organizationId: 'org',
      clock: { now: () => Date.parse('2026-11-26T10:00:00Z') },
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      onChange: () => undefined,
      onUnauthorized: () => undefined,
      notify: () => undefined,
    });
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
    expect(model.state().items[0]).toMatchObject({ status: 'disconnected', lastDisconnect: { reason: 'logged_out' } });
    model.stop();
  });
});
