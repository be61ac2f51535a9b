/**
 * `npm run bench`: how the inbox copes with a big organization. Prints a table and
 * writes bench/results/inbox-<timestamp>.json. Numbers, not verdicts: tests never
 * assert on time.
 *
 * A. Core (plain Node): 10,000 conversations, a 2,000-message burst, sorting, saving.
 * B. Whole app (browser host + simulator + Debian Chromium): first paint of a 10,000-row
 *    list, frame times while scrolling it, and a 5,000-message thread.
 */
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { exportRecent } from '../src/core/inbox/inbox-snapshot';
import { createInboxStore } from '../src/core/inbox/inbox-store';
import type { ConversationDto } from '../src/shared/rest';
import { createConversation, storeIncomingMessages } from '../src/simulator/simulator';
import { BENCH_ORGANIZATION, openInChromium, startBenchSimulator } from './browser-app';
import { report } from './report';

const CONVERSATIONS = 10_000;
const THREAD_MESSAGES = 5_000;
const results: Record<string, number | string> = {};

function time<T>(label: string, fn: () => T): T {
  const start = performance.now();
  const value = fn();
  results[label] = Math.round((performance.now() - start) * 100) / 100;
  return value;
}

function benchCore() {
  const store = createInboxStore();
  const base = Date.parse('2026-11-01T00:00:00Z');
  const dtos: ConversationDto[] = Array.from({ length: CONVERSATIONS }, (_, i) => ({
    id: `c${i}`,
    contactId: `k${i}`,
    contactName: `Contact ${i}`,
    contactPhone: `55119${String(i).padStart(8, '0')}`,
    lastMessageAt: new Date(base + i * 60_000).toISOString(),
    lastMessagePreview: `Last message ${i}`,
    unreadCount: i % 3,
  }));
  time('core: merge 10,000 conversations (ms)', () => store.table.merge(dtos));
  time('core: sort 10,000 conversations (ms)', () => store.conversations());
  time('core: 2,000-message burst over 200 conversations (ms)', () => {
    for (let i = 0; i < 2_000; i += 1) {
      store.receiveIncoming(
        {
          conversationId: `c${i % 200}`,
          contactId: `k${i % 200}`,
          message: {
            id: `m${i}`,
            content: `burst ${i}`,
            contentType: 'text',
            direction: 'incoming',
            timestamp: new Date(base + 10_000 * 60_000 + i).toISOString(),
          },
        },
        { countUnread: true },
      );
    }
  });
  time('core: changes taken after the burst (ms)', () => store.takeChanges());
  time('core: re-sort after the burst (ms)', () => store.conversations());
  const saved = time('core: export recent inbox (ms)', () =>
    exportRecent(store, { conversationsWithMessages: 200, messagesPerConversation: 50 }),
  );
  results['core: saved state size (KiB)'] = Math.round(JSON.stringify(saved).length / 1024);
}

/** Frame durations while `action` runs, from requestAnimationFrame in the page. */
async function frameStats(page: Page, action: () => Promise<void>) {
  // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__on = true;
    window.__last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - window.__last);
      window.__last = t;
      if (window.__on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await action();
  const frames = (await page.evaluate(
    '(() => { window.__on = false; return window.__frames.slice(1); })()',
  )) as number[];
  const sorted = [...frames].sort((a, b) => a - b);
  const p = (q: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return { frames: frames.length, p50: p(0.5), p95: p(0.95), max: p(1) };
}

async function scrollThrough(page: Page, selector: string, direction: 'down' | 'up', steps: number) {
  for (let i = 0; i < steps; i += 1) {
    await page.evaluate(
      ({ selector, direction }) => {
        const el = document.querySelector(selector);
        if (el) el.scrollTop += direction === 'down' ? el.clientHeight : -el.clientHeight;
      },
      { selector, direction },
    );
    await page.waitForTimeout(16);
  }
}

async function benchApp() {
  const sim = await startBenchSimulator();
  const start = Date.parse('2026-11-01T00:00:00Z');
  time('app: seeding the simulator (ms)', () => {
    for (let i = 0; i < CONVERSATIONS; i += 1) {
      const conversation = createConversation(
        sim.state,
        BENCH_ORGANIZATION,
        { name: `Cliente ${i}` },
        new Date(start + i * 1000),
      );
      conversation.lastMessageAt = new Date(start + i * 1000).toISOString();
      conversation.lastMessagePreview = `Mensagem ${i}`;
    }
    const big = createConversation(sim.state, BENCH_ORGANIZATION, { name: 'Cliente Grande' }, new Date(start));
    storeIncomingMessages(
      sim.state,
      {
        organizationId: BENCH_ORGANIZATION,
        conversationId: big.id,
        content: 'Uma mensagem de teste',
        count: THREAD_MESSAGES,
      },
      new Date(start + CONVERSATIONS * 1000),
    );
  });
  const app = await openInChromium(sim);
  try {
    const { page } = app;
    let t = performance.now();
    await page.goto(app.url);
    await page.getByTestId('conversation-row').first().waitFor();
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="total-unread"]') !== null && n > 0,
      CONVERSATIONS,
    );
    await page.waitForFunction(() => {
      const list = document.querySelector('[data-testid="conversation-list"] ul');
      return list !== null && list.getBoundingClientRect().height > 64 * 9_000;
    });
    results['app: load to 10,000-row list (ms)'] = Math.round(performance.now() - t);
    results['app: list rows in the DOM'] = await page.getByTestId('conversation-row').count();

    const list = await frameStats(page, () => scrollThrough(page, '[data-testid="conversation-list"]', 'down', 60));
    results['app: list scroll frames'] = list.frames;
    results['app: list scroll frame p50 (ms)'] = list.p50;
    results['app: list scroll frame p95 (ms)'] = list.p95;

    await page.getByRole('searchbox', { name: 'Search conversations' }).fill('Cliente Grande');
    t = performance.now();
    await page.getByTestId('conversation-row').filter({ hasText: 'Cliente Grande' }).click();
    // The thread loads its newest page first; older pages come as the user scrolls up.
    await page.getByTestId('message').first().waitFor();
    results['app: open big thread (ms)'] = Math.round(performance.now() - t);
    const thread = await frameStats(page, () => scrollThrough(page, '[data-testid="message-list"]', 'up', 60));
    results['app: thread scroll frame p50 (ms)'] = thread.p50;
    results['app: thread scroll frame p95 (ms)'] = thread.p95;
    results['app: thread height after scrolling up (px)'] = await page.evaluate(
      'Math.round(document.querySelector(\'[data-testid="message-list"] .thread__rows\')?.getBoundingClientRect().height ?? 0)',
    );
    results['app: message bubbles in the DOM'] = await page.getByTestId('message').count();
  } finally {
    await app.close();
  }
}

async function main() {
  benchCore();
  if (process.argv.includes('--core-only')) {
    report('inbox', results);
    return;
  }
  await benchApp();
  report('inbox', results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
