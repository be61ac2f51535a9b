import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSimulator, type Simulator } from '../../src/simulator/simulator';
import { startHost, type RunningHost } from './support/hosts';
import { simPost } from './support/sim';

const B = { token: 'token-b', organizationId: 'org-b' };

let sim: Simulator | null = null;
const hosts: RunningHost[] = [];

test.afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
  await sim?.close();
  sim = null;
});

test('switching from the demo to a real server reconnects cleanly, shows only the new organization, and is remembered', async ({
  page,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'auzap-settings-'));
  sim = await startSimulator({ accounts: [B], seedDemoData: false });
  sim.injectMessage({ contactName: 'Cliente da Org B', content: 'olá' });
  const demo = await startHost({ AUZAP_DATA_DIR: dataDir });
  hosts.push(demo);
  await page.goto(demo.url);
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  await expect(page.getByTestId('conversation-row').first()).toBeVisible();

  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('token-storage')).toHaveText('No sign-in token saved.');
  await page.getByTestId('server-url').fill('not a server');
  await page.getByRole('button', { name: 'Save and reconnect' }).click();
  await expect(page.getByTestId('settings-problem')).toContainText('is not a web address');
  await expect(page.getByTestId('demo-badge')).toBeVisible();

  await page.getByTestId('server-url').fill(sim.url);
  await page.getByTestId('organization-id').fill(B.organizationId);
  await page.getByTestId('token').fill(B.token);
  await page.getByRole('button', { name: 'Save and reconnect' }).click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
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
  const again = await startHost({ AUZAP_DATA_DIR: dataDir });
  hosts.push(again);
  await page.goto(again.url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await expect(page.getByTestId('organization')).toContainText(B.organizationId);
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
});

test('a server set in the environment locks the connection fields; updates belong to the desktop app', async ({
  page,
}) => {
  sim = await startSimulator({ accounts: [B], seedDemoData: false });
  const host = await startHost({
    AUZAP_SERVER_URL: sim.url,
    AUZAP_TOKEN: B.token,
    AUZAP_ORGANIZATION_ID: B.organizationId,
  });
  hosts.push(host);
  await page.goto(host.url);
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('server-url')).toBeDisabled();
  await expect(page.getByTestId('server-url')).toHaveValue(sim.url);
  await expect(page.getByTestId('token-storage')).toHaveText('Set by AUZAP_TOKEN in the environment.');
  await expect(page.getByRole('button', { name: 'Save and reconnect' })).toHaveCount(0);
  await expect(page.getByTestId('updates-unavailable')).toBeVisible();
});
