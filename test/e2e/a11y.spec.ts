/**
 * Accessibility: axe-core finds no serious or critical violation on any screen (inbox,
 * thread, a number's page, QR flow, pairing flow, settings, offline, sign-in needed), in the
 * light and dark themes, at 800×600 and 1920×1080.
 */
import type { Page } from '@playwright/test';
import { addInstance } from '../../src/simulator/simulator';
import { seriousViolations } from './support/axe';
import { expect, test, type Apps } from './support/fixtures';
import { simPost, waitUntilOnline } from './support/sim';

const A = { token: 'token-a', organizationId: 'org-a' };

/** A shop on a working day: two chats, a linked number and two to link, signed in and online. */
async function workday(page: Page, apps: Apps) {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false, timing: { connectDelayMs: 50 } });
  const sales = addInstance(sim.state, A.organizationId, 'Sales', {
    status: 'connected',
    phoneNumber: '5511900000001',
  });
  const support = addInstance(sim.state, A.organizationId, 'Support');
  await simPost(sim, '/sim/messages', { contactName: 'Ana Souza', content: 'Oi! *Promoção* hoje?', count: 3 });
  await simPost(sim, '/sim/messages', { contactPhone: '5511912345678', content: 'https://example.com/pedido/42' });
  const host = await apps.hostFor(sim, A);
  await waitUntilOnline(page, host.url, sim);
  await expect(page.getByTestId('conversation-row')).toHaveCount(2);
  return { sim, sales, support };
}

function expectNone(found: string[]) {
  expect(found, found.join('\n')).toEqual([]);
}

test.describe.configure({ timeout: 240_000 });

test('inbox and thread pass axe in both themes and sizes', async ({ page, apps }) => {
  await workday(page, apps);
  const found = await seriousViolations(page, 'inbox');
  await page.getByTestId('conversation-row').filter({ hasText: 'Ana Souza' }).click();
  await expect(page.getByTestId('thread')).toBeVisible();
  await page.getByRole('textbox', { name: 'Reply' }).fill('Temos sim!');
  found.push(...(await seriousViolations(page, 'thread')));
  expectNone(found);
});

test("a number's page and the QR flow pass axe in both themes and sizes", async ({ page, apps }) => {
  const { sales, support } = await workday(page, apps);
  await page.getByTestId(`instance-${sales.id}`).click();
  await expect(page.getByTestId('instance-page')).toHaveAttribute('data-instance', sales.id);
  const found = await seriousViolations(page, 'number');
  await page.getByTestId(`instance-${support.id}`).click();
  await page.getByRole('button', { name: 'Show QR code' }).click();
  await expect(page.getByTestId('qr-code')).toBeVisible();
  found.push(...(await seriousViolations(page, 'QR flow')));
  expectNone(found);
});

test('the pairing flow and settings pass axe in both themes and sizes', async ({ page, apps }) => {
  const { support } = await workday(page, apps);
  await page.getByTestId(`instance-${support.id}`).click();
  await page.getByLabel('Phone number with country code').fill('+55 11 98765-4321');
  await page.getByRole('button', { name: 'Get pairing code' }).click();
  await expect(page.getByTestId('pairing-code')).toBeVisible();
  const found = await seriousViolations(page, 'pairing flow');
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('settings-page')).toBeVisible();
  found.push(...(await seriousViolations(page, 'settings')));
  expectNone(found);
});

test('offline passes axe in both themes and sizes', async ({ page, apps }) => {
  const { sim, sales } = await workday(page, apps);
  await sim.close();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
  await page.getByTestId(`instance-${sales.id}`).click();
  expectNone(await seriousViolations(page, 'offline'));
});

test('"Sign-in needed" passes axe in both themes and sizes', async ({ page, apps }) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  addInstance(sim.state, A.organizationId, 'Sales');
  const host = await apps.hostFor(sim, { ...A, token: 'refused' });
  await page.goto(host.url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'auth_failed');
  const found = await seriousViolations(page, 'sign-in needed');
  expect(found, found.join('\n')).toEqual([]);
});
