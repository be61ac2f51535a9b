import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addInstance } from '../../src/simulator/simulator';
import { expect, test } from './support/fixtures';
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
