import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addInstance } from '../../src/simulator/simulator';
import { expect, test } from './support/fixtures';
import { typeConnectionFromDemo } from './support/settings';
import { waitUntilOnline } from './support/sim';

const A = { token: 'token-a', organizationId: 'org-a' };

test('"Sign-in needed" opens the sign-in field, focused; a token typed there replaces a refused AUZAP_TOKEN', async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  addInstance(sim.state, A.organizationId, 'Sales');
  const host = await apps.hostFor(sim, { ...A, token: 'refused' });
  await page.goto(host.url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'auth_failed');

  // The sidebar says why nothing loads, instead of "Loading…" forever.
  await expect(page.getByTestId('instances-not-loaded')).toHaveText('Can’t load the numbers: sign-in needed.');

  await page.getByTestId('connection-detail').getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('settings-page')).toBeVisible();
  await expect(page.getByLabel('Sign-in token')).toBeFocused();

  await page.keyboard.type(A.token);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await expect(page.getByRole('button', { name: /Sales/ })).toBeVisible();
  await expect(page.getByTestId('connection-detail')).toHaveCount(0);
});

test('when the token is refused, the conversations kept from last time stay visible under the banner', async ({
  page,
  apps,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'auzap-e2e-data-'));
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const env = { AUZAP_DATA_DIR: dataDir };
  const first = await apps.hostFor(sim, A, env);
  await waitUntilOnline(page, first.url, sim);
  sim.injectMessage({ contactName: 'Helena', content: 'Chegou meu pedido?' });
  await expect(page.getByTestId('conversation-row')).toContainText('Helena');
  // Saving is debounced: wait until the conversation is on disk, as a user closing later would.
  const savedConversations = () => {
    try {
      const doc = JSON.parse(readFileSync(join(dataDir, 'auzap-state.json'), 'utf8'));
      return doc.inboxes?.[0]?.conversations?.length ?? 0;
    } catch {
      return 0;
    }
  };
  await expect.poll(savedConversations).toBe(1);
  await first.stop();

  const again = await apps.hostFor(sim, { ...A, token: 'revoked' }, env);
  await page.goto(again.url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'auth_failed');
  await expect(page.getByTestId('connection-detail').getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('conversation-row')).toContainText('Helena');
  await expect(page.getByTestId('conversations-empty')).toHaveCount(0);
});

test('settings that cannot be used say so — not "reconnecting" — and "Open Settings" lands on the field to fix', async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  // Saved from Settings with the organization left empty.
  await typeConnectionFromDemo(page, apps, { serverUrl: sim.url, token: A.token });
  await page.getByRole('button', { name: 'Save and reconnect' }).click();
  await expect(page.getByTestId('settings-saved')).toHaveText('Saved. The organization is still needed.');
  const banner = page.getByTestId('connection-detail');
  await expect(banner).toContainText('No organization is configured.');
  // Not a sign-in problem: the token is fine.
  await expect(page.getByTestId('connection-status')).toContainText('Not connected');
  await expect(page.getByTestId('instances-not-loaded')).toHaveText(
    'Can’t load the numbers until the connection settings are fixed.',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings-page')).toHaveCount(0);
  await banner.getByRole('button', { name: 'Open Settings' }).click();
  await expect(page.getByTestId('organization-id')).toBeFocused();
  await page.keyboard.type(A.organizationId);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await expect(banner).toHaveCount(0);

  // An AUZAP_SERVER_URL with a path: nothing is reconnecting, and Retry would change nothing.
  const wrong = await apps.hostFor(sim, A, { AUZAP_SERVER_URL: `${sim.url}/api` });
  await page.goto(wrong.url);
  const status = page.getByTestId('connection-status');
  await expect(status).toContainText('Not connected');
  await expect(status.getByRole('button', { name: 'Retry now' })).toHaveCount(0);
  await expect(banner).toContainText(`must be the server’s address alone: use ${sim.url}.`);
  await banner.getByRole('button', { name: 'Open Settings' }).click();
  // Locked by the environment: the keyboard lands in the one open field, under the notice.
  await expect(page.getByTestId('server-url')).toBeDisabled();
  await expect(page.getByTestId('token')).toBeFocused();
});
