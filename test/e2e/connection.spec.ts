import { expect, test } from './support/fixtures';

const ACCOUNT = { token: 'e2e-token', organizationId: 'org-e2e', organizationName: 'E2E Store' };

test.describe('connection status in the window', () => {
  test('with no configuration it runs against the built-in demo backend and shows Online, labelled Demo', async ({
    page,
    apps,
  }) => {
    const host = await apps.host();
    await page.goto(host.url);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    await expect(page.getByTestId('connection-status')).toHaveText(/Online/);
    await expect(page.getByTestId('demo-badge')).toBeVisible();
    // The demo backend comes with a few unread chats.
    await expect
      .poll(async () => (await host.hostState()).tooltip)
      .toMatch(/^AuZap \(Demo\) — Online, \d+ unread messages?$/);
    await expect(page.getByTestId('conversation-row').first()).toBeVisible();
  });

  test('against a separately started simulator it shows Online and the organization', async ({ page, apps }) => {
    const sim = await apps.simulator({ accounts: [ACCOUNT] });
    const host = await apps.hostFor(sim, ACCOUNT);
    await page.goto(host.url);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    await expect(page.getByTestId('organization')).toContainText('org-e2e');
    await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  });

  test('a wrong token shows "Sign-in needed" with the server’s reason', async ({ page, apps }) => {
    const sim = await apps.simulator({ accounts: [ACCOUNT] });
    const host = await apps.host({
      AUZAP_SERVER_URL: sim.url,
      AUZAP_TOKEN: 'stolen',
      AUZAP_ORGANIZATION_ID: 'org-e2e',
    });
    await page.goto(host.url);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'auth_failed');
    await expect(page.getByTestId('connection-status')).toHaveText(/Sign-in needed/);
    await expect(page.getByTestId('connection-detail')).toContainText('Sign in again');
    expect((await host.hostState()).attention).toBe('sign_in');
  });

  test('a server never reached is Offline with the reason everywhere, not a start that never ends; it connects once up', async ({
    page,
    apps,
  }) => {
    // The address of a backend that is down: nothing listens on this port yet.
    const probe = await apps.simulator({ accounts: [ACCOUNT] });
    const { port, url } = probe;
    await probe.close();
    const host = await apps.host({
      AUZAP_SERVER_URL: url,
      AUZAP_TOKEN: ACCOUNT.token,
      AUZAP_ORGANIZATION_ID: 'org-e2e',
    });
    await page.goto(host.url);
    const status = page.getByTestId('connection-status');
    await expect(status).toHaveAttribute('data-status', 'offline');
    await expect(status).toContainText(/attempt \d+/);
    // What a screen reader is told is the state alone: a count that moves every few seconds
    // would have it say "Offline" again with each attempt.
    const live = status.locator('[aria-live]');
    await expect(live).toHaveCount(1);
    await expect(live).toHaveText('Offline — reconnecting');
    await expect(live).toHaveAttribute('role', 'status');
    await expect(page.getByTestId('connection-detail')).toContainText(url);
    // Nothing could be loaded: the lists say why, and the count claims nothing.
    await expect(page.getByTestId('instances-not-loaded')).toHaveText('Can’t load the numbers while AuZap is offline.');
    await expect(page.getByTestId('conversations-empty')).toHaveText(
      'Can’t load the conversations while AuZap is offline.',
    );
    await expect(page.getByTestId('inbox-placeholder')).toHaveText(
      'Can’t load the conversations while AuZap is offline.',
    );
    await expect(page.getByTestId('total-unread')).toHaveText('');
    await expect.poll(() => host.output()).toContain(`cannot reach ${url}`);

    await apps.simulator({ port, accounts: [ACCOUNT], seedDemoData: false });
    await expect(status).toHaveAttribute('data-status', 'online', { timeout: 20_000 });
    await expect(page.getByTestId('total-unread')).toHaveText('All read');
    await expect(page.getByTestId('conversations-empty')).toHaveText('No conversations yet.');
  });

  test('a malformed event is counted and the app keeps working', async ({ page, apps }) => {
    const sim = await apps.simulator({ accounts: [ACCOUNT] });
    const host = await apps.hostFor(sim, ACCOUNT);
    await page.goto(host.url);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    for (const payload of [{ instanceId: 42 }, 'not an object', null]) {
      const res = await fetch(`${sim.url}/sim/emit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ organizationId: ACCOUNT.organizationId, event: 'whatsapp:qr', payload }),
      });
      expect(res.status).toBe(202);
    }
    await expect(page.getByTestId('dropped-events')).toHaveText('3 malformed server events ignored');
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    expect(host.output()).toContain('dropped malformed "whatsapp:qr" event');
  });

  test('losing the server shows Offline, and the app comes back by itself when it returns', async ({ page, apps }) => {
    const sim = await apps.simulator({ accounts: [ACCOUNT] });
    const { port, state } = sim;
    const host = await apps.hostFor(sim, ACCOUNT);
    await page.goto(host.url);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    await sim.close();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
    await expect(page.getByTestId('connection-detail')).toContainText('Reconnecting');
    await apps.simulator({ port, state, accounts: [ACCOUNT] });
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 20_000 });
  });
});
