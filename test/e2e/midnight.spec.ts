/**
 * The app stays open past midnight (issue 12): a thread read at 23:5x says "Yesterday" for
 * those messages once the day has turned, the list's times become "Yesterday", and what is
 * left of a mute or a pause keeps counting down — without reopening anything.
 *
 * Midnight is brought near without touching the machine: the page and the host run in a
 * time zone where it is 23:xx right now, and Playwright's clock jumps the page past 00:00.
 * The page's clock starts at the real time, so the host (which sets when a pause ends) and
 * the page agree on what time it is until the jump.
 */
import type { Browser, Page } from '@playwright/test';
import { translator } from '../../src/shared/i18n/translate';
import { remainingWords } from '../../src/shared/quiet-time';
import { expect, test } from './support/fixtures';
import { waitUntilOnline } from './support/sim';
import { openConversation, seedThread } from './support/thread';

const A = { token: 'token-a', organizationId: 'org-a' };
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Whole-hour zones (Etc/GMT signs are reversed), and ones a half or three quarters off. */
const ZONES = [
  ...Array.from({ length: 27 }, (_, i) => 12 - i).map((h) => (h === 0 ? 'Etc/GMT' : `Etc/GMT${h > 0 ? '+' : ''}${h}`)),
  'Pacific/Marquesas',
  'America/St_Johns',
  'Asia/Tehran',
  'Asia/Kabul',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Yangon',
  'Australia/Eucla',
  'Australia/Darwin',
  'Pacific/Chatham',
];

/** Minutes from `at` to the next midnight in `zone`. */
function minutesToMidnight(zone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return 24 * 60 - (part('hour') * 60 + part('minute') + part('second') / 60);
}

/** The zone where midnight comes soonest, but not before the app is open and a thread read. */
function zoneNearMidnight(): string {
  const now = Date.now();
  const candidates = ZONES.map((zone) => ({ zone, left: minutesToMidnight(zone, now) })).filter((c) => c.left >= 4);
  candidates.sort((a, b) => a.left - b.left);
  const best = candidates[0];
  if (!best) throw new Error('no time zone is near midnight');
  return best.zone;
}

const pageNow = (page: Page) => page.evaluate(() => Date.now());

/**
 * What the page may say is left of a mute or pause set between `setFrom` and `setBy` (page
 * times) for `length`, read at a page time up to a minute before `now` (its clock ticks every
 * 30 s): the jump to midnight can take the time left past an hour's boundary on a slow run,
 * so the words are worked out, not assumed.
 */
function leftWords(setFrom: number, setBy: number, length: number, now: number): string[] {
  const { t } = translator('en');
  const step = 5_000;
  const words = new Set<string>();
  for (let setAt = setFrom; setAt <= setBy + step; setAt += step) {
    for (let readAt = now - MINUTE; readAt <= now; readAt += step) {
      words.add(remainingWords(Math.min(setAt, setBy) + length, readAt, t));
    }
  }
  return [...words];
}

/** The "… left" part of a mute's or pause's state. */
const leftPart = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').replace(/^.* — /, '');

async function pageIn(browser: Browser, timezoneId: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId, locale: 'en-US' });
  const page = await context.newPage();
  // Real time to start with: the host and the page agree until the page is sent past midnight.
  await page.clock.install();
  return page;
}

test('day labels, list times and time left turn over at midnight while the thread stays open', async ({
  browser,
  apps,
}) => {
  const zone = zoneNearMidnight();
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const now = Date.now();
  const earlier = new Date(now - 26 * 60 * MINUTE); // yesterday, 21:xx there
  seedThread(sim, A.organizationId, 'Maria', [
    { at: earlier, from: 'customer', text: 'the day before' },
    { at: new Date(now - 2 * MINUTE), from: 'customer', text: 'a moment ago' },
  ]);
  const host = await apps.hostFor(sim, A, { TZ: zone });
  const page = await pageIn(browser, zone);
  apps.defer(() => page.context().close());
  await waitUntilOnline(page, host.url, sim);

  const row = page.getByTestId('conversation-row').filter({ hasText: 'Maria' });
  await expect(row.locator('time')).toHaveText(/^\d{1,2}:\d\d( [AP]M)?$/);
  const thread = await openConversation(page, 'Maria');
  const separators = thread.getByTestId('day-separator');
  await expect(separators).toHaveText(['Yesterday', 'Today']);
  const muteFrom = await pageNow(page);
  await page.getByTestId('mute-for').selectOption('1w');
  await expect(page.getByTestId('mute-state')).toHaveText('Muted — 7 days left');
  const muteBy = await pageNow(page);
  const pauseFrom = await pageNow(page);
  await page.getByTestId('pause-notifications').selectOption('1h');
  await expect(page.getByTestId('pause-state')).toHaveText(/— 1 h left$/);
  const pauseBy = await pageNow(page);

  // The clock jumps to a minute past midnight there; nothing is clicked or reopened.
  const jump = Math.ceil(minutesToMidnight(zone, Date.now())) + 1;
  await page.clock.fastForward(jump * MINUTE);

  const weekday = earlier.toLocaleDateString('en-US', { weekday: 'long', timeZone: zone });
  await expect(separators).toHaveText([weekday, 'Yesterday']);
  await expect(row.locator('time')).toHaveText('Yesterday');
  // A week less the hour or so since it was set: "6 d 23 h left" on a quick run.
  const afterJump = await pageNow(page);
  await expect.poll(() => leftPart(page, 'mute-state')).toMatch(/^6 d \d+ h left$/);
  expect(leftWords(muteFrom, muteBy, 7 * DAY, afterJump)).toContain(await leftPart(page, 'mute-state'));
  expect(leftWords(pauseFrom, pauseBy, 60 * MINUTE, afterJump)).toContain(await leftPart(page, 'pause-state'));
});
