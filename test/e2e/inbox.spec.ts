import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { storeIncomingMessages } from '../../src/simulator/simulator';
import { expect, test } from './support/fixtures';
import type { RunningHost } from './support/hosts';
import { A, conversationRow as row, lookAway, openInboxOnline } from './support/inbox';
import { seriousViolations } from './support/axe';
import { simPost } from './support/sim';

async function unreadEverywhere(page: Page, h: RunningHost) {
  const title = await page.title();
  const fromTitle = Number(/^\((\d+)\) AuZap$/.exec(title)?.[1] ?? 0);
  const fromHeader = Number(await page.getByTestId('total-unread').getAttribute('data-count'));
  const rows = await page
    .getByTestId('conversation-row')
    .evaluateAll((els) => els.reduce((sum, el) => sum + Number(el.getAttribute('data-unread') ?? 0), 0));
  const fromTray = (await h.hostState()).badgeCount;
  return { fromTitle, fromHeader, rows, fromTray };
}

test('a new message appears at once; unread is the same in the list, title, header and tray; opening clears it', async ({
  page,
  apps,
}) => {
  const { sim, host } = await openInboxOnline(page, apps);
  await simPost(sim, '/sim/messages', { contactName: 'Ana Souza', content: 'Vocês abrem sábado?', duplicate: true });
  await simPost(sim, '/sim/messages', { contactName: 'Bruno Lima', content: 'Oi', count: 2 });

  await expect(row(page, 'Ana Souza')).toHaveAttribute('data-unread', '1');
  await expect(row(page, 'Bruno Lima')).toHaveAttribute('data-unread', '2');
  await expect(row(page, 'Ana Souza')).toContainText('Vocês abrem sábado?');
  await expect(page).toHaveTitle('(3) AuZap');
  await expect.poll(() => unreadEverywhere(page, host)).toEqual({ fromTitle: 3, fromHeader: 3, rows: 3, fromTray: 3 });
  expect((await host.hostState()).tooltip).toBe('AuZap — Online, 3 unread messages');

  // Search by name (accents ignored), by number, by message text.
  const search = page.getByLabel('Search conversations');
  // A screen reader hears how many chats a search shows, once typing pauses.
  const results = page.getByRole('status').and(page.getByTestId('search-results'));
  await expect(results).toHaveText('');
  await search.fill('souza');
  await expect(page.getByTestId('conversation-row')).toHaveCount(1);
  await expect(results).toHaveText('1 conversation matches');
  await search.fill('sabado');
  await expect(page.getByTestId('conversation-row')).toHaveCount(1);
  await search.fill('nobody like this');
  await expect(page.getByTestId('search-empty')).toBeVisible();
  await expect(results).toHaveText('No conversation matches');
  // Nothing to move through: the empty list is no tab stop.
  await expect(page.getByRole('listbox', { name: 'Conversations' })).toHaveAttribute('tabindex', '-1');
  await search.fill('');
  await expect(page.getByTestId('conversation-row')).toHaveCount(2);
  await expect(results).toHaveText('');
  await expect(page.getByRole('listbox', { name: 'Conversations' })).toHaveAttribute('tabindex', '0');

  await row(page, 'Ana Souza').click();
  // Delivered twice by the server, shown once.
  await expect(page.getByTestId('message')).toHaveCount(1);
  await expect(page.getByTestId('message-text')).toHaveText('Vocês abrem sábado?');
  await expect.poll(() => unreadEverywhere(page, host)).toEqual({ fromTitle: 2, fromHeader: 2, rows: 2, fromTray: 2 });
  await expect(page).toHaveTitle('(2) AuZap');
});

test('messages that arrive while the backend is down appear once when it is back', async ({ page, apps }) => {
  const { sim: first } = await openInboxOnline(page, apps);
  await simPost(first, '/sim/messages', { contactName: 'Carla', content: 'antes' });
  await expect(row(page, 'Carla')).toHaveAttribute('data-unread', '1');
  const conversationId = (await row(page, 'Carla').getAttribute('data-conversation-id')) ?? '';

  const { port, state } = first;
  await first.close();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
  storeIncomingMessages(state, { conversationId, content: 'durante', count: 2 });
  storeIncomingMessages(state, { contactName: 'Diego', content: 'novo cliente' });
  await apps.simulator({ port, state });

  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 20_000 });
  await expect(row(page, 'Carla')).toHaveAttribute('data-unread', '3');
  await expect(row(page, 'Diego')).toHaveAttribute('data-unread', '1');
  await row(page, 'Carla').click();
  await expect(page.getByTestId('message-text')).toHaveText(['antes', 'durante', 'durante']);
  await expect(page).toHaveTitle('(1) AuZap');
});

test('a reply is sent; a refusal by the server keeps the text with a retry that works', async ({ page, apps }) => {
  const { sim } = await openInboxOnline(page, apps);
  const [injected] = sim.injectMessage({ contactName: 'Eva', content: 'Tem em azul?' });
  await row(page, 'Eva').click();

  await page.getByLabel('Reply').fill('Temos sim!');
  await page.keyboard.press('Enter');
  const mine = page.locator('[data-testid="message"][data-direction="outgoing"]');
  await expect(mine).toHaveAttribute('data-status', 'sent');
  await expect(mine.getByTestId('message-status')).toHaveText('Sent ✓');
  await expect(page.getByLabel('Reply')).toHaveValue('');

  await simPost(sim, '/sim/fail', {
    method: 'POST',
    path: `/conversations/${injected?.conversationId}/messages`,
    status: 400,
    error: 'message rejected',
  });
  await page.getByLabel('Reply').fill('Posso separar um pra você?');
  await page.getByRole('button', { name: 'Send' }).click();
  const failed = page.locator('[data-testid="message"][data-status="failed"]');
  await expect(failed).toContainText('Posso separar um pra você?');
  await expect(failed.getByTestId('message-status')).toHaveText(
    'Not sent. The server said: “message rejected” (HTTP 400).',
  );
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('[data-testid="message"][data-direction="outgoing"]')).toHaveCount(2);
  await expect(page.locator('[data-testid="message"][data-status="sent"]')).toHaveCount(2);
});

test('message text is always text: HTML, scripts, very long text, emoji and RTL render safely', async ({
  page,
  apps,
}) => {
  const { sim } = await openInboxOnline(page, apps);
  const nasty = [
    '<img src=x onerror="window.__pwned=1">',
    '<script>window.__pwned=2</script>',
    `${'muito longo '.repeat(400)}fim`,
    'Olá 👋🏽 tudo bem? 🇧🇷',
    'مرحبا، هل المتجر مفتوح؟',
  ];
  const [first] = sim.injectMessage({ contactName: 'Fernanda', content: nasty[0] });
  for (const content of nasty.slice(1)) sim.injectMessage({ conversationId: first?.conversationId, content });
  await row(page, 'Fernanda').click();
  const texts = page.getByTestId('message-text');
  await expect(texts).toHaveCount(5);
  expect(await texts.allTextContents()).toEqual(nasty);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('[data-testid="thread"] img, [data-testid="thread"] script')).toHaveCount(0);
  await expect(texts.nth(4)).toHaveAttribute('dir', 'auto');
  // The long one wraps inside the window instead of stretching it.
  const box = await texts.nth(2).boundingBox();
  expect(box?.width ?? Infinity).toBeLessThan(page.viewportSize()?.width ?? 0);
});

test('media show as a clear placeholder; only web links can be opened', async ({ page, apps }) => {
  const { sim } = await openInboxOnline(page, apps);
  const [photo] = sim.injectMessage({
    contactName: 'Gabi',
    contentType: 'image',
    content: 'olha essa',
    mediaUrl: 'https://cdn.example.com/p.jpg',
  });
  sim.injectMessage({
    conversationId: photo?.conversationId,
    contentType: 'audio',
    content: '',
    mediaUrl: 'javascript:alert(1)',
  });
  sim.injectMessage({ conversationId: photo?.conversationId, contentType: 'sticker', content: '' });
  await row(page, 'Gabi').click();
  const media = page.getByTestId('media-placeholder');
  await expect(media).toHaveCount(3);
  await expect(media.nth(0)).toContainText('Photo');
  await expect(media.nth(0).getByTestId('media-link')).toHaveAttribute('href', 'https://cdn.example.com/p.jpg');
  // A screen reader hears what opens, not just "Open".
  await expect(media.nth(0).getByRole('link', { name: 'Open the photo' })).toBeVisible();
  await expect(media.nth(1)).toContainText('🎤 Audio');
  await expect(media.nth(1).getByTestId('media-link')).toHaveCount(0);
  await expect(media.nth(2)).toContainText('Unsupported message');
  // The link is the app's, readable in both themes: not the browser's blue (nor purple once visited).
  const link = media.nth(0).getByTestId('media-link');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const accent = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
    );
    const shown = await link.evaluate((el) => {
      const probe = document.createElement('span');
      document.body.append(probe);
      probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--accent');
      const expected = getComputedStyle(probe).color;
      probe.remove();
      return { color: getComputedStyle(el).color, expected, fontStyle: getComputedStyle(el).fontStyle };
    });
    expect(accent, colorScheme).not.toBe('');
    expect(shown.color, colorScheme).toBe(shown.expected);
    expect(shown.fontStyle).toBe('normal');
  }
  expect(await seriousViolations(page, 'media')).toEqual([]);
});

test('settings, unread counts and mutes survive a restart; a garbage store falls back to defaults', async ({
  page,
  apps,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'auzap-e2e-data-'));
  const { sim, host: first } = await openInboxOnline(page, apps, { AUZAP_DATA_DIR: dataDir });
  await simPost(sim, '/sim/messages', { contactName: 'Helena', content: 'um', count: 2 });
  await expect(row(page, 'Helena')).toHaveAttribute('data-unread', '2');
  await simPost(sim, '/sim/messages', { contactName: 'Igor', content: 'dois' });
  await row(page, 'Igor').click();
  await page.getByTestId('mute-for').selectOption('always');
  await expect(page.getByTestId('mute-toggle')).toHaveText('Unmute notifications');
  await page.getByTestId('notification-privacy').selectOption('name');
  // Saving is debounced: wait until the choice and the mute are on disk, as a user closing later would.
  const saved = () => {
    try {
      const doc = JSON.parse(readFileSync(join(dataDir, 'auzap-state.json'), 'utf8'));
      return { privacy: doc.notifications?.privacy, mutes: doc.inboxes?.[0]?.mutedIds?.length ?? 0 };
    } catch {
      return null;
    }
  };
  await expect.poll(saved).toEqual({ privacy: 'name', mutes: 1 });
  await first.stop();

  const second = await apps.hostFor(sim, A, { AUZAP_DATA_DIR: dataDir });
  await page.goto(second.url);
  await expect(row(page, 'Helena')).toHaveAttribute('data-unread', '2');
  await expect(row(page, 'Igor')).toHaveAttribute('data-unread', '0');
  await expect(row(page, 'Igor').getByLabel('Muted')).toBeVisible();
  await expect(page.getByTestId('notification-privacy')).toHaveValue('name');
  await second.stop();

  writeFileSync(join(dataDir, 'auzap-state.json'), '\u0000\u0001 not json {{{');
  const third = await apps.hostFor(sim, A, { AUZAP_DATA_DIR: dataDir });
  await page.goto(third.url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await expect(page.getByTestId('notification-privacy')).toHaveValue('full');
  expect(third.output()).toMatch(/WARN .*The saved state .* could not be read/);
  expect(readdirSync(dataDir).some((f) => f.startsWith('auzap-state.json.corrupt-'))).toBe(true);
});

test('clicking a notification opens its conversation', async ({ page, apps }) => {
  const { sim, host } = await openInboxOnline(page, apps);
  await lookAway(page);
  await simPost(sim, '/sim/messages', { contactName: 'Joana', content: 'Chegou meu pedido?' });
  await expect.poll(async () => (await host.hostState()).notifications.length).toBe(1);
  expect((await host.hostState()).notifications[0]).toMatchObject({ title: 'Joana', body: 'Chegou meu pedido?' });
  expect((await fetch(new URL('host/notifications/0/click', host.url), { method: 'POST' })).status).toBe(202);
  await expect(page.getByTestId('thread')).toBeVisible();
  await expect(page.getByTestId('message-text')).toHaveText('Chegou meu pedido?');
});

test('a command that cannot reach the host is shown in words, never swallowed', async ({ page, apps }) => {
  const { sim, host } = await openInboxOnline(page, apps);
  await simPost(sim, '/sim/messages', { contactName: 'Lia', content: 'oi' });
  await row(page, 'Lia').click();
  await expect(page.getByTestId('thread')).toBeVisible();

  await host.stop();
  await page.getByTestId('mute-for').selectOption('1h');
  const notice = page.getByTestId('failure-notice');
  await expect(notice).toContainText('Could not change the mute setting: Lost contact with the AuZap host.');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('failure-banner')).toHaveCount(0);
});

test('a first load that failed says so and that AuZap keeps trying — never an empty, all-read inbox — then loads', async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  sim.injectMessage({ contactName: 'Rita', content: 'Tem em azul?' });
  await simPost(sim, '/sim/fail', { method: 'GET', path: '/conversations', status: 503, error: 'busy', times: 1 });
  const host = await apps.hostFor(sim, A);
  await page.goto(host.url);
  await expect(page.getByTestId('conversations-empty')).toHaveText(
    'The conversations could not be loaded yet. AuZap keeps trying.',
  );
  await expect(page.getByTestId('total-unread')).not.toContainText('All read');
  // The sync tries again by itself (5 s later).
  await expect(row(page, 'Rita')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('conversations-empty')).toHaveCount(0);
});
