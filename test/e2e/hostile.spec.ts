/**
 * The app as a hostile sender would attack it, in Chromium against the browser host:
 * names and messages built to run script, to navigate, to look like someone else, and a
 * backend flooding the host's log.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Apps } from './support/fixtures';
import { waitUntilOnline } from './support/sim';

const A = { token: 'token-a', organizationId: 'org-a' };

async function setUp(apps: Apps) {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const host = await apps.hostFor(sim, A);
  return { sim, host };
}

/** Everything that would show script ran, a page changed, or a window opened. */
function watchForHarm(page: Page) {
  const harm: string[] = [];
  page.on('dialog', (dialog) => {
    harm.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('popup', (popup) => harm.push(`popup: ${popup.url()}`));
  let loaded = false;
  page.on('framenavigated', (frame) => {
    // The first navigation is opening the app; any later one is harm.
    if (frame !== page.mainFrame()) return;
    if (loaded) harm.push(`navigated: ${frame.url()}`);
    loaded = true;
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) harm.push(`csp: ${message.text()}`);
  });
  return harm;
}

const SCRIPTS = [
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '<script>window.__pwned=2;alert(2)</script>',
  '<svg onload="window.__pwned=3"></svg>',
  '<iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>',
  '<a href="javascript:window.__pwned=5">click me</a>',
  '[click](javascript:window.__pwned=6)',
  '{{constructor.constructor("window.__pwned=7")()}}',
  '</textarea><input autofocus onfocus="window.__pwned=8">',
  '"><body onload="window.__pwned=9">',
];

test('a hostile-content corpus: nothing executes, nothing navigates, names cannot impersonate, notifications are plain', async ({
  page,
  apps,
}) => {
  const { sim, host } = await setUp(apps);
  const harm = watchForHarm(page);
  await waitUntilOnline(page, host.url, sim);
  const startUrl = page.url();

  const names = [
    'Ma\u200Bria Silva', // looks exactly like the real one
    'evil\u202Eexe.txt', // would display as "eviltxt.exe"
    '<img src=x onerror="window.__pwned=10">',
    '\u3164\u3164', // blank-looking: falls back to the number
  ];
  const conversations = names.map(
    (contactName, i) =>
      sim.injectMessage({ contactName, contactPhone: `55119000000${i}`, content: SCRIPTS[i] ?? 'oi' })[0]
        ?.conversationId ?? '',
  );
  const target = conversations[0] ?? '';
  for (const content of SCRIPTS) sim.injectMessage({ conversationId: target, content });
  for (const mediaUrl of [
    'javascript:window.__pwned=11',
    'data:text/html,<script>parent.__pwned=12</script>',
    'file:///etc/passwd',
  ]) {
    sim.injectMessage({ conversationId: target, contentType: 'document', mediaUrl, content: 'invoice.pdf' });
    sim.injectMessage({ conversationId: target, contentType: 'image', mediaUrl, content: '' });
  }

  const list = page.getByTestId('conversation-row');
  await expect(list).toHaveCount(4);
  const shownNames = await page.locator('.conversation-row__name').allTextContents();
  expect(shownNames).toContain('Maria Silva');
  expect(shownNames).toContain('evilexe.txt');
  expect(shownNames.join('')).not.toMatch(/[\u200B\u202E\u3164]/u);
  // The blank-looking name shows the number instead of an empty row.
  expect(shownNames).toContain('+55 11 9000-0003');

  await list.filter({ hasText: 'Maria Silva' }).click();
  await expect(page.getByTestId('thread').locator('h1')).toHaveText('Maria Silva');
  await expect(page.getByTestId('message')).toHaveCount(1 + SCRIPTS.length + 6);
  expect(await page.getByTestId('message-text').allTextContents()).toEqual(expect.arrayContaining(SCRIPTS));
  // Links that are not web links are not links: clicking every bubble opens and navigates nothing.
  for (const bubble of await page.getByTestId('message').all()) await bubble.click({ force: true });
  await expect(
    page.locator(
      '[data-testid="thread"] a[href^="javascript:"], [data-testid="thread"] a[href^="data:"], [data-testid="thread"] a[href^="file:"]',
    ),
  ).toHaveCount(0);
  await expect(page.locator('main img, main script, main iframe, main svg[onload], main input[onfocus]')).toHaveCount(
    0,
  );

  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(page.url()).toBe(startUrl);
  expect(harm).toEqual([]);

  // Notifications say the visible name and plain, one-line, bounded text.
  await expect.poll(async () => (await host.hostState()).notifications.length).toBeGreaterThan(0);
  const notifications = (await host.hostState()).notifications;
  for (const notification of notifications) {
    expect(`${String(notification.title)}${String(notification.body)}`).not.toMatch(/[\u200B\u202E\u3164\n\r]/u);
    expect(String(notification.body).length).toBeLessThanOrEqual(120);
  }
  expect(notifications.map((n) => String(n.title)).join(' ')).not.toContain('Ma\u200Bria');
});

test('the browser host’s log grows by less than 100 KB under 10,000 hostile events of every kind', async ({ apps }) => {
  const { sim, host } = await setUp(apps);
  await expect
    .poll(async () => (await (await fetch(`${sim.url}/sim/state`)).json()).organizations[0].sockets.joined)
    .toBe(1);
  const before = Buffer.byteLength(host.output());
  const megabyte = 'M'.repeat(1_000_000);
  const now = new Date().toISOString();
  const kinds: Array<[string, (i: number) => unknown]> = [
    [
      'whatsapp:connected',
      (i) => ({
        instanceId: `i${i}`,
        organizationId: i % 500 === 0 ? `${i}${megabyte}` : `other-${i}\n\u202Eforged`,
        phoneNumber: '1',
        timestamp: now,
      }),
    ],
    [
      'whatsapp:disconnected',
      (i) => ({ instanceId: `unknown-${i}-${'x'.repeat(2_000)}`, reason: `r${i}`, timestamp: now }),
    ],
    ['whatsapp:qr', (i) => ({ instanceId: i, qr: [i], timestamp: `bad ${i}` })],
    ['whatsapp:pairing-code', (i) => (i % 2 ? null : `junk ${i} ${'y'.repeat(3_000)}`)],
    [
      'whatsapp:message',
      (i) => ({ conversationId: `c${i}`, contactId: '', message: { id: i, content: 'z'.repeat(4_000) } }),
    ],
  ];
  for (let i = 0; i < 10_000; i += 1) {
    const [event, payload] = kinds[i % kinds.length] as [string, (i: number) => unknown];
    sim.emitRaw(event, payload(i));
    if (i % 500 === 0) await new Promise((r) => setImmediate(r));
  }
  // Let it all arrive: the host is still there and answers.
  await expect.poll(async () => (await host.hostState()).attention, { timeout: 30_000 }).toBe('none');
  await new Promise((r) => setTimeout(r, 2_000));
  const growth = Buffer.byteLength(host.output()) - before;
  expect(growth).toBeLessThan(100 * 1024);
  expect(host.output()).not.toContain('\u202Eforged');
});
