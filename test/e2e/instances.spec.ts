import type { Page } from '@playwright/test';
import { addInstance } from '../../src/simulator/simulator';
import { expect, test, type Apps } from './support/fixtures';
import { linkFromElsewhere, simPost } from './support/sim';
import { setWindowFocus } from './support/focus';

const A = { token: 'token-a', organizationId: 'org-a' };

/** "Sales" linked as +5511987654321 and opened; `others` are numbers never linked. */
async function connectedSalesNumber(page: Page, apps: Apps, others: string[] = []) {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false, timing: { connectDelayMs: 50 } });
  const sales = addInstance(sim.state, A.organizationId, 'Sales');
  const neverLinked = others.map((name) => addInstance(sim.state, A.organizationId, name));
  const host = await apps.hostFor(sim, A);
  await page.goto(host.url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await linkFromElsewhere(sim, A.token, sales.id, '5511987654321');
  const item = page.getByTestId(`instance-${sales.id}`);
  await expect(item).toHaveAttribute('data-status', 'connected');
  await item.click();
  return { sim, host, sales, item, neverLinked };
}

test('disconnecting a number asks first, saying what happens; Cancel and Esc keep it connected', async ({
  page,
  apps,
}) => {
  const { item } = await connectedSalesNumber(page, apps);
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
  // Tab goes round the dialog's two buttons, never out of it.
  for (const [key, focused] of [
    ['Tab', 'Disconnect'],
    ['Tab', 'Cancel'],
    ['Shift+Tab', 'Disconnect'],
    ['Shift+Tab', 'Cancel'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(dialog.getByRole('button', { name: focused })).toBeFocused();
  }
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
  apps,
}) => {
  const { sim, sales } = await connectedSalesNumber(page, apps);
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

test('while the app is offline, number statuses are the last known, dimmed, not live', async ({ page, apps }) => {
  const { sim, item } = await connectedSalesNumber(page, apps);
  const list = page.getByTestId('instance-list');
  await expect(list).toHaveAttribute('data-live', 'true');
  await expect(item).toContainText('+55 11 98765-4321');
  await expect(page.getByTestId('instances-last-known')).toBeHidden();

  const { port, state } = sim;
  await sim.close();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
  await expect(list).toHaveAttribute('data-live', 'false');
  await expect(page.getByTestId('instances-last-known')).toHaveText('Last known status — AuZap is offline.');
  await expect(item).toContainText('Last known: +55 11 98765-4321');
  await expect(page.getByTestId('instance-status')).toHaveText('Last known: Connected as +55 11 98765-4321');
  const dotOpacity = () => item.locator('.status-dot').evaluate((el) => Number(getComputedStyle(el).opacity));
  expect(await dotOpacity()).toBeLessThan(0.5);

  await apps.simulator({ port, state });
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 20_000 });
  await expect(list).toHaveAttribute('data-live', 'true');
  await expect(item).not.toContainText('Last known');
  expect(await dotOpacity()).toBe(1);
});

test('the list says in short why a number is down and keeps its last phone; a never-linked number looks neutral', async ({
  page,
  apps,
}) => {
  const { sim, sales, item, neverLinked } = await connectedSalesNumber(page, apps, ['Support']);
  const fresh = page.getByTestId(`instance-${neverLinked[0]?.id}`);
  await expect(fresh).toHaveAttribute('data-look', 'never-linked');
  await expect(fresh.getByTestId('instance-headline')).toHaveText('Not linked yet');
  await expect(fresh.getByTestId('instance-last-phone')).toHaveCount(0);

  await simPost(sim, `/sim/instances/${sales.id}/drop`, { reason: 'connection_lost' });
  await expect(item).toHaveAttribute('data-look', 'dropped');
  await expect(item.getByTestId('instance-headline')).toHaveText('Connection lost');
  await expect(item.getByTestId('instance-last-phone')).toHaveText('+55 11 98765-4321');

  // Dropped warns (coloured words, red dot); never linked stays neutral (muted words, hollow ring).
  const look = (el: typeof item) =>
    el.evaluate((node) => {
      const headline = getComputedStyle(node.querySelector('[data-testid="instance-headline"]')!).color;
      const dot = getComputedStyle(node.querySelector('.status-dot')!).backgroundColor;
      return { headline, dot };
    });
  const dropped = await look(item);
  const neutral = await look(fresh);
  expect(dropped.headline).not.toBe(neutral.headline);
  expect(neutral.dot).toBe('rgba(0, 0, 0, 0)');
  expect(dropped.dot).not.toBe('rgba(0, 0, 0, 0)');

  await simPost(sim, `/sim/instances/${sales.id}/drop`, { reason: 'logged_out' });
  await expect(item.getByTestId('instance-headline')).toHaveText('Logged out on the phone');
  await expect(item.getByTestId('instance-last-phone')).toHaveText('+55 11 98765-4321');
});

test("clicking the alert of a number that dropped opens that number's page", async ({ page, apps }) => {
  const { sim, host, sales } = await connectedSalesNumber(page, apps);
  // The user is elsewhere in the app, and then in another application.
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('settings-page')).toBeVisible();
  await setWindowFocus(page, false);

  await simPost(sim, `/sim/instances/${sales.id}/drop`, { reason: 'connection_lost' });
  const dropAlert = async () =>
    (await host.hostState()).notifications.findIndex(
      (n) => n.instanceId === sales.id && String(n.title).includes('Connection lost'),
    );
  await expect.poll(dropAlert, { timeout: 15_000 }).toBeGreaterThanOrEqual(0);
  const index = await dropAlert();
  expect((await host.hostState()).notifications[index]).toMatchObject({ title: 'Sales: Connection lost' });

  const click = await fetch(new URL(`host/notifications/${index}/click`, host.url), { method: 'POST' });
  expect(click.status).toBe(202);
  await expect(page.getByTestId('instance-page')).toHaveAttribute('data-instance', sales.id);
  await expect(page.getByTestId('settings-page')).toBeHidden();
  await expect(page.getByTestId('instance-reconnecting')).toContainText('server is reconnecting');
});
