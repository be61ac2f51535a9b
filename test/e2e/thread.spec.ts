/**
 * Reading a thread (issue 12, "Threads"): days, where the unread part starts, the view
 * at the bottom, grouped messages, a reply box that grows, and what a screen reader says.
 */
import { expect, test } from './support/fixtures';
import { waitUntilOnline } from './support/sim';
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
