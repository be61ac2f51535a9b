/**
 * Native notifications, proven where a person would see them: the browser host runs
 * inside a private session (Xvfb + D-Bus + dunst) and every
 * org.freedesktop.Notifications.Notify call it makes is read off the bus.
 */
import type { Page } from '@playwright/test';
import {
  notificationBusSkipReason,
  startNotificationSession,
  type NotificationSession,
} from '../support/notification-bus';
import { expect, test, type Apps } from './support/fixtures';
import { setWindowFocus } from './support/focus';
import { simPost, waitUntilOnline } from './support/sim';

const A = { token: 'token-a', organizationId: 'org-a' };
const skipReason = notificationBusSkipReason();

/** The notifications AuZap raised in this session. */
const ours = (session: NotificationSession) => session.calls().filter((c) => c.appName === 'AuZap');

/** The browser host inside a private notification session, online against a fresh simulator. */
async function startInSession(page: Page, apps: Apps) {
  const session = await startNotificationSession();
  apps.defer(() => session.stop());
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const host = await apps.hostFor(sim, A, session.env);
  await waitUntilOnline(page, host.url, sim);
  return { sim, notifications: () => ours(session) };
}

/** Nothing more arrives on the bus for a while (longer than the coalescing delay). */
async function expectQuiet(notifications: () => unknown[], count: number, ms = 2_000) {
  await new Promise((r) => setTimeout(r, ms));
  expect(notifications()).toHaveLength(count);
}

test('message notifications on the session bus: text, coalescing, none for the open chat, none when paused', async ({
  page,
  apps,
}) => {
  test.skip(Boolean(skipReason), skipReason);
  test.setTimeout(90_000);
  const { sim, notifications } = await startInSession(page, apps);

  // The user is in another application.
  await setWindowFocus(page, false);
  await simPost(sim, '/sim/messages', { contactName: 'Ana Souza', content: 'Vocês abrem <b>sábado</b> & domingo?' });
  await expect.poll(() => notifications().length).toBe(1);
  expect(notifications()[0]).toMatchObject({
    summary: 'Ana Souza',
    body: 'Vocês abrem &lt;b&gt;sábado&lt;/b&gt; &amp; domingo?',
  });

  await simPost(sim, '/sim/messages', { contactName: 'Bruno Lima', contactPhone: '5511912345678', content: 'Oi' });
  await expect.poll(() => notifications().length).toBe(2);
  expect(notifications()[1]).toMatchObject({ summary: 'Bruno Lima', body: 'Oi' });

  // Back in AuZap, reading Bruno: his messages do not pop up; other chats still do.
  await setWindowFocus(page, true);
  await page.getByTestId('conversation-row').filter({ hasText: 'Bruno Lima' }).click();
  await expect(page.getByTestId('thread')).toBeVisible();
  await simPost(sim, '/sim/messages', { contactPhone: '5511912345678', content: 'Tudo bem?', count: 2 });
  await expect(page.getByTestId('message-text')).toHaveCount(3);
  await expectQuiet(notifications, 2);
  await simPost(sim, '/sim/messages', {
    contactName: 'Carla Dias',
    contactType: undefined,
    contentType: 'audio',
    content: '',
  });
  await expect.poll(() => notifications().length).toBe(3);
  expect(notifications()[2]).toMatchObject({ summary: 'Carla Dias', body: '🎤 Audio' });

  // Away again: four quick messages from Ana become one notification.
  await setWindowFocus(page, false);
  const ana = await page
    .getByTestId('conversation-row')
    .filter({ hasText: 'Ana Souza' })
    .getAttribute('data-conversation-id');
  for (const content of ['um', 'dois', 'três', 'quatro']) {
    await simPost(sim, '/sim/messages', { conversationId: ana, content });
  }
  await expect.poll(() => notifications().length, { timeout: 15_000 }).toBe(4);
  expect(notifications()[3]).toMatchObject({ summary: 'Ana Souza (4 new messages)', body: 'quatro' });
  await expectQuiet(notifications, 4, 6_000);

  // Paused: nothing at all.
  await page.getByTestId('pause-notifications').selectOption('until-resumed');
  await expect(page.getByTestId('pause-state')).toHaveText('Notifications paused');
  await simPost(sim, '/sim/messages', { contactName: 'Dora', content: 'alguém aí?' });
  await expect(page.getByTestId('conversation-row').filter({ hasText: 'Dora' })).toBeVisible();
  await expectQuiet(notifications, 4);
});

test('a burst over many conversations becomes a summary, not a wall of pop-ups', async ({ page, apps }) => {
  test.skip(Boolean(skipReason), skipReason);
  test.setTimeout(90_000);
  const { sim, notifications } = await startInSession(page, apps);
  await setWindowFocus(page, false);

  await simPost(sim, '/sim/burst', { messages: 600, conversations: 60 });
  await expect(page.getByTestId('total-unread')).toHaveAttribute('data-count', '600', { timeout: 20_000 });
  // Every message is accounted for in a handful of notifications.
  const counted = () =>
    notifications().reduce((sum, call) => sum + Number(/^(\d+) new messages? in/.exec(call.body)?.[1] ?? 1), 0);
  await expect.poll(counted, { timeout: 20_000 }).toBe(600);
  expect(notifications().length).toBeLessThanOrEqual(4);
  // The burst's first message may pop up on its own (nothing says a burst is coming
  // yet); the rest arrive as a summary.
  expect(notifications().map((call) => call.body)).toContainEqual(
    expect.stringMatching(/^\d+ new messages in \d+ conversations$/),
  );
});

test.describe('in Portuguese', () => {
  test.use({ locale: 'pt-BR' });

  test('notifications on the bus speak pt-BR, and the language chosen in Settings from the next one on', async ({
    page,
    apps,
  }) => {
    test.skip(Boolean(skipReason), skipReason);
    test.setTimeout(90_000);
    const { sim, notifications } = await startInSession(page, apps);
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await setWindowFocus(page, false);

    await simPost(sim, '/sim/messages', { contactName: 'Carla Dias', contentType: 'audio', content: '' });
    await expect.poll(() => notifications().length).toBe(1);
    expect(notifications()[0]).toMatchObject({ summary: 'Carla Dias', body: '🎤 Áudio' });
    // Quick messages in one chat are counted in the title, with the Portuguese plural.
    const carla = await page
      .getByTestId('conversation-row')
      .filter({ hasText: 'Carla Dias' })
      .getAttribute('data-conversation-id');
    for (const content of ['um', 'dois', 'três']) {
      await simPost(sim, '/sim/messages', { conversationId: carla, content });
    }
    await expect
      .poll(() => notifications().map((call) => call.summary), { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/^Carla Dias \(\d+ novas mensagens\)$/));
    const settled = notifications().length;
    await expectQuiet(notifications, settled, 6_000);

    // English chosen in Settings: the very next notification is in English, no restart.
    await setWindowFocus(page, true);
    await page.getByTestId('open-settings').click();
    await page.getByTestId('language').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await setWindowFocus(page, false);
    await simPost(sim, '/sim/messages', { contactName: 'Dora', contentType: 'image', content: '' });
    await expect.poll(() => notifications().length).toBe(settled + 1);
    expect(notifications()[settled]).toMatchObject({ summary: 'Dora', body: '📷 Photo' });

    // And back to Portuguese.
    await page.getByTestId('language').selectOption('pt-BR');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await simPost(sim, '/sim/messages', { contactName: 'Elisa', contentType: 'video', content: '' });
    await expect.poll(() => notifications().length).toBe(settled + 2);
    expect(notifications()[settled + 1]).toMatchObject({ summary: 'Elisa', body: '🎬 Vídeo' });
  });
});

test('before any window opens, the browser host speaks the system’s Portuguese (LANG)', async ({ apps }) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const host = await apps.hostFor(sim, A, { LANG: 'pt_BR.UTF-8', LC_ALL: '', LANGUAGE: '' });
  // Joined the room: the message below reaches it (no window needed for that).
  await expect
    .poll(async () => (await (await fetch(`${sim.url}/sim/state`)).json()).organizations[0].sockets.joined)
    .toBeGreaterThanOrEqual(1);
  await simPost(sim, '/sim/messages', { contactName: 'Carla Dias', contentType: 'audio', content: '' });
  await expect.poll(async () => (await host.hostState()).notifications.length).toBe(1);
  expect((await host.hostState()).notifications[0]).toMatchObject({ title: 'Carla Dias', body: '🎤 Áudio' });
});
