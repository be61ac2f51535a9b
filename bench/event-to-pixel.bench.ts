/**
 * Event → pixel (issue 13, benchmark 2): how long after the backend emits a message its
 * text first shows in the page, through the browser host and Debian Chromium. The
 * simulator emits 200 messages at 10/s; the page records, with a MutationObserver, when
 * each message's text first appears; both sides read the same machine clock
 * (performance.timeOrigin + performance.now()). Prints p50/p99 and writes
 * bench/results/event-to-pixel-<timestamp>.json. Numbers, not verdicts.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConversation } from '../src/simulator/simulator';
import { BENCH_ORGANIZATION, openInChromium, startBenchSimulator } from './browser-app';
import { report } from './report';

const MESSAGES = 200;
const INTERVAL_MS = 100;
const CONVERSATIONS = 20;
/** Bracketed, so a number in the row next to it (the unread badge) cannot run into it. */
const probe = (i: number) => `[probe ${i}]`;

const epochNow = () => performance.timeOrigin + performance.now();

/** Runs in the page: notes the first moment each probe's text is in the DOM. */
const RECORDER = `(() => {
  window.__seen = {};
  const scan = (text) => {
    if (!text || !text.includes('[probe ')) return;
    const at = performance.timeOrigin + performance.now();
    for (const match of text.matchAll(/\\[probe (\\d+)\\]/g)) {
      if (window.__seen[match[1]] === undefined) window.__seen[match[1]] = at;
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') scan(record.target.data);
      for (const node of record.addedNodes) scan(node.textContent);
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

function percentile(sorted: number[], q: number): number {
  const value = sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return Math.round(value * 10) / 10;
}

async function main() {
  const sim = await startBenchSimulator();
  const ids = Array.from({ length: CONVERSATIONS }, (_, i) => {
    const conversation = createConversation(sim.state, BENCH_ORGANIZATION, { name: `Cliente ${i}` }, new Date());
    conversation.lastMessageAt = new Date(Date.now() - 60_000 + i).toISOString();
    conversation.lastMessagePreview = `Mensagem ${i}`;
    return conversation.id;
  });
  const app = await openInChromium(sim);
  try {
    const { page } = app;
    await page.goto(app.url);
    await page.getByTestId('conversation-row').first().waitFor();
    await page.evaluate(RECORDER);
    await sleep(500); // let start-up work (sync, snapshot) settle

    const emittedAt: number[] = [];
    const start = epochNow();
    for (let i = 0; i < MESSAGES; i++) {
      // Paced against the start, so a slow turn does not stretch the whole run.
      const due = start + i * INTERVAL_MS;
      if (due > epochNow()) await sleep(due - epochNow());
      emittedAt[i] = epochNow();
      sim.injectMessage({
        organizationId: BENCH_ORGANIZATION,
        conversationId: ids[i % CONVERSATIONS],
        content: probe(i),
      });
    }
    await page
      .waitForFunction((n) => Object.keys((window as unknown as { __seen: object }).__seen).length >= n, MESSAGES, {
        timeout: 10_000,
      })
      .catch(() => undefined);
    const seen = (await page.evaluate('window.__seen')) as Record<string, number>;
    const latencies = emittedAt.flatMap((at, i) => (seen[i] === undefined ? [] : [seen[i] - at]));
    const sorted = [...latencies].sort((a, b) => a - b);
    const results = {
      'event → pixel: messages': MESSAGES,
      'event → pixel: rate (/s)': 1000 / INTERVAL_MS,
      'event → pixel: seen': latencies.length,
      'event → pixel: p50 (ms)': percentile(sorted, 0.5),
      'event → pixel: p99 (ms)': percentile(sorted, 0.99),
      'event → pixel: min (ms)': percentile(sorted, 0),
      'event → pixel: max (ms)': percentile(sorted, 1),
    };
    report('event-to-pixel', results);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
