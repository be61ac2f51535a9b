import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { simPost } from './support/sim';

const B = { token: 'token-b', organizationId: 'org-b' };

test('switching from the demo to a real server reconnects cleanly, shows only the new organization, and is remembered', async ({
  page,
  apps,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'auzap-settings-'));
  const sim = await apps.simulator({ accounts: [B], seedDemoData: false });
  sim.injectMessage({ contactName: 'Cliente da Org B', content: 'olá' });
  const demo = await apps.host({ AUZAP_DATA_DIR: dataDir });
  await page.goto(demo.url);
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  await expect(page.getByTestId('conversation-row').first()).toBeVisible();

  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('token-storage')).toHaveText('No sign-in token saved.');
  await page.getByTestId('server-url').fill('not a server');
  await page.getByRole('button', { name: 'Save and reconnect' }).click();
  await expect(page.getByTestId('settings-problem')).toContainText('is not a web address');
  await expect(page.getByTestId('demo-badge')).toBeVisible();

  // A server without a token: nothing was refused, a token is still to be given.
  await page.getByTestId('server-url').fill(sim.url);
  await page.getByTestId('organization-id').fill(B.organizationId);
  await page.getByRole('button', { name: 'Save and reconnect' }).click();
  await expect(page.getByTestId('settings-saved')).toHaveText('Saved. A sign-in token is still needed.');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'auth_failed');

  await page.getByTestId('token').fill(B.token);
  await page.getByRole('button', { name: 'Save and reconnect' }).click();
  await expect(page.getByTestId('settings-saved')).toHaveText('Saved. Connected.');
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  await expect(page.getByTestId('organization')).toContainText(B.organizationId);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await expect(page.getByTestId('token-storage')).toHaveText(
    'Saved unencrypted on this computer: no system keychain is available here.',
  );
  // Only the new organization's conversations; the demo's are gone.
  await expect(page.getByTestId('conversation-row')).toHaveCount(1);
  await expect(page.getByTestId('conversation-row')).toContainText('Cliente da Org B');
  await simPost(sim, '/sim/messages', { contactName: 'Outro cliente B', content: 'tudo bem?' });
  await expect(page.getByTestId('conversation-row')).toHaveCount(2);
  await demo.stop();

  // Started again with no environment: the saved server is used.
  const again = await apps.host({ AUZAP_DATA_DIR: dataDir });
  await page.goto(again.url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await expect(page.getByTestId('organization')).toContainText(B.organizationId);
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
});

test('a server set in the environment locks the connection fields; updates belong to the desktop app', async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [B], seedDemoData: false });
  const host = await apps.hostFor(sim, B);
  await page.goto(host.url);
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('server-url')).toBeDisabled();
  await expect(page.getByTestId('server-url')).toHaveValue(sim.url);
  await expect(page.getByTestId('token-storage')).toHaveText('Set by AUZAP_TOKEN in the environment.');
  // Not "Saved": nothing was saved here, and what is typed replaces it for this run only.
  await expect(page.getByTestId('token')).toHaveAttribute(
    'placeholder',
    'From AUZAP_TOKEN — type to replace it for this run',
  );
  await expect(page.getByRole('button', { name: 'Save and reconnect' })).toHaveCount(0);
  await expect(page.getByTestId('updates-unavailable')).toBeVisible();
});

test('opened from the keyboard, Settings take the focus: the next Tab is the server address, not the sidebar', async ({
  page,
  apps,
}) => {
  const demo = await apps.host();
  await page.goto(demo.url);
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  await page.getByTestId('open-settings').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('server-url')).toBeFocused();
});
