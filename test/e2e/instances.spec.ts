import { expect, test, type Page } from '@playwright/test';
import { addInstance, startSimulator, type Simulator } from '../../src/simulator/simulator';
import { startHost, type RunningHost } from './support/hosts';
import { linkFromElsewhere, simPost } from './support/sim';

const A = { token: 'token-a', organizationId: 'org-a' };

let sim: Simulator | null = null;
let host: RunningHost | null = null;

test.afterEach(async () => {
  await host?.stop();
  await sim?.close();
  host = null;
  sim = null;
});

async function connectedSalesNumber(page: Page) {
  sim = await startSimulator({ accounts: [A], seedDemoData: false, timing: { connectDelayMs: 50 } });
  const sales = addInstance(sim.state, A.organizationId, 'Sales');
  host = await startHost({ AUZAP_SERVER_URL: sim.url, AUZAP_TOKEN: A.token, AUZAP_ORGANIZATION_ID: A.organizationId });
  await page.goto(host.url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await linkFromElsewhere(sim, A.token, sales.id, '5511987654321');
  const item = page.getByTestId(`instance-${sales.id}`);
  await expect(item).toHaveAttribute('data-status', 'connected');
  await item.click();
  return { sim, host, sales, item };
}

test('disconnecting a number asks first, saying what happens; Cancel and Esc keep it connected', async ({ page }) => {
  const { item } = await connectedSalesNumber(page);
  const dialog = page.getByRole('dialog', { name: 'Disconnect Sales?' });

  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    'This number stops receiving messages in AuZap until someone links it again with the phone.',
  );
  // Enter on the focused button cancels: a stray key press never disconnects.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(item).toHaveAttribute('data-status', 'connected');

  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(item).toHaveAttribute('data-status', 'connected');

  await page.getByRole('button', { name: 'Disconnect' }).click();
  await dialog.getByRole('button', { name: 'Disconnect' }).click();
  await expect(item).toHaveAttribute('data-status', 'disconnected');
  await expect(page.getByTestId('instance-disconnect-reason')).toHaveAttribute('data-follow-up', 'idle');
});

test('a temporary drop says the backend is reconnecting, with re-linking only as a second choice; logged out leads straight to linking', async ({
  page,
}) => {
  const { sim, sales } = await connectedSalesNumber(page);
  const showQr = page.getByRole('button', { name: 'Show QR code' });
  const relink = page.getByRole('button', { name: 'Link it again instead' });

  for (const reason of ['connection_lost', 'error', 'quota_exceeded']) {
    await simPost(sim, `/sim/instances/${sales.id}/drop`, { reason });
    await expect(page.getByTestId('instance-reconnecting')).toContainText('server is reconnecting');
    await expect(showQr).toBeHidden();
    await relink.click();
    await expect(showQr).toBeVisible();
    await linkFromElsewhere(sim, A.token, sales.id);
    await expect(page.getByTestId('instance-status')).toContainText('Connected');
  }

  for (const reason of ['logged_out', 'session_expired']) {
    await simPost(sim, `/sim/instances/${sales.id}/drop`, { reason });
    await expect(showQr).toBeVisible();
    await expect(relink).toBeHidden();
    await expect(page.getByTestId('instance-reconnecting')).toBeHidden();
    await linkFromElsewhere(sim, A.token, sales.id);
    await expect(page.getByTestId('instance-status')).toContainText('Connected');
  }
});

test('while the app is offline, number statuses are the last known, dimmed, not live', async ({ page }) => {
  const { item } = await connectedSalesNumber(page);
  const list = page.getByTestId('instance-list');
  await expect(list).toHaveAttribute('data-live', 'true');
  await expect(item).toContainText('+5511987654321');
  await expect(page.getByTestId('instances-last-known')).toBeHidden();

  const { port, state } = sim as Simulator;
  await sim?.close();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
  await expect(list).toHaveAttribute('data-live', 'false');
  await expect(page.getByTestId('instances-last-known')).toHaveText('Last known status — AuZap is offline.');
  await expect(item).toContainText('Last known: +5511987654321');
  await expect(page.getByTestId('instance-status')).toHaveText('Last known: Connected as +5511987654321');
  const dotOpacity = () => item.locator('.status-dot').evaluate((el) => Number(getComputedStyle(el).opacity));
  expect(await dotOpacity()).toBeLessThan(0.5);

  sim = await startSimulator({ port, state });
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 20_000 });
  await expect(list).toHaveAttribute('data-live', 'true');
  await expect(item).not.toContainText('Last known');
  expect(await dotOpacity()).toBe(1);
});
