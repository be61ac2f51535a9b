/**
 * Burst (issue 13, benchmark 3): 10,000 messages over 1,000 conversations as fast as the
 * simulator can emit them, through the browser host and Debian Chromium. Measures how
 * long after the last emit the window's unread badge and the tab title are right, the
 * longest task on the renderer's main thread meanwhile, how many notifications were
 * raised, host memory (RSS) and renderer heap before and after, and that none was lost.
 * Prints a table and writes bench/results/burst-<timestamp>.json. Numbers, not verdicts.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { openInChromium, startBenchSimulator } from './browser-app';
import { report } from './report';

const MESSAGES = 10_000;
const CONVERSATIONS = 1_000;

/** Runs in the page: when the badge and the title first show the full count; the longest task. */
const RECORDER = (total: number) => `(() => {
  const w = window;
  w.__burst = { badgeAt: null, titleAt: null, longestTask: 0, longTasks: 0 };
  const now = () => performance.timeOrigin + performance.now();
  const check = () => {
    const badge = document.querySelector('[data-testid="total-unread"]');
    if (w.__burst.badgeAt === null && badge && badge.getAttribute('data-count') === '${total}') w.__burst.badgeAt = now();
    if (w.__burst.titleAt === null && document.title.startsWith('(${total})')) w.__burst.titleAt = now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      w.__burst.longTasks += 1;
      w.__burst.longestTask = Math.max(w.__burst.longestTask, entry.duration);
    }
  }).observe({ type: 'longtask' });
})()`;

const rssMb = (pid: number | undefined) => {
  if (pid === undefined) return Number.NaN;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Math.round(Number(match[1]) / 102.4) / 10 : Number.NaN;
};
const round = (ms: number | null) => (ms === null ? Number.NaN : Math.round(ms));

async function main() {
  const sim = await startBenchSimulator();
  const app = await openInChromium(sim);
  const { page, host } = app;
  try {
    const cdp = await page.context().newCDPSession(page);
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return Math.round(usedSize / 1024 / 102.4) / 10;
    };
    await page.goto(host.url);
    await page.getByTestId('total-unread').waitFor({ state: 'attached' });
    await sleep(1_000); // start-up work (sync, snapshot) settles
    const before = { rss: rssMb(host.pid), heap: await heapMb() };
    await page.evaluate(RECORDER(MESSAGES));

    const started = performance.timeOrigin + performance.now();
    const res = await fetch(`${sim.url}/sim/burst`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: MESSAGES, conversations: CONVERSATIONS }),
    });
    if (res.status !== 202) throw new Error(`the burst was refused: ${res.status} ${await res.text()}`);
    await page
      .waitForFunction(
        () => {
          const b = (window as unknown as { __burst: { badgeAt: number | null; titleAt: number | null } }).__burst;
          return b.badgeAt !== null && b.titleAt !== null;
        },
        undefined,
        { timeout: 120_000, polling: 100 },
      )
      .catch(() => undefined);
    const lastEmit = sim.emitted.filter((e) => e.event === 'whatsapp:message').at(-1);
    const lastEmitAt = lastEmit ? Date.parse(lastEmit.at) : Number.NaN;
    const seen = (await page.evaluate('window.__burst')) as {
      badgeAt: number | null;
      titleAt: number | null;
      longestTask: number;
      longTasks: number;
    };
    await sleep(6_000); // past the notification coalescing's trailing window
    const state = await host.hostState();
    const after = { rss: rssMb(host.pid), heap: await heapMb() };
    report('burst', {
      'burst: messages / conversations': `${MESSAGES} / ${CONVERSATIONS}`,
      'burst: emit duration (ms)': round(lastEmitAt - started),
      'burst: badge right, after the last emit (ms)': round(seen.badgeAt === null ? null : seen.badgeAt - lastEmitAt),
      'burst: tab title right, after the last emit (ms)': round(
        seen.titleAt === null ? null : seen.titleAt - lastEmitAt,
      ),
      'burst: longest renderer task (ms; 0 = none over 50)': round(seen.longestTask),
      'burst: renderer tasks over 50 ms': seen.longTasks,
      'burst: notifications raised': state.notifications.length,
      'burst: unread in the host at the end (lost = messages − this)': state.badgeCount,
      'burst: host RSS before → after (MB)': `${before.rss} → ${after.rss}`,
      'burst: renderer heap before → after (MB)': `${before.heap} → ${after.heap}`,
    });
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
