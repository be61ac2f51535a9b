import type { Page } from '@playwright/test';
import { addInstance, type Simulator, type SimulatorTiming } from '../../src/simulator/simulator';
import type { WhatsAppPairingCodeEvent, WhatsAppQrEvent } from '../../src/shared/events';
import { expect, test, type Apps } from './support/fixtures';
import { setWindowFocus } from './support/focus';
import { decodeQrPng } from './support/qr';
import { emittedPayloads, linkFromElsewhere, simPost } from './support/sim';

const A = { token: 'token-a', organizationId: 'org-a' };
const B = { token: 'token-b', organizationId: 'org-b' };

/** Two organizations' instances on a fresh simulator, and the browser host signed in as A. */
async function setUp(apps: Apps, timing: Partial<SimulatorTiming>, env: Record<string, string> = {}) {
  const sim = await apps.simulator({
    accounts: [A, B],
    seedDemoData: false,
    timing: { connectDelayMs: 50, ...timing },
  });
  const sales = addInstance(sim.state, A.organizationId, 'Sales');
  const support = addInstance(sim.state, A.organizationId, 'Support');
  const other = addInstance(sim.state, B.organizationId, 'Other org');
  const host = await apps.hostFor(sim, A, env);
  return { sim, host, sales, support, other };
}

async function openInstance(page: Page, url: string, instanceId: string) {
  await page.goto(url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await page.getByTestId(`instance-${instanceId}`).click();
  await expect(page.getByTestId('instance-page')).toHaveAttribute('data-instance', instanceId);
}

async function shownQr(page: Page): Promise<string | null> {
  return decodeQrPng(await page.getByTestId('qr-code').screenshot());
}

/** The QR on screen and its refresh number, read so that both belong to the same refresh. */
async function shownQrWithSequence(page: Page): Promise<{ qr: string | null; sequence: number }> {
  const sequence = () => page.getByTestId('qr-code').getAttribute('data-sequence');
  for (;;) {
    const before = await sequence();
    const qr = await shownQr(page);
    if ((await sequence()) === before) return { qr, sequence: Number(before) };
  }
}

function qrsFor(s: Simulator, instanceId: string): string[] {
  return emittedPayloads<WhatsAppQrEvent>(s, 'whatsapp:qr', (p) => p.instanceId === instanceId).map((p) => p.qr);
}

test('QR flow: the code on screen is exactly what the server sent, refreshes, and scanning connects', async ({
  page,
  apps,
}) => {
  const { sim, host, sales } = await setUp(apps, { qrFirstMs: 4_000, qrRefreshMs: 60_000 });
  await openInstance(page, host.url, sales.id);
  await page.getByRole('button', { name: 'Show QR code' }).click();

  await expect(page.getByTestId('qr-code')).toHaveAttribute('data-sequence', '1');
  const first = qrsFor(sim, sales.id)[0];
  expect(first).toMatch(/^(https:\/\/wa\.me\/settings\/linked_devices#)?2@/);
  // On a loaded machine the first QR's few seconds may run out during the screenshot:
  // what counts is that the code on screen is the one the server sent for that refresh.
  const shown = await shownQrWithSequence(page);
  expect(shown.qr).toBe(qrsFor(sim, sales.id)[shown.sequence - 1]);
  await expect(page.getByTestId('qr-refreshed')).toContainText('Updated at');
  await expect(page.getByTestId('qr-countdown')).toContainText(/A new code will appear in [01]:\d\d/);
  await expect(page.getByText('Linked devices')).toBeVisible();

  // WhatsApp refreshes the QR: the new one replaces it on screen.
  await expect(page.getByTestId('qr-code')).toHaveAttribute('data-sequence', '2', { timeout: 10_000 });
  const second = qrsFor(sim, sales.id)[1];
  expect(second).not.toBe(first);
  expect(await shownQr(page)).toBe(second);

  // A window reloaded mid-flow shows the same QR again.
  await page.reload();
  await expect(page.getByTestId('qr-code')).toHaveAttribute('data-sequence', '2');
  expect(await shownQr(page)).toBe(second);

  expect((await simPost(sim, `/sim/instances/${sales.id}/scan`, { phoneNumber: '5511999990000' })).ok).toBe(true);
  await expect(page.getByTestId('connect-success')).toHaveText('WhatsApp +55 11 99999-0000 is now linked to Sales.');
  await expect(page.getByTestId(`instance-${sales.id}`)).toHaveAttribute('data-status', 'connected');
  await expect(page.getByTestId(`instance-${sales.id}`)).toContainText('+55 11 99999-0000');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('instance-status')).toHaveText('Connected as +55 11 99999-0000');
});

test('QR flow: when every QR expired unscanned, the flow says so and leads back to linking', async ({ page, apps }) => {
  const { host, sales } = await setUp(apps, { qrFirstMs: 1_000, qrRefreshMs: 1_000, qrCount: 2 });
  await openInstance(page, host.url, sales.id);
  await page.getByRole('button', { name: 'Show QR code' }).click();
  await expect(page.getByTestId('qr-code')).toBeVisible();
  await expect(page.getByTestId('connect-flow')).toHaveAttribute('data-stage', 'ended', { timeout: 20_000 });
  await expect(page.getByTestId('disconnect-explanation')).toContainText('expired');
  await page.getByRole('button', { name: 'Choose how to link again' }).click();
  await expect(page.getByRole('button', { name: 'Show QR code' })).toBeVisible();
  await expect(page.getByTestId('instance-disconnect-reason')).toHaveAttribute('data-follow-up', 'reconnect_flow');
});

test('pairing code: validated number, XXXX-XXXX, live countdown, and a new code after expiry', async ({
  page,
  apps,
}) => {
  const { sim, host, support } = await setUp(apps, { pairingCodeTtlMs: 6_000 });
  await openInstance(page, host.url, support.id);

  // Described by the problem only while there is one (a reference to nothing is read as nothing, or flagged).
  const phoneField = page.getByLabel('Phone number with country code');
  await expect(phoneField).not.toHaveAttribute('aria-describedby');
  // A number without its area code is not guessed at: it would pair some other phone.
  await phoneField.fill('98765-4321');
  await page.getByRole('button', { name: 'Get pairing code' }).click();
  await expect(page.getByTestId('connect-problem')).toContainText('full number with the country code');
  await expect(phoneField).toHaveAccessibleDescription(/country code/);
  await phoneField.fill('12ab');
  await page.getByRole('button', { name: 'Get pairing code' }).click();
  await expect(page.getByTestId('connect-problem')).toContainText('country code');
  expect(sim.state.instances.find((i) => i.id === support.id)?.status).not.toBe('connecting');
  expect(emittedPayloads(sim, 'whatsapp:pairing-code')).toHaveLength(0);

  await page.getByLabel('Phone number with country code').fill('+55 (11) 98765-4321');
  await page.getByRole('button', { name: 'Get pairing code' }).click();
  await expect(page.getByTestId('pairing-code')).toBeVisible();
  const [event] = emittedPayloads<WhatsAppPairingCodeEvent>(sim, 'whatsapp:pairing-code');
  expect(event?.pairingCode).toMatch(/^[1-9A-HJ-NP-TV-Z]{8}$/);
  const code = event?.pairingCode ?? '';
  await expect(page.getByTestId('pairing-code')).toHaveText(`${code.slice(0, 4)}-${code.slice(4)}`);
  await expect(page.getByText('Link with phone number instead')).toBeVisible();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${code.slice(0, 4)}-${code.slice(4)}`);

  const secondsShown = async () => {
    const text = (await page.getByTestId('code-countdown').textContent()) ?? '';
    const match = /(\d+):(\d\d)/.exec(text);
    return match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  };
  const before = await secondsShown();
  expect(before).toBeGreaterThan(0);
  await expect.poll(secondsShown, { timeout: 5_000 }).toBeLessThan(before);

  await expect(page.getByTestId('code-expired')).toHaveText('This code has expired.', { timeout: 10_000 });
  await page.getByRole('button', { name: 'Get a new code' }).click();
  await expect.poll(() => emittedPayloads(sim, 'whatsapp:pairing-code').length).toBe(2);
  const renewed = emittedPayloads<WhatsAppPairingCodeEvent>(sim, 'whatsapp:pairing-code')[1]?.pairingCode ?? '';
  expect(renewed).not.toBe(code);
  await expect(page.getByTestId('pairing-code')).toHaveText(`${renewed.slice(0, 4)}-${renewed.slice(4)}`);

  await simPost(sim, `/sim/instances/${support.id}/scan`);
  await expect(page.getByTestId('connect-success')).toHaveText('WhatsApp +55 11 98765-4321 is now linked to Support.');
});

test('the phone number typed for a pairing code is still there after the request failed and was cancelled', async ({
  page,
  apps,
}) => {
  const { sim, host, sales } = await setUp(apps, {});
  await openInstance(page, host.url, sales.id);
  await simPost(sim, '/sim/fail', {
    method: 'POST',
    path: `/instances/${sales.id}/connect`,
    status: 500,
    error: 'down',
  });
  await page.getByLabel('Phone number with country code').fill('+55 (11) 98765-4321');
  await page.getByRole('button', { name: 'Get pairing code' }).click();
  await expect(page.getByTestId('connect-error')).toContainText('HTTP 500');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Phone number with country code')).toHaveValue('+55 (11) 98765-4321');
});

test('every disconnect reason has its own words and follow-up', async ({ page, apps }) => {
  const { sim, host, sales } = await setUp(apps, {});
  await openInstance(page, host.url, sales.id);
  const cases: Array<[string | null, RegExp, string]> = [
    ['logged_out', /logged out in WhatsApp on the phone/, 'reconnect_flow'],
    ['session_expired', /expired before it was completed/, 'reconnect_flow'],
    ['connection_lost', /The server is reconnecting/, 'backend_retrying'],
    ['manual', /disconnected in AuZap\. Connect it again/, 'idle'],
    ['error', /unexpected error/, 'backend_retrying'],
    [null, /without giving a reason/, 'backend_retrying'],
    ['quota_exceeded', /reason: “quota_exceeded”/, 'backend_retrying'],
  ];
  for (const [reason, words, followUp] of cases) {
    await linkFromElsewhere(sim, A.token, sales.id);
    await expect(page.getByTestId(`instance-${sales.id}`)).toHaveAttribute('data-status', 'connected');
    await simPost(sim, `/sim/instances/${sales.id}/drop`, { reason });
    const notice = page.getByTestId('instance-disconnect-reason');
    await expect(notice).toContainText(words);
    await expect(notice).toHaveAttribute('data-follow-up', followUp);
    await expect(page.getByTestId(`instance-${sales.id}`)).toHaveAttribute('data-status', 'disconnected');
    // Every reason leaves a way to link the number again; a temporary one as a second choice.
    if (followUp === 'backend_retrying') await page.getByRole('button', { name: 'Link it again instead' }).click();
    await expect(page.getByRole('button', { name: 'Show QR code' })).toBeVisible();
  }
});

test('events for another instance or another organization never change the open flow', async ({ page, apps }) => {
  const { sim, host, sales, support, other } = await setUp(apps, { qrFirstMs: 60_000 });
  await openInstance(page, host.url, sales.id);
  await page.getByRole('button', { name: 'Show QR code' }).click();
  await expect(page.getByTestId('qr-code')).toHaveAttribute('data-sequence', '1');
  const mine = qrsFor(sim, sales.id)[0];

  // Another instance of the same organization starts linking.
  const res = await fetch(`${sim.url}/instances/${support.id}/connect`, {
    method: 'POST',
    headers: { authorization: `Bearer ${A.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'qr' }),
  });
  expect(res.status).toBe(202);
  await expect.poll(() => qrsFor(sim, support.id).length).toBe(1);
  await simPost(sim, `/sim/instances/${support.id}/scan`);
  // Another organization's events, even ones naming our instance.
  await simPost(sim, '/sim/emit', {
    organizationId: B.organizationId,
    event: 'whatsapp:qr',
    payload: { instanceId: sales.id, qr: 'intruder', timestamp: new Date().toISOString() },
  });
  await simPost(sim, '/sim/emit', {
    organizationId: A.organizationId,
    event: 'whatsapp:connected',
    payload: {
      instanceId: sales.id,
      organizationId: B.organizationId,
      phoneNumber: '999',
      timestamp: new Date().toISOString(),
    },
  });
  await simPost(sim, `/sim/instances/${other.id}/drop`, { reason: 'logged_out' });

  await expect(page.getByTestId(`instance-${support.id}`)).toHaveAttribute('data-status', 'connected');
  await expect(page.getByTestId('qr-code')).toHaveAttribute('data-sequence', '1');
  expect(await shownQr(page)).toBe(mine);
  await expect(page.getByTestId('connect-flow')).toHaveAttribute('data-stage', 'qr');
});

test('REST errors show the server’s message, a retry works, and a 401 asks to sign in', async ({ page, apps }) => {
  const { sim, host, sales } = await setUp(apps, {});
  await openInstance(page, host.url, sales.id);
  await simPost(sim, '/sim/fail', {
    method: 'POST',
    path: `/instances/${sales.id}/connect`,
    status: 500,
    error: 'Baileys socket crashed',
  });
  await page.getByRole('button', { name: 'Show QR code' }).click();
  await expect(page.getByTestId('connect-error')).toHaveText('The server said: “Baileys socket crashed” (HTTP 500).');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('qr-code')).toBeVisible();

  await page.getByRole('button', { name: 'Cancel' }).click();
  // Cancelling is not a drop: the number was never linked, and still says so.
  await expect(page.getByTestId(`instance-${sales.id}`)).toHaveAttribute('data-status', 'disconnected');
  await expect(page.getByTestId('instance-status')).toHaveText('Not linked yet');
  await expect(page.getByTestId('instance-page')).not.toContainText('Disconnected on request');
  await simPost(sim, '/sim/fail', {
    method: 'POST',
    path: `/instances/${sales.id}/connect`,
    status: 401,
    error: 'Token expired',
  });
  await page.getByRole('button', { name: 'Show QR code' }).click();
  await expect(page.getByTestId('connect-error')).toHaveText('Sign-in needed: the server said “Token expired”.');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'auth_failed');
});

test('a connect that produces no QR in time says so and offers a retry', async ({ page, apps }) => {
  const { host, sales } = await setUp(apps, { connectDelayMs: 5_000 }, { AUZAP_CONNECT_WAIT_MS: '1500' });
  await openInstance(page, host.url, sales.id);
  await page.getByRole('button', { name: 'Show QR code' }).click();
  await expect(page.getByTestId('connect-flow')).toHaveAttribute('data-stage', 'waiting');
  await expect(page.getByTestId('connect-error')).toHaveText(
    'The server accepted the request but no QR code arrived within 2 seconds.',
  );
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('connected and disconnected raise a desktop notification only when the window is not focused', async ({
  page,
  apps,
}) => {
  const { sim, host, sales } = await setUp(apps, {});
  await openInstance(page, host.url, sales.id);
  await linkFromElsewhere(sim, A.token, sales.id, '5511911112222');
  await expect(page.getByTestId(`instance-${sales.id}`)).toHaveAttribute('data-status', 'connected');
  expect((await host.hostState()).notifications).toEqual([]);

  // The user switches to another application.
  await setWindowFocus(page, false);
  await simPost(sim, `/sim/instances/${sales.id}/drop`, { reason: 'logged_out' });
  await expect.poll(async () => (await host.hostState()).notifications.length).toBe(1);
  await linkFromElsewhere(sim, A.token, sales.id, '5511911112222');
  await expect.poll(async () => (await host.hostState()).notifications.length).toBe(2);
  const [dropped, connected] = (await host.hostState()).notifications;
  expect(dropped).toMatchObject({ title: 'Sales: Logged out on the phone', instanceId: sales.id });
  expect(connected).toMatchObject({
    title: 'WhatsApp connected',
    body: 'Sales is now connected as +55 11 91111-2222.',
  });
});
