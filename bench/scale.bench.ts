/**
 * Scale (issue 13, benchmark 4): a saved inbox of 10,000 conversations × 20 messages
 * (bench/scale-seed.ts), through the browser host and Debian Chromium. Measures start →
 * first rendered list (from the page's start, and from the moment the list reaches the
 * page), the longest main-thread task while scrolling the list end to end and while
 * reading a 5,000-message thread from its newest message to its first and back, and the
 * renderer heap. Prints a table and writes bench/results/scale-<timestamp>.json.
 * Numbers, not verdicts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { openInChromium, startBenchSimulator } from './browser-app';
import { report } from './report';
import { BIG_THREAD_NAME, SCALE, seedSimulator, writeSavedInbox } from './scale-seed';

/** Bridge frames at least this long are the list (10,000 rows are megabytes; pushes are small). */
const LIST_FRAME_CHARS = 200_000;

/**
 * Runs in the page before anything else: when the first big bridge frame (the list)
 * arrives, when the first row is in the DOM, and the longest task since `__scale.reset()`.
 */
const RECORDER = `(() => {
  const s = (window.__scale = { listAt: null, listFrames: 0, firstRowAt: null, longestTask: 0, longTasks: 0 });
  s.reset = () => { s.longestTask = 0; s.longTasks = 0; };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      // Registered before the bridge's own listener, so it notes the arrival, not the handling.
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string' || event.data.length < ${LIST_FRAME_CHARS}) return;
        s.listFrames += 1;
        if (s.listAt === null) s.listAt = performance.now();
      });
    }
  };
  new MutationObserver(() => {
    if (s.firstRowAt === null && document.querySelector('[data-testid="conversation-row"]')) s.firstRowAt = performance.now();
  }).observe(document, { subtree: true, childList: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      s.longTasks += 1;
      s.longestTask = Math.max(s.longestTask, entry.duration);
    }
  }).observe({ type: 'longtask' });
})()`;

interface Recorded {
  listAt: number | null;
  listFrames: number;
  firstRowAt: number | null;
  longestTask: number;
  longTasks: number;
}
const recorded = (page: Page) => page.evaluate('window.__scale') as Promise<Recorded>;
const resetTasks = (page: Page) => page.evaluate('window.__scale.reset()');
const round = (ms: number | null) => (ms === null ? Number.NaN : Math.round(ms));

/**
 * Scrolls `selector` one screen per frame until it reaches its end (or `maxFrames`);
 * returns the frames it took. A string, so the bundler's helpers stay out of the page.
 */
async function scrollToEnd(page: Page, selector: string, direction: 'down' | 'up', maxFrames: number) {
  const step = direction === 'down' ? 'el.clientHeight' : '-el.clientHeight';
  const atEnd = direction === 'down' ? 'el.scrollTop + el.clientHeight >= el.scrollHeight - 1' : 'el.scrollTop <= 0';
  return (await page.evaluate(`(async () => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) return 0;
    let frames = 0;
    while (frames < ${maxFrames} && !(${atEnd})) {
      el.scrollTop += ${step};
      frames += 1;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return frames;
  })()`)) as number;
}

/** Scrolls the open thread to its top until no older page comes (all 5,000 messages read). */
async function readWholeThread(page: Page): Promise<number> {
  const list = '[data-testid="message-list"]';
  let lastHeight = -1;
  let stillFor = 0;
  const started = performance.now();
  while (stillFor < 8 && performance.now() - started < 180_000) {
    // A reader at the top nudges down and up again: the older page loads on scrolling near the top.
    await page.evaluate(`document.querySelector('${list}').scrollTop = 200`);
    await scrollToEnd(page, list, 'up', 200);
    await page.waitForTimeout(250);
    const height = await page.evaluate(`document.querySelector('${list}').scrollHeight`);
    stillFor = height === lastHeight ? stillFor + 1 : 0;
    lastHeight = height as number;
  }
  return Math.round(performance.now() - started);
}

async function main() {
  const results: Record<string, number | string> = {};
  const sim = await startBenchSimulator();
  const dataDir = mkdtempSync(join(tmpdir(), 'auzap-scale-'));
  let t = performance.now();
  seedSimulator(sim);
  writeSavedInbox(sim, dataDir);
  results['scale: conversations × messages (+ one thread of)'] =
    `${SCALE.conversations} × ${SCALE.messagesEach} (+ ${SCALE.bigThread})`;
  results['scale: seeding simulator + saved inbox (ms)'] = Math.round(performance.now() - t);
  const app = await openInChromium(sim, { AUZAP_DATA_DIR: dataDir });
  try {
    const { page } = app;
    const cdp = await page.context().newCDPSession(page);
    await page.addInitScript(RECORDER);
    await page.goto(app.url);
    await page.getByTestId('conversation-row').first().waitFor({ timeout: 60_000 });
    const start = await recorded(page);
    results['scale: page start → first rendered list (ms)'] = round(start.firstRowAt);
    results['scale: list arrives → first rendered list (ms)'] =
      start.listAt === null || start.firstRowAt === null ? Number.NaN : round(start.firstRowAt - start.listAt);
    results['scale: longest task during start (ms)'] = round(start.longestTask);
    await page.waitForFunction(
      (n) => (document.querySelector('[data-testid="conversation-list"] ul')?.getBoundingClientRect().height ?? 0) >= n,
      64 * (SCALE.conversations - 1),
      { timeout: 60_000 },
    );
    await page.waitForTimeout(1_000); // the sync after start settles
    results['scale: whole-list frames received by the window'] = (await recorded(page)).listFrames;

    await resetTasks(page);
    t = performance.now();
    const down = await scrollToEnd(page, '[data-testid="conversation-list"]', 'down', 5_000);
    const up = await scrollToEnd(page, '[data-testid="conversation-list"]', 'up', 5_000);
    const listScroll = await recorded(page);
    results['scale: list scrolled end to end and back (frames / ms)'] =
      `${down + up} / ${Math.round(performance.now() - t)}`;
    results['scale: list scroll, longest task (ms; 0 = none over 50)'] = round(listScroll.longestTask);
    results['scale: list scroll, tasks over 50 ms'] = listScroll.longTasks;

    await page.getByRole('searchbox', { name: 'Search conversations' }).fill(BIG_THREAD_NAME);
    await page.getByTestId('conversation-row').filter({ hasText: BIG_THREAD_NAME }).click();
    await page.getByTestId('message').first().waitFor();
    await resetTasks(page);
    results['scale: thread read to its first message (ms)'] = await readWholeThread(page);
    const back = await scrollToEnd(page, '[data-testid="message-list"]', 'down', 10_000);
    const thread = await recorded(page);
    results['scale: thread scrolled back to the newest (frames)'] = back;
    results['scale: thread, longest task (ms; 0 = none over 50)'] = round(thread.longestTask);
    results['scale: thread, tasks over 50 ms'] = thread.longTasks;
    results['scale: thread height once read (px)'] = await page.evaluate(
      `Math.round(document.querySelector('[data-testid="message-list"] .thread__rows')?.getBoundingClientRect().height ?? 0)`,
    );

    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    results['scale: renderer heap after GC (MB)'] = Math.round(usedSize / 1024 / 102.4) / 10;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  report('scale', results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
