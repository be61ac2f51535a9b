/**
 * Reading a thread (issue 12, "Threads"): days, where the unread part starts, the view
 * at the bottom, grouped messages, a reply box that grows, and what a screen reader says.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Apps } from './support/fixtures';
import { setWindowFocus } from './support/focus';
import { conversationRow as row, lookAway } from './support/inbox';
import { simPost, waitUntilOnline } from './support/sim';
import { daysAgoAt, minutesAgo, openConversation, seedThread } from './support/thread';

const A = { token: 'token-a', organizationId: 'org-a' };

test.describe('day separators', () => {
  for (const locale of ['en-US', 'pt-BR']) {
    test.describe(locale, () => {
      test.use({ locale });

      test(`a thread over many days is split by day, in ${locale}`, async ({ page, apps }) => {
        const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
        const longAgo = daysAgoAt(20, 9, 30);
        const threeDaysAgo = daysAgoAt(3, 10);
        seedThread(sim, A.organizationId, 'Maria', [
          { at: longAgo, from: 'customer', text: 'long ago' },
          { at: daysAgoAt(20, 9, 45), from: 'staff', text: 'same day, later' },
          { at: threeDaysAgo, from: 'customer', text: 'three days ago' },
          { at: daysAgoAt(1, 18), from: 'staff', text: 'yesterday' },
          { at: minutesAgo(1), from: 'customer', text: 'today' },
        ]);
        const host = await apps.hostFor(sim, A);
        await waitUntilOnline(page, host.url, sim);
        const thread = await openConversation(page, 'Maria');
        await expect(thread.getByTestId('message')).toHaveCount(5);

        const weekday = threeDaysAgo.toLocaleDateString(locale, { weekday: 'long' });
        const month = longAgo.toLocaleDateString(locale, { month: 'long' });
        const separators = thread.getByTestId('day-separator');
        await expect(separators).toHaveCount(4);
        const [today, yesterday] = locale === 'pt-BR' ? ['Hoje', 'Ontem'] : ['Today', 'Yesterday'];
        await expect(separators.nth(0)).toContainText(
          new RegExp(`\\b${longAgo.getDate()}\\b.*${month}|${month}.*\\b${longAgo.getDate()}\\b`, 'i'),
        );
        await expect(separators.nth(1)).toHaveText(new RegExp(`^${weekday}$`, 'i'));
        await expect(separators.nth(2)).toHaveText(yesterday);
        await expect(separators.nth(3)).toHaveText(today);

        // Each separator sits right before the first message of its day.
        const order = await thread
          .locator('[data-testid="day-separator"], [data-testid="message-text"]')
          .evaluateAll((nodes) =>
            nodes
              .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
              .map((n) => (n.getAttribute('data-testid') === 'day-separator' ? '|' : (n.textContent ?? ''))),
          );
        expect(order).toEqual([
          '|',
          'long ago',
          'same day, later',
          '|',
          'three days ago',
          '|',
          'yesterday',
          '|',
          'today',
        ]);
      });
    });
  }
});

/** Long enough that a dozen fill more than a screen. */
function paragraph(n: number): string {
  return `Message ${n}: ${'a fairly long line about the order and its delivery, '.repeat(4).trim()}`;
}

test('opening a chat with unread messages lands on where they start; "Jump to latest" counts what arrives', async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const read = Array.from({ length: 20 }, (_, i) => ({
    at: minutesAgo(200 - i),
    from: i % 2 === 0 ? ('customer' as const) : ('staff' as const),
    text: paragraph(i),
  }));
  const unread = Array.from({ length: 12 }, (_, i) => ({
    at: minutesAgo(100 - i),
    from: 'customer' as const,
    text: paragraph(20 + i),
  }));
  const conversationId = seedThread(sim, A.organizationId, 'Ana', [...read, ...unread]);
  const host = await apps.hostFor(sim, A);
  await waitUntilOnline(page, host.url, sim);
  await expect(page.getByTestId('conversation-row').filter({ hasText: 'Ana' })).toContainText('12');
  const thread = await openConversation(page, 'Ana');

  const divider = thread.getByTestId('unread-divider');
  await expect(divider).toHaveText('12 unread messages');
  await expect(divider).toBeInViewport();
  // The first unread message right under the divider, the newest one further down, out of view.
  const firstUnread = thread.getByTestId('message').filter({ hasText: 'Message 20:' });
  await expect(firstUnread).toBeInViewport();
  const [dividerBox, firstBox] = await Promise.all([divider.boundingBox(), firstUnread.boundingBox()]);
  expect(firstBox?.y).toBeGreaterThan(dividerBox?.y ?? Infinity);
  await expect(thread.getByTestId('message').filter({ hasText: 'Message 31:' })).not.toBeInViewport();
  // Above the divider, at most a glimpse of what was read before.
  await expect(thread.getByTestId('message').filter({ hasText: 'Message 19:' })).not.toBeInViewport({ ratio: 0.25 });

  // Reading the unread part: the way down is one click away, and says what arrives meanwhile.
  const jump = thread.getByTestId('jump-to-latest');
  await expect(jump).toBeVisible();
  await expect(thread.getByTestId('jump-to-latest-count')).toHaveCount(0);
  sim.injectMessage({ conversationId, content: 'just now 1' });
  sim.injectMessage({ conversationId, content: 'just now 2' });
  await expect(thread.getByTestId('jump-to-latest-count')).toHaveText('2 new');
  await expect(jump).toHaveAccessibleName('Jump to latest, 2 new messages');
  await expect(firstUnread).toBeInViewport();

  await jump.click();
  await expect(thread.getByTestId('message').filter({ hasText: 'just now 2' })).toBeInViewport();
  await expect(jump).toBeHidden();
  await expect(divider).toHaveText('12 unread messages');
});

test('a chat opened on its few unread messages follows what arrives next, as at the bottom', async ({ page, apps }) => {
  const { sim, conversationId } = await onlineWithThread(page, apps, 'Nina', [
    { at: minutesAgo(5), from: 'customer', text: 'Oi, tudo bem?' },
  ]);
  const thread = await openConversation(page, 'Nina');
  await expect(thread.getByTestId('unread-divider')).toBeVisible();

  // Thirty more, far more than the view holds: the view follows them down.
  for (let i = 1; i <= 30; i++) sim.injectMessage({ conversationId, content: `mensagem ${i}` });
  const newest = thread.getByTestId('message').filter({ hasText: 'mensagem 30' });
  await expect(newest).toBeInViewport();
  await expect(thread.getByTestId('jump-to-latest')).toBeHidden();
});

test('the unread divider stays where the unread began while more messages arrive in the open chat', async ({
  page,
  apps,
}) => {
  const { sim, conversationId } = await onlineWithThread(page, apps, 'Vera', [
    { at: minutesAgo(9), from: 'staff', text: 'Bom dia!' },
    { at: minutesAgo(5), from: 'customer', text: '👍' },
  ]);
  const thread = await openConversation(page, 'Vera');
  const divider = thread.getByTestId('unread-divider');
  await expect(divider).toHaveText('1 unread message');
  sim.injectMessage({ conversationId, content: 'Mais uma coisa' });
  sim.injectMessage({ conversationId, content: 'E outra' });
  const text = (content: string) => thread.getByTestId('message-text').filter({ hasText: content });
  await expect(text('E outra')).toBeVisible();
  const y = async (locator: typeof divider) => (await locator.boundingBox())?.y ?? NaN;
  expect(await y(divider)).toBeLessThan(await y(text('👍')));
  await expect(divider).toHaveText('1 unread message');
});

test('a chat whose unread messages begin a new day opens with that day’s label whole above the divider', async ({
  page,
  apps,
}) => {
  const read = Array.from({ length: 40 }, (_, i) => ({
    at: daysAgoAt(2, 10, i),
    from: i % 2 === 0 ? ('customer' as const) : ('staff' as const),
    text: `antes ${i + 1}`,
  }));
  const unread = Array.from({ length: 20 }, (_, i) => ({
    at: minutesAgo(30 - i),
    from: 'customer' as const,
    text: `hoje ${i + 1}`,
  }));
  await onlineWithThread(page, apps, 'Lia', [...read, ...unread]);
  const thread = await openConversation(page, 'Lia');
  await expect(thread.getByTestId('unread-divider')).toBeInViewport();
  await expect(thread.getByTestId('day-separator').filter({ hasText: 'Today' })).toBeInViewport({ ratio: 1 });
});

test('a chat with nothing unread opens at the bottom, with no divider', async ({ page, apps }) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  seedThread(
    sim,
    A.organizationId,
    'Bruno',
    Array.from({ length: 20 }, (_, i) => ({
      at: minutesAgo(60 - i),
      from: i === 19 ? 'staff' : 'customer',
      text: paragraph(i),
    })),
  );
  const host = await apps.hostFor(sim, A);
  await waitUntilOnline(page, host.url, sim);
  const thread = await openConversation(page, 'Bruno');
  await expect(thread.getByTestId('message').filter({ hasText: 'Message 19:' })).toBeInViewport();
  await expect(thread.getByTestId('unread-divider')).toHaveCount(0);
  await expect(thread.getByTestId('jump-to-latest')).toBeHidden();
});

test('a short thread sits at the bottom, next to the reply box', async ({ page, apps }) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  seedThread(sim, A.organizationId, 'Carla', [
    { at: minutesAgo(30), from: 'customer', text: 'Oi, tudo bem?' },
    { at: minutesAgo(20), from: 'staff', text: 'Tudo, e você?' },
  ]);
  const host = await apps.hostFor(sim, A);
  await waitUntilOnline(page, host.url, sim);
  const thread = await openConversation(page, 'Carla');
  const last = thread.getByTestId('message').last();
  await expect(last).toHaveText(/Tudo, e você\?/);
  const [lastBox, replyBox, listBox] = await Promise.all([
    last.boundingBox(),
    thread.getByRole('textbox', { name: 'Reply' }).boundingBox(),
    thread.getByTestId('message-list').boundingBox(),
  ]);
  if (!lastBox || !replyBox || !listBox) throw new Error('thread not laid out');
  // Right above the reply box, with the empty space above the messages, not under them.
  expect(replyBox.y - (lastBox.y + lastBox.height)).toBeLessThan(48);
  const firstBox = await thread.getByTestId('message').first().boundingBox();
  expect((firstBox?.y ?? 0) - listBox.y).toBeGreaterThan(listBox.height / 2);
});

test('the view stays at the bottom through resizes and new messages, and where the user is once scrolled up', async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const conversationId = seedThread(
    sim,
    A.organizationId,
    'Davi',
    Array.from({ length: 24 }, (_, i) => ({
      at: minutesAgo(100 - i * 2),
      from: i === 23 ? 'staff' : 'customer',
      text: paragraph(i),
    })),
  );
  const host = await apps.hostFor(sim, A);
  await waitUntilOnline(page, host.url, sim);
  const thread = await openConversation(page, 'Davi');
  const messages = thread.getByTestId('message');
  const newest = () => messages.filter({ hasText: /./ }).last();
  await expect(messages.filter({ hasText: 'Message 23:' })).toBeInViewport();

  for (const size of [
    { width: 800, height: 600 },
    { width: 1920, height: 1080 },
    { width: 900, height: 500 },
  ]) {
    await page.setViewportSize(size);
    await expect(messages.filter({ hasText: 'Message 23:' })).toBeInViewport({ ratio: 1 });
  }
  sim.injectMessage({ conversationId, content: 'arrives at the bottom' });
  await expect(newest()).toHaveText(/arrives at the bottom/);
  await expect(messages.filter({ hasText: 'arrives at the bottom' })).toBeInViewport({ ratio: 1 });

  // Scrolled up to read: nothing moves under the reader, whatever arrives.
  const list = thread.getByTestId('message-list');
  await list.hover();
  await page.mouse.wheel(0, -700);
  await expect(thread.getByTestId('jump-to-latest')).toBeVisible();
  // Where a wheel lands depends on rows measured on the way up: the reader reads whatever is in view.
  const reading = messages.filter({ hasText: `Message ${await messageInView(list)}:` });
  await expect(reading).toBeInViewport();
  const before = await reading.boundingBox();
  sim.injectMessage({ conversationId, content: 'arrives while reading' });
  await expect(thread.getByTestId('jump-to-latest-count')).toHaveText('1 new');
  expect((await reading.boundingBox())?.y).toBe(before?.y);
  await expect(messages.filter({ hasText: 'arrives while reading' })).not.toBeInViewport();
  await page.setViewportSize({ width: 900, height: 560 });
  await expect(reading).toBeInViewport();
  await expect(messages.filter({ hasText: 'arrives while reading' })).not.toBeInViewport();
});

/** The number of a seeded message whose top is in the list's view, once the scrolling has stopped. */
async function messageInView(list: Locator): Promise<number> {
  let found = -1;
  let lastTop = Number.NaN;
  await expect(async () => {
    const [top, number] = await list.evaluate((el) => {
      const view = el.getBoundingClientRect();
      const inView = [...el.querySelectorAll('[data-testid="message"]')].find((m) => {
        const box = m.getBoundingClientRect();
        return box.top >= view.top && box.top < view.bottom - 20;
      });
      return [el.scrollTop, Number(/Message (\d+):/.exec(inView?.textContent ?? '')?.[1] ?? -1)] as const;
    });
    const settled = top === lastTop;
    lastTop = top;
    found = number;
    expect(settled && number >= 0).toBe(true);
  }).toPass({ intervals: [200] });
  return found;
}

test('consecutive messages from one side, minutes apart, are grouped with one time', async ({ page, apps }) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const start = minutesAgo(60);
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  seedThread(sim, A.organizationId, 'Elis', [
    { at: at(0), from: 'customer', text: 'one' },
    { at: at(1), from: 'customer', text: 'two' },
    { at: at(3), from: 'customer', text: 'three' },
    { at: at(4), from: 'staff', text: 'four' },
    { at: at(5), from: 'staff', text: 'five' },
    { at: at(30), from: 'staff', text: 'six, much later' },
  ]);
  const host = await apps.hostFor(sim, A);
  await waitUntilOnline(page, host.url, sim);
  const thread = await openConversation(page, 'Elis');
  const messages = thread.getByTestId('message');
  await expect(messages).toHaveCount(6);
  const timeShown = await messages.evaluateAll((bubbles) =>
    bubbles.map((bubble) => {
      const time = bubble.querySelector('time');
      return time !== null && time.getBoundingClientRect().width > 1;
    }),
  );
  expect(timeShown).toEqual([false, false, true, false, true, true]);
  // Grouped bubbles sit closer together than bubbles of different groups.
  const boxes = await messages.evaluateAll((bubbles) => bubbles.map((b) => b.getBoundingClientRect()));
  const gap = (i: number) => (boxes[i + 1]?.top ?? 0) - (boxes[i]?.bottom ?? 0);
  expect(gap(0)).toBeLessThan(gap(2));
  expect(gap(3)).toBeLessThan(gap(4));
});

test('the reply box grows with its text up to about six lines, then scrolls', async ({ page, apps }) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  seedThread(sim, A.organizationId, 'Fabi', [{ at: minutesAgo(5), from: 'customer', text: 'Oi' }]);
  const host = await apps.hostFor(sim, A);
  await waitUntilOnline(page, host.url, sim);
  const thread = await openConversation(page, 'Fabi');
  const reply = thread.getByRole('textbox', { name: 'Reply' });
  await expect(reply).toBeFocused();
  const lineHeight = await reply.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  const height = async () => (await reply.boundingBox())?.height ?? 0;
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n');

  await reply.fill('one line');
  const oneLine = await height();
  await reply.fill(lines(3));
  expect(await height()).toBeCloseTo(oneLine + 2 * lineHeight, -1);
  await reply.fill(lines(6));
  const sixLines = await height();
  expect(sixLines).toBeCloseTo(oneLine + 5 * lineHeight, -1);
  await reply.fill(lines(20));
  expect(await height()).toBe(sixLines);
  // Past six lines the box scrolls, and the text is all there.
  expect(await reply.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await expect(reply).toHaveValue(lines(20));
  // Still room for the thread above it.
  const list = await thread.getByTestId('message-list').boundingBox();
  expect(list?.height ?? 0).toBeGreaterThan(200);
});

test('bubbles keep a readable width at 1920×1080; the header never breaks a word at 800×600', async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const name = 'Maria Aparecida dos Santos Ferreira de Albuquerque';
  seedThread(sim, A.organizationId, name, [
    { at: minutesAgo(6), from: 'customer', text: paragraph(1).repeat(4) },
    { at: minutesAgo(5), from: 'staff', text: paragraph(2).repeat(4) },
  ]);
  const host = await apps.hostFor(sim, A);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await waitUntilOnline(page, host.url, sim);
  const thread = await openConversation(page, name);
  const list = await thread.getByTestId('message-list').boundingBox();
  for (const bubble of await thread.getByTestId('message').all()) {
    const box = await bubble.boundingBox();
    // About 75 characters a line at most, however wide the window.
    expect(box?.width ?? Infinity).toBeLessThanOrEqual(620);
    expect(box?.width ?? 0).toBeLessThan((list?.width ?? 0) / 2);
  }

  await page.setViewportSize({ width: 800, height: 600 });
  // Muted for a while: the header's longest state (what is left, and Unmute).
  await thread.getByTestId('mute-for').selectOption('1h');
  await expect(thread.getByTestId('mute-toggle')).toHaveText('Unmute notifications');
  const header = thread.locator('header');
  const broken = await header.evaluate((root) => {
    const split: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (tops.size > 1) split.push(match[0]);
      }
    }
    return split;
  });
  expect(broken).toEqual([]);
  expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(thread.getByRole('heading', { name })).toBeInViewport({ ratio: 1 });
});

test('the thread is a log; a message arriving in it is announced politely; each side is said in words', async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const conversationId = seedThread(sim, A.organizationId, 'Gabi', [
    { at: minutesAgo(30), from: 'customer', text: 'Vocês abrem sábado?' },
    { at: minutesAgo(20), from: 'staff', text: 'Abrimos, das 9h às 13h.' },
  ]);
  const other = seedThread(sim, A.organizationId, 'Hugo', [{ at: minutesAgo(40), from: 'customer', text: 'Oi' }]);
  const host = await apps.hostFor(sim, A);
  await waitUntilOnline(page, host.url, sim);
  const thread = await openConversation(page, 'Gabi');

  const log = thread.getByRole('log', { name: 'Messages' });
  await expect(log.getByTestId('message')).toHaveCount(2);
  // Which side a bubble is on is said in words, not only shown by colour and position.
  const sides = log.getByTestId('message-side');
  // A reply is said to be one, not that it was sent: its status (sent, not sent) follows.
  await expect(sides).toHaveText(['Received from Gabi:', 'Your reply to Gabi:']);
  for (const side of await sides.all()) expect((await side.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);

  const announcer = page.getByTestId('thread-announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  // What was there on opening is not news; another chat's message is not said here.
  await expect(announcer).toHaveText('');
  sim.injectMessage({ conversationId: other, content: 'em outra conversa' });
  await expect(page.getByTestId('conversation-row').filter({ hasText: 'Hugo' })).toContainText('em outra conversa');
  await expect(announcer).toHaveText('');

  sim.injectMessage({ conversationId, content: 'E domingo?' });
  await expect(log.getByTestId('message')).toHaveCount(3);
  await expect(announcer).toHaveText('New message from Gabi: E domingo?');
  await expect(log.getByTestId('message-side').last()).toHaveText('Received from Gabi:');

  // The same words again are news again: the region's content changes, so it is read.
  const said = () => announcer.evaluate((el) => el.textContent);
  const before = await said();
  sim.injectMessage({ conversationId, content: 'E domingo?' });
  await expect(log.getByTestId('message')).toHaveCount(4);
  await expect.poll(said).not.toBe(before);
  await expect(announcer).toHaveText('New message from Gabi: E domingo?');
  // Formatting marks are not read out.
  sim.injectMessage({ conversationId, content: 'Abrimos *às 9h* no _sábado_' });
  await expect(announcer).toHaveText('New message from Gabi: Abrimos às 9h no sábado');

  // A burst is said once or twice with its count, not message by message for as long again.
  await announcer.evaluate((el) => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    new MutationObserver(() => heard.push(el.textContent ?? '')).observe(el, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  for (let i = 1; i <= 6; i += 1) {
    sim.injectMessage({ conversationId, content: `Burst ${i}` });
    await new Promise((r) => setTimeout(r, 100));
  }
  await expect(log.getByTestId('message')).toHaveCount(11);
  await expect(announcer).toHaveText(/^\d new messages from Gabi, the latest: Burst 6\s*$/);
  const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
  expect(new Set(heard.map((h) => h.trim())).size).toBeLessThanOrEqual(2);
});

test('a chat whose messages cannot load stays unread, says why with Try again, and loads by itself once the server is back', async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  seedThread(sim, A.organizationId, 'João', [
    { at: minutesAgo(3), from: 'customer', text: 'Oi' },
    { at: minutesAgo(2), from: 'customer', text: 'Tem o pedido 42?' },
  ]);
  const { port, state } = sim;
  const host = await apps.hostFor(sim, A);
  await waitUntilOnline(page, host.url, sim);
  const row = page.getByTestId('conversation-row').filter({ hasText: 'João' });
  await expect(row.getByTestId('unread-badge')).toHaveText('2');

  // The server goes away before the chat was ever opened: its messages cannot be fetched.
  await sim.close();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
  await row.click();
  const error = page.getByTestId('thread-error');
  await expect(error).toContainText('Could not load the messages.');
  await expect(error.getByRole('button', { name: 'Try again' })).toBeVisible();
  // Not read: nobody has seen those messages yet.
  await expect(row.getByTestId('unread-badge')).toHaveText('2');
  await expect(page.getByTestId('total-unread')).toHaveText('2 unread');

  // Back: the open thread loads by itself, and only now is the chat read.
  await apps.simulator({ port, state, accounts: [A] });
  const log = page.getByRole('log', { name: 'Messages' });
  await expect(log.getByTestId('message-text')).toHaveText(['Oi', 'Tem o pedido 42?'], { timeout: 20_000 });
  await expect(error).toHaveCount(0);
  await expect(row.getByTestId('unread-badge')).toHaveCount(0);
  // What loaded late was there all along: not announced as news.
  await expect(page.getByTestId('thread-announcer')).toHaveText('');
});

test('a chat whose messages the server failed to give (HTTP 503) loads by itself while on screen, and is read only then', async ({
  page,
  apps,
}) => {
  const { sim, conversationId } = await onlineWithThread(page, apps, 'Marta', [
    { at: minutesAgo(3), from: 'customer', text: 'Bom dia' },
    { at: minutesAgo(2), from: 'customer', text: 'Chegou meu pedido?' },
  ]);
  const row = page.getByTestId('conversation-row').filter({ hasText: 'Marta' });
  await expect(row.getByTestId('unread-badge')).toHaveText('2');

  await simPost(sim, '/sim/fail', {
    method: 'GET',
    path: `/conversations/${conversationId}/messages`,
    status: 503,
    error: 'Manutenção',
    times: 1,
  });
  await row.click();
  const error = page.getByTestId('thread-error');
  await expect(error).toContainText('Could not load the messages.');
  await expect(row.getByTestId('unread-badge')).toHaveText('2');

  // Still online, nobody presses Try again: it loads, the error goes, the chat is read.
  const log = page.getByRole('log', { name: 'Messages' });
  await expect(log.getByTestId('message-text')).toHaveText(['Bom dia', 'Chegou meu pedido?'], { timeout: 15_000 });
  await expect(error).toHaveCount(0);
  await expect(row.getByTestId('unread-badge')).toHaveCount(0);
});

test('an older page that failed to load is fetched again by itself (it is not lost by opening the thread again)', async ({
  page,
  apps,
}) => {
  const { sim, conversationId, log } = await openLongThread(page, apps, 'Otto', 400, 'linha');

  await simPost(sim, '/sim/fail', {
    method: 'GET',
    path: `/conversations/${conversationId}/messages`,
    status: 503,
    error: 'Manutenção',
    times: 1,
  });
  // Read back to the top by keyboard until an older page must come from the server: refused once.
  const error = page.getByTestId('thread-error');
  const refused = async () =>
    ((await (await fetch(`${sim.url}/sim/state`)).json()) as { pendingFailures: unknown[] }).pendingFailures.length ===
    0;
  await log.hover();
  for (let i = 0; i < 40 && !(await refused()); i++) {
    await page.mouse.wheel(0, -1500);
    await page.waitForTimeout(150);
  }
  await expect(error).toContainText('Manutenção');
  const oldestShown = async () =>
    Math.min(...(await log.getByTestId('message-text').allTextContents()).map((t) => Number(t.replace('linha ', ''))));
  const before = await oldestShown();
  // Nobody scrolls or presses Try again: the older page comes, and the error goes.
  await expect.poll(oldestShown, { timeout: 15_000 }).toBeLessThan(before);
  await expect(error).toHaveCount(0);
});

test('reading back through a long chat keeps the reader’s place as older pages come in, and keeps loading', async ({
  page,
  apps,
}) => {
  const { log } = await openLongThread(page, apps, 'Rui', 250, 'msg');
  const shown = (n: number) => log.getByTestId('message-text').filter({ hasText: new RegExp(`^msg ${n}$`) });
  const oldestRendered = async () =>
    Math.min(...(await log.getByTestId('message-text').allTextContents()).map((t) => Number(t.replace('msg ', ''))));

  // Opening loads the newest 50 (msg 201 to 250). Up with the wheel until the next page is in.
  await log.hover();
  for (let i = 0; i < 60 && (await oldestRendered()) >= 201; i++) {
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(100);
  }
  // It came in above: msg 201, at the top a moment ago, is still in view (not 50 messages further down).
  await expect(shown(201)).toBeInViewport();
  // And the wheel keeps going back, page after page, to the very first message.
  for (let i = 0; i < 200 && (await shown(1).count()) === 0; i++) {
    await page.mouse.wheel(0, -1200);
    await page.waitForTimeout(50);
  }
  await expect(shown(1)).toBeAttached();
});

/** A chat of `count` messages ("msg 1" … "msg N", one side then the other), opened at its newest. */
/** A simulator with this one chat, and the window online against it. */
async function onlineWithThread(page: Page, apps: Apps, name: string, messages: Parameters<typeof seedThread>[3]) {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const conversationId = seedThread(sim, A.organizationId, name, messages);
  const host = await apps.hostFor(sim, A);
  await waitUntilOnline(page, host.url, sim);
  return { sim, conversationId };
}

async function openLongThread(page: Page, apps: Apps, name: string, count: number, word: string) {
  const { sim, conversationId } = await onlineWithThread(
    page,
    apps,
    name,
    Array.from({ length: count }, (_, i) => ({
      at: minutesAgo(count + 100 - i),
      from: i % 2 === 0 ? ('customer' as const) : ('staff' as const),
      text: `${word} ${i + 1}`,
    })),
  );
  await openConversation(page, name);
  const log = page.getByRole('log', { name: 'Messages' });
  await expect(log.getByTestId('message-text').filter({ hasText: new RegExp(`^${word} ${count}$`) })).toBeVisible();
  return { sim, conversationId, log };
}

test('messages that arrive in the open chat while the window is in the background get the unread divider above them', async ({
  page,
  apps,
}) => {
  const { sim, conversationId } = await onlineWithThread(page, apps, 'Yara', [
    { at: minutesAgo(9), from: 'customer', text: 'Oi' },
    { at: minutesAgo(8), from: 'staff', text: 'Olá! Como posso ajudar?' },
  ]);
  const thread = await openConversation(page, 'Yara');
  const divider = thread.getByTestId('unread-divider');
  await expect(divider).toHaveCount(0);
  // Read while looking: no divider.
  sim.injectMessage({ conversationId, content: 'Vocês entregam?' });
  const text = (content: string) => thread.getByTestId('message-text').filter({ hasText: content });
  await expect(text('Vocês entregam?')).toBeVisible();
  await expect(divider).toHaveCount(0);

  await lookAway(page);
  sim.injectMessage({ conversationId, content: 'No bairro Centro' });
  sim.injectMessage({ conversationId, content: 'Hoje ainda?' });
  await expect(row(page, 'Yara').getByTestId('unread-badge')).toHaveText('2');
  await setWindowFocus(page, true);
  await expect(row(page, 'Yara').getByTestId('unread-badge')).toHaveCount(0);
  await expect(divider).toHaveText('2 unread messages');
  const y = async (locator: typeof divider) => (await locator.boundingBox())?.y ?? NaN;
  expect(await y(divider)).toBeGreaterThan(await y(text('Vocês entregam?')));
  expect(await y(divider)).toBeLessThan(await y(text('No bairro Centro')));
});

test('a chat with more unread than one page opens where they begin, and what came before is still reachable', async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const read = Array.from({ length: 100 }, (_, i) => ({
    at: minutesAgo(400 - i),
    from: i % 2 === 0 ? ('customer' as const) : ('staff' as const),
    text: `Message ${i}: read`,
  }));
  // More than the 50 a thread opens with.
  const unread = Array.from({ length: 80 }, (_, i) => ({
    at: minutesAgo(200 - i),
    from: 'customer' as const,
    text: `Message ${100 + i}: unread`,
  }));
  seedThread(sim, A.organizationId, 'Bia', [...read, ...unread]);
  const host = await apps.hostFor(sim, A);
  await waitUntilOnline(page, host.url, sim);
  await expect(page.getByTestId('conversation-row').filter({ hasText: 'Bia' })).toContainText('80');
  const thread = await openConversation(page, 'Bia');

  const divider = thread.getByTestId('unread-divider');
  await expect(divider).toHaveText('80 unread messages');
  await expect(divider).toBeInViewport();
  // Right under the divider, the first of the 80, not the first of the page the chat opened with.
  const firstUnread = thread.getByTestId('message').filter({ hasText: 'Message 100:' });
  await expect(firstUnread).toBeInViewport();
  const [dividerBox, firstBox] = await Promise.all([divider.boundingBox(), firstUnread.boundingBox()]);
  expect(firstBox?.y).toBeGreaterThan(dividerBox?.y ?? Infinity);
  await expect(thread.getByTestId('message').filter({ hasText: 'Message 99:' })).toHaveCount(1);

  // Reading back from there reaches the chat's very first message.
  const list = thread.getByTestId('message-list');
  const first = thread.getByTestId('message').filter({ hasText: 'Message 0:' });
  await expect(async () => {
    await list.evaluate((el) => {
      el.scrollTop = 0;
    });
    await expect(first).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});
