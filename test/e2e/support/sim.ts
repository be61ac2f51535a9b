import { expect, type Page } from '@playwright/test';
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

/** The number gets linked from elsewhere (another staff member, the web app): connect, then scan. */
export async function linkFromElsewhere(sim: Simulator, token: string, instanceId: string, phoneNumber?: string) {
  const res = await fetch(`${sim.url}/instances/${instanceId}/connect`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'qr' }),
  });
  if (res.status !== 202) throw new Error(`connect answered ${res.status}`);
  const scan = await simPost(sim, `/sim/instances/${instanceId}/scan`, phoneNumber ? { phoneNumber } : {});
  if (!scan.ok) throw new Error(`scan answered ${scan.status}`);
}

/** The page shows "online" and the server has put the app's socket in the organization room. */
export async function waitUntilOnline(page: Page, url: string, sim: Simulator): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  // "Online" means join-organization was sent; events reach the app once the server handled it.
  await expect
    .poll(async () => (await (await fetch(`${sim.url}/sim/state`)).json()).organizations[0].sockets.joined)
    .toBeGreaterThanOrEqual(1);
}
