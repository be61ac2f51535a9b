/**
 * Keyboard users keep their place when the button they pressed goes away: the next step
 * of a connect flow, a cancelled flow, a reply's Retry. Focus dropped to the page would
 * send the next Tab back to the top of the window.
 */
import type { Page } from '@playwright/test';
import { addInstance } from '../../src/simulator/simulator';
import { expect, test } from './support/fixtures';
import { conversationRow as row, openInboxOnline } from './support/inbox';
import { typeConnectionFromDemo } from './support/settings';
import { simPost } from './support/sim';

const A = { token: 'token-a', organizationId: 'org-a' };

/** What has focus: its tag, its accessible text, and whether it is inside `testId`. */
const focused = (page: Page, testId: string) =>
  page.evaluate((id) => {
    const active = document.activeElement;
    return {
      tag: active?.tagName ?? null,
      inside: Boolean(document.querySelector(`[data-testid="${id}"]`)?.contains(active)),
    };
  }, testId);

test('pressing a connect step’s button, or Cancel, leaves focus in the page of that number', async ({ page, apps }) => {
  const sim = await apps.simulator({
    accounts: [A],
    seedDemoData: false,
    timing: { connectDelayMs: 50, qrFirstMs: 60_000 },
  });
  const sales = addInstance(sim.state, A.organizationId, 'Sales');
  const host = await apps.hostFor(sim, A);
  await page.goto(host.url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await page.getByTestId(`instance-${sales.id}`).click();

  await page.getByRole('button', { name: 'Show QR code' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('qr-code')).toBeVisible();
  await expect.poll(() => focused(page, 'instance-page')).toEqual({ tag: 'H2', inside: true });
  // The next Tab goes on within the step (its Cancel), not from the top of the window.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Show QR code' })).toBeVisible();
  await expect.poll(() => focused(page, 'instance-page')).toMatchObject({ inside: true });
  expect((await focused(page, 'instance-page')).tag).not.toBe('BODY');
});

test('a refused reply’s Retry puts focus back in the reply box', async ({ page, apps }) => {
  const { sim } = await openInboxOnline(page, apps);
  const [injected] = sim.injectMessage({ contactName: 'Kátia', content: 'Qual o prazo?' });
  const path = `/conversations/${injected?.conversationId ?? ''}/messages`;
  await row(page, 'Kátia').click();
  await simPost(sim, '/sim/fail', { method: 'POST', path, status: 422, error: 'blocked by the customer' });
  await page.getByLabel('Reply').fill('Posso ajudar?');
  await page.keyboard.press('Enter');
  const retry = page.getByRole('button', { name: 'Retry' });
  await retry.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="message"][data-direction="outgoing"]')).toHaveAttribute(
    'data-status',
    'sent',
  );
  await expect(page.getByLabel('Reply')).toBeFocused();
});

test('Save and reconnect keeps focus in Settings, and says what came of the save once it is known', async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  await typeConnectionFromDemo(page, apps, {
    serverUrl: sim.url,
    organizationId: A.organizationId,
    token: 'expired-token',
  });
  await page.getByRole('button', { name: 'Save and reconnect' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'auth_failed');
  await expect(page.getByTestId('settings-saved')).toHaveText('Saved, but the server refused the sign-in token.');
  await expect.poll(() => focused(page, 'settings-page')).toMatchObject({ inside: true });

  await page.getByTestId('token').fill(A.token);
  await page.getByRole('button', { name: 'Save and reconnect' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await expect(page.getByTestId('settings-saved')).toHaveText('Saved. Connected.');
  await expect.poll(() => focused(page, 'settings-page')).toMatchObject({ inside: true });
});

test('a button busy for a mere moment (disabled, then enabled again before the next frame) still leaves focus in its page', async ({
  page,
  apps,
}) => {
  const demo = await apps.host();
  await page.goto(demo.url);
  await page.getByTestId('open-settings').click();
  const save = page.getByRole('button', { name: 'Save and reconnect' });
  await save.focus();
  const droppedToPage = await save.evaluate(async (button: HTMLButtonElement) => {
    button.disabled = true;
    // Chromium blurs a focused control that became disabled once its style is brought up to
    // date (here at once, by reading its layout), in a task of its own.
    void button.offsetWidth;
    await new Promise((resolve) => setTimeout(resolve, 0));
    const dropped = document.activeElement === document.body;
    button.disabled = false;
    return dropped;
  });
  expect(droppedToPage).toBe(true);
  await expect.poll(() => focused(page, 'settings-page')).toMatchObject({ inside: true });
});
