/**
 * Clicking a native notification, as the OS reports it to the browser host through
 * node-notifier (issue 12): a message's notification opens its conversation, the alert of
 * a number that dropped opens that number's page. The host is `npm run web`'s, unchanged;
 * only the OS side of node-notifier is a stand-in that clicks when the test says so
 * (test/e2e/fixtures/clickable-notifier.ts) — notify-send itself cannot report clicks.
 */
import { addInstance, type Simulator } from '../../src/simulator/simulator';
import { expect, test, type Apps } from './support/fixtures';
import { startHost } from './support/hosts';
import { A, lookAway } from './support/inbox';
import { linkFromElsewhere, simPost } from './support/sim';

interface Shown {
  title: string;
  body: string;
}

/** The host as `npm run web` runs it, with notifications a person can click. */
async function hostWithClickableNotifications(apps: Apps, sim: Simulator) {
  const shown: Shown[] = [];
  const host = await startHost(
    { AUZAP_SERVER_URL: sim.url, AUZAP_TOKEN: A.token, AUZAP_ORGANIZATION_ID: A.organizationId },
    {
      nodeArgs: ['--import', './test/e2e/fixtures/clickable-notifier.ts'],
      onMessage: (message) => {
        const notification = (message as { shown?: Shown }).shown;
        if (notification) shown.push(notification);
      },
    },
  );
  apps.defer(() => host.stop());
  /** Waits for the notification titled `title`, then clicks it. */
  const click = async (title: string) => {
    await expect.poll(() => shown.map((n) => n.title), { timeout: 15_000 }).toContain(title);
    host.send({ click: shown.findIndex((n) => n.title === title) });
  };
  return { host, shown, click };
}

test('clicking a message notification opens its conversation; clicking a drop alert opens the number', async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false, timing: { connectDelayMs: 50 } });
  const sales = addInstance(sim.state, A.organizationId, 'Sales');
  const { host, shown, click } = await hostWithClickableNotifications(apps, sim);
  await page.goto(host.url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await linkFromElsewhere(sim, A.token, sales.id, '5511987654321');
  await expect(page.getByTestId(`instance-${sales.id}`)).toHaveAttribute('data-status', 'connected');

  // Elsewhere in the app (Settings), and then in another application.
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('settings-page')).toBeVisible();
  await lookAway(page);
  await simPost(sim, '/sim/messages', { contactName: 'Joana', content: 'Chegou meu pedido?' });
  await simPost(sim, '/sim/messages', { contactName: 'Caio', content: 'Bom dia' });
  await expect.poll(() => shown.map((n) => n.title)).toEqual(['Joana', 'Caio']);
  expect(shown[0]?.body).toBe('Chegou meu pedido?');

  await click('Joana');
  const thread = page.getByTestId('thread');
  await expect(thread.getByRole('heading', { name: 'Joana' })).toBeVisible();
  await expect(thread.getByTestId('message-text')).toHaveText('Chegou meu pedido?');
  await expect(page.getByTestId('settings-page')).toBeHidden();

  await simPost(sim, `/sim/instances/${sales.id}/drop`, { reason: 'connection_lost' });
  await click('Sales: Connection lost');
  await expect(page.getByTestId('instance-page')).toHaveAttribute('data-instance', sales.id);
  await expect(thread).toBeHidden();
  await expect(page.getByTestId('instance-reconnecting')).toContainText('server is reconnecting');
});
