/**
 * Event → pixel (issue 13, benchmark 2): how long after the backend emits a message its
 * text first shows in the page, through the browser host and Debian Chromium. The
 * simulator emits 200 messages at 10/s; the page records, with a MutationObserver, when
 * each message's text first appears; both sides read the same machine clock
 * (performance.timeOrigin + performance.now()). Prints p50/p99 and writes
 * bench/results/event-to-pixel-<timestamp>.json. Numbers, not verdicts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';
import { createConversation, startSimulator } from '../src/simulator/simulator';
import { startHost } from '../test/e2e/support/hosts';

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
  const sim = await startSimulator({
    accounts: [{ token: 'bench', organizationId: 'org-bench' }],
    seedDemoData: false,
  });
  const ids = Array.from({ length: CONVERSATIONS }, (_, i) => {
    const conversation = createConversation(sim.state, 'org-bench', { name: `Cliente ${i}` }, new Date());
    conversation.lastMessageAt = new Date(Date.now() - 60_000 + i).toISOString();
    conversation.lastMessagePreview = `Mensagem ${i}`;
    return conversation.id;
  });
  const host = await startHost({ AUZAP_SERVER_URL: sim.url, AUZAP_TOKEN: 'bench', AUZAP_ORGANIZATION_ID: 'org-bench' });
  const browser = await chromium.launch({
    executablePath: process.env.AUZAP_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
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
      sim.injectMessage({ organizationId: 'org-bench', conversationId: ids[i % CONVERSATIONS], content: probe(i) });
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
    report(results);
  } finally {
    await browser.close();
    await host.stop();
    await sim.close();
  }
}

function report(results: Record<string, number>) {
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  for (const [key, value] of Object.entries(results)) console.log(`${key.padEnd(width)}  ${value}`);
  const dir = resolve(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `event-to-pixel-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version };
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2));
  console.log(`\nwritten to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
