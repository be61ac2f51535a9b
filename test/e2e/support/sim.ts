import type { Simulator } from '../../../src/simulator/simulator';

export async function simPost(sim: Simulator, path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Payloads of one event the simulator emitted, oldest first. */
export function emittedPayloads<T>(sim: Simulator, event: string, filter: (p: T) => boolean = () => true): T[] {
  return sim.emitted
    .filter((e) => e.event === event)
    .map((e) => e.payload as T)
    .filter(filter);
}
