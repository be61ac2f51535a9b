/**
 * Replies that never get lost (issue 12): typed while the backend is down they are
 * queued with a clock, shown in the list, kept across a restart of the app, and reach
 * the server once each, in order, when it is back; a 5xx or a lost answer is retried by
 * itself without a duplicate; only a refusal (4xx) asks for a Retry.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Simulator } from '../../src/simulator/simulator';
import { expect, test } from './support/fixtures';
import { A, conversationRow as row, openInboxOnline } from './support/inbox';
import { simPost } from './support/sim';

const mine = (page: Page) => page.locator('[data-testid="message"][data-direction="outgoing"]');
const bubble = (page: Page, text: string) => mine(page).filter({ hasText: text });

/** What the server stored as sent in that conversation, oldest first. */
const storedReplies = (sim: Simulator, conversationId: string) =>
  sim.state.conversations
    .find((c) => c.id === conversationId)
    ?.messages.filter((m) => m.direction === 'outgoing')
    .map((m) => m.content) ?? [];

async function reply(page: Page, text: string) {
  await page.getByLabel('Reply').fill(text);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Reply')).toHaveValue('');
}

test('replies typed while the server is down are queued, survive a restart of the app, and arrive once, in order', async ({
  page,
  apps,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'auzap-e2e-replies-'));
  const { sim, host: first } = await openInboxOnline(page, apps, { AUZAP_DATA_DIR: dataDir });
  const [injected] = sim.injectMessage({ contactName: 'Joana', content: 'Ainda tem o vestido?' });
  const conversationId = injected?.conversationId ?? '';
  await row(page, 'Joana').click();
  await expect(page.getByTestId('message-text')).toHaveText(['Ainda tem o vestido?']);

  const { port, state } = sim;
  await sim.kill();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
  await reply(page, 'Tenho sim, no M.');
  await reply(page, 'Separo pra você?');
  for (const text of ['Tenho sim, no M.', 'Separo pra você?']) {
    await expect(bubble(page, text)).toHaveAttribute('data-status', 'queued');
    await expect(bubble(page, text).getByTestId('message-status')).toHaveText('🕓 Queued — sends when back online');
  }
  await expect(row(page, 'Joana').getByTestId('pending-reply')).toHaveAttribute('data-state', 'queued');
  await expect(row(page, 'Joana').getByRole('img', { name: 'Message queued' })).toBeVisible();

  // Closed while the server is still down: the queued replies are on disk.
  const savedStatuses = () => {
    try {
      const doc = JSON.parse(readFileSync(join(dataDir, 'auzap-state.json'), 'utf8'));
      return (doc.inboxes?.[0]?.messages?.[conversationId] ?? []).map((m: { status: string }) => m.status);
    } catch {
      return null;
    }
  };
  await expect.poll(savedStatuses).toEqual(['received', 'queued', 'queued']);
  await first.stop();

  const second = await apps.hostFor(sim, A, { AUZAP_DATA_DIR: dataDir });
  await page.goto(second.url);
  await expect(row(page, 'Joana').getByTestId('pending-reply')).toHaveAttribute('data-state', 'queued');
  await row(page, 'Joana').click();
  await expect(mine(page).and(page.locator('[data-status="queued"]'))).toHaveCount(2);
  expect(storedReplies(sim, conversationId)).toEqual([]);

  const back = await apps.simulator({ port, state });
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 20_000 });
  await expect(mine(page).and(page.locator('[data-status="sent"]'))).toHaveCount(2);
  await expect(page.getByTestId('message-text')).toHaveText([
    'Ainda tem o vestido?',
    'Tenho sim, no M.',
    'Separo pra você?',
  ]);
  await expect(row(page, 'Joana').getByTestId('pending-reply')).toHaveCount(0);
  expect(storedReplies(back, conversationId)).toEqual(['Tenho sim, no M.', 'Separo pra você?']);
});

test('a 5xx is queued and sent by itself; a lost answer is not duplicated; a 4xx is failed with Retry, Discard and Edit', async ({
  page,
  apps,
}) => {
  const { sim } = await openInboxOnline(page, apps);
  const [injected] = sim.injectMessage({ contactName: 'Kátia', content: 'Qual o prazo?' });
  const conversationId = injected?.conversationId ?? '';
  const path = `/conversations/${conversationId}/messages`;
  await row(page, 'Kátia').click();

  await simPost(sim, '/sim/fail', { method: 'POST', path, status: 503, error: 'maintenance' });
  await reply(page, 'Dois dias úteis.');
  await expect(bubble(page, 'Dois dias úteis.')).toHaveAttribute('data-status', 'queued');
  await expect(bubble(page, 'Dois dias úteis.').getByTestId('message-status')).toHaveText(
    '🕓 Queued — will retry by itself',
  );
  await expect(bubble(page, 'Dois dias úteis.')).toHaveAttribute('data-status', 'sent');

  // Stored by the server, but its answer is lost: the resend carries the same id.
  await simPost(sim, '/sim/fail', { method: 'POST', path, status: 504, afterHandling: true });
  await reply(page, 'Frete grátis.');
  await expect(bubble(page, 'Frete grátis.')).toHaveAttribute('data-status', 'sent');
  await expect(mine(page)).toHaveCount(2);
  expect(storedReplies(sim, conversationId)).toEqual(['Dois dias úteis.', 'Frete grátis.']);

  await simPost(sim, '/sim/fail', { method: 'POST', path, status: 422, error: 'blocked by the customer' });
  await reply(page, 'Posso ajudar?');
  const failed = bubble(page, 'Posso ajudar?');
  await expect(failed).toHaveAttribute('data-status', 'failed');
  await expect(failed.getByTestId('message-status')).toHaveText(
    'Not sent. The server said: “blocked by the customer” (HTTP 422).',
  );
  await expect(row(page, 'Kátia').getByTestId('pending-reply')).toHaveAttribute('data-state', 'failed');
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(bubble(page, 'Posso ajudar?')).toHaveAttribute('data-status', 'sent');
  await expect(row(page, 'Kátia').getByTestId('pending-reply')).toHaveCount(0);
  await expect(mine(page)).toHaveCount(3);
  expect(storedReplies(sim, conversationId)).toEqual(['Dois dias úteis.', 'Frete grátis.', 'Posso ajudar?']);

  // A refusal that will not change: the reply can be let go of, and stays gone.
  await simPost(sim, '/sim/fail', { method: 'POST', path, status: 422, error: 'blocked by the customer' });
  await reply(page, 'Ainda aí?');
  await expect(bubble(page, 'Ainda aí?')).toHaveAttribute('data-status', 'failed');
  await bubble(page, 'Ainda aí?').getByRole('button', { name: 'Discard' }).click();
  await expect(bubble(page, 'Ainda aí?')).toHaveCount(0);
  await expect(row(page, 'Kátia').getByTestId('pending-reply')).toHaveCount(0);
  // Nor is it the chat's last word in the list any more.
  await expect(row(page, 'Kátia')).not.toContainText('Ainda aí?');
  await expect(row(page, 'Kátia')).toContainText('Posso ajudar?');
  await page.reload();
  await row(page, 'Kátia').click();
  await expect(mine(page)).toHaveCount(3);
  await expect(bubble(page, 'Ainda aí?')).toHaveCount(0);
  expect(storedReplies(sim, conversationId)).toEqual(['Dois dias úteis.', 'Frete grátis.', 'Posso ajudar?']);

  // Or its words come back into the reply box, to be changed and sent again.
  await simPost(sim, '/sim/fail', { method: 'POST', path, status: 422, error: 'message too long' });
  await reply(page, 'Posso trocar');
  await expect(bubble(page, 'Posso trocar')).toHaveAttribute('data-status', 'failed');
  await bubble(page, 'Posso trocar').getByRole('button', { name: 'Edit' }).click();
  await expect(bubble(page, 'Posso trocar')).toHaveCount(0);
  const box = page.getByLabel('Reply');
  await expect(box).toHaveValue('Posso trocar');
  await expect(box).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' o tamanho?');
  await page.keyboard.press('Enter');
  await expect(bubble(page, 'Posso trocar o tamanho?')).toHaveAttribute('data-status', 'sent');
  await expect(mine(page)).toHaveCount(4);
  expect(storedReplies(sim, conversationId)).toEqual([
    'Dois dias úteis.',
    'Frete grátis.',
    'Posso ajudar?',
    'Posso trocar o tamanho?',
  ]);
});

test('a draft survives switching chats and reloading the window, and is gone once sent', async ({ page, apps }) => {
  const { sim } = await openInboxOnline(page, apps);
  sim.injectMessage({ contactName: 'Ana', content: 'Oi' });
  sim.injectMessage({ contactName: 'Bruno', content: 'Olá' });
  await row(page, 'Ana').click();
  await page.getByLabel('Reply').fill('Temos sim, em azul e');
  await row(page, 'Bruno').click();
  await expect(page.getByLabel('Reply')).toHaveValue('');
  // Her row says a reply waits there, so it is not forgotten; the open chat's is in its box.
  await expect(row(page, 'Ana').getByTestId('conversation-draft')).toHaveText('Draft: Temos sim, em azul e');
  await expect(row(page, 'Bruno').getByTestId('conversation-draft')).toHaveCount(0);

  await page.reload();
  await expect(row(page, 'Ana').getByTestId('conversation-draft')).toHaveText('Draft: Temos sim, em azul e');
  await row(page, 'Ana').click();
  await expect(row(page, 'Ana').getByTestId('conversation-draft')).toHaveCount(0);
  await expect(page.getByLabel('Reply')).toHaveValue('Temos sim, em azul e');
  await page.getByLabel('Reply').press('End');
  await page.keyboard.type(' verde.');
  await page.keyboard.press('Enter');
  await expect(bubble(page, 'Temos sim, em azul e verde.')).toHaveAttribute('data-status', 'sent');
  await row(page, 'Bruno').click();
  await expect(row(page, 'Ana').getByTestId('conversation-draft')).toHaveCount(0);

  await page.reload();
  await row(page, 'Ana').click();
  await expect(page.getByLabel('Reply')).toHaveValue('');
});
