/**
 * The browser host restarted under an open window (a crash, an update of the host): the
 * page says it lost the host meanwhile, then starts afresh from the new one, on the chat it
 * showed: the list, the thread and the unread counts are the new host's, not a stale copy.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { startHost } from './support/hosts';
import { conversationRow as row } from './support/inbox';
import { waitUntilOnline } from './support/sim';

const A = { token: 'token-a', organizationId: 'org-a' };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  return typeof address === 'object' && address ? address.port : 0;
}

test('a host restarted under an open window: "lost contact" meanwhile, then the new host’s list and the same chat, read', async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const env = {
    AUZAP_SERVER_URL: sim.url,
    AUZAP_TOKEN: A.token,
    AUZAP_ORGANIZATION_ID: A.organizationId,
    AUZAP_DATA_DIR: mkdtempSync(join(tmpdir(), 'auzap-restart-')),
  };
  const port = await freePort();
  const first = await startHost(env, { port });
  apps.defer(() => first.stop());
  await waitUntilOnline(page, first.url, sim);
  const [nina] = sim.injectMessage({ contactName: 'Nina', content: 'Oi' });
  const [caio] = sim.injectMessage({ contactName: 'Caio', content: 'Olá' });
  await row(page, 'Nina').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nina');
  await expect(row(page, 'Nina')).toHaveAttribute('data-unread', '0');

  await first.stop();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
  await expect(page.getByTestId('connection-detail')).toContainText('Lost contact with the AuZap host');
  // Said while no host listened: the new one learns of them from the server.
  sim.injectMessage({ conversationId: nina?.conversationId ?? '', content: 'Ainda aí?' });
  sim.injectMessage({ conversationId: caio?.conversationId ?? '', content: 'Tem horário amanhã?' });

  const second = await startHost(env, { port });
  apps.defer(() => second.stop());
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nina');
  const log = page.getByRole('log', { name: 'Messages' });
  await expect(log.getByTestId('message-text')).toHaveText(['Oi', 'Ainda aí?'], { timeout: 15_000 });
  // The chat on screen is read; the other counts its new message.
  await expect(row(page, 'Nina')).toHaveAttribute('data-unread', '0');
  await expect(row(page, 'Caio')).toHaveAttribute('data-unread', '2');
  await expect(row(page, 'Caio')).toContainText('Tem horário amanhã?');
});
