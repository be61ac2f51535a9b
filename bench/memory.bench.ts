/**
 * `npm run bench:memory`: does the host's memory stay bounded over weeks of uptime?
 *
 * The core runs here exactly as a host runs it (real Socket.IO connection, REST, the
 * inbox), against the simulator in a child process (so the server's own copy of
 * 100,000 messages is not counted). 100,000 messages arrive over 2,000 conversations;
 * the heap (after a full GC) and RSS are read at 0, 50,000 and 100,000 messages.
 * Target (issue 9): from 50,000 to 100,000 messages the host grows by ≤ 25 MB.
 *
 * For scale, the same 100,000 messages are also fed to a bare store without the bound,
 * which is what the host did before. Prints a table; writes bench/results/memory-*.json.
 * Numbers, not verdicts: tests assert the bound structurally (test/unit/inbox-memory).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createAppCore } from '../src/core/app-core';
import { createInboxStore } from '../src/core/inbox/inbox-store';
import { systemClock } from '../src/core/ports';
import { report } from './report';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ACCOUNT = { token: 'bench', organizationId: 'org-bench' };
const CONVERSATIONS = 2_000;
const HALF = 50_000;
const root = resolve(import.meta.dirname, '..');
const results: Record<string, number | string> = {};
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function measure(label: string) {
  gc();
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  results[`${label}: heap after GC (MB)`] = mb(heapUsed);
  results[`${label}: RSS (MB)`] = mb(rss);
  return { heapUsed, rss };
}

async function startSimulatorProcess(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/simulator/cli.ts',
      '--port',
      '0',
      '--account',
      `${ACCOUNT.token}:${ACCOUNT.organizationId}`,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) done(match[1]);
    });
    child.once('exit', (code) => fail(new Error(`simulator exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function post(url: string, body: unknown) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
}

async function until(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  progress: () => string = () => '',
  timeoutMs = 600_000,
) {
  const deadline = Date.now() + timeoutMs;
  let reported = Date.now();
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (${progress()})`);
    if (Date.now() - reported > 10_000) {
      reported = Date.now();
      console.log(`  … ${what}: ${progress()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function benchHost() {
  const sim = await startSimulatorProcess();
  const core = createAppCore({
    plan: { kind: 'server', target: { serverUrl: sim.url, ...ACCOUNT } },
    demo: false,
    version: 'bench',
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    clock: systemClock,
    tray: { update: () => undefined },
    notifier: { notify: () => undefined },
  });
  // Like a renderer: pushes are delivered somewhere (and dropped).
  core.onPush(() => undefined);
  try {
    core.start();
    await until(() => core.snapshot().connection.status === 'online', 'online');
    await core.dispatch('ui:view-changed', [{ focused: false, visible: true, conversationId: null }]);
    await until(() => !core.snapshot().inbox.syncing, 'first sync');
    await new Promise((r) => setTimeout(r, 500));
    // The simulator's seeded chats come with a few unread messages of their own.
    const seeded = core.snapshot().inbox.totalUnread;
    const start = measure('host, 0 messages');
    let lastStatus = core.snapshot().connection.status;
    let statusChanges = 0;
    core.onPush(() => {
      const status = core.snapshot().connection.status;
      if (status !== lastStatus) {
        statusChanges += 1;
        console.log(`  connection: ${lastStatus} → ${status}`);
        lastStatus = status;
      }
    });
    const burst = async (total: number) => {
      await post(`${sim.url}/sim/burst`, { messages: HALF, conversations: CONVERSATIONS });
      const inbox = () => core.snapshot().inbox;
      await until(
        async () => {
          if (inbox().totalUnread !== seeded + total || inbox().syncing) return false;
          // A busy simulator may drop a poll; that is not an answer.
          const state = await fetch(`${sim.url}/sim/state`)
            .then((res) => res.json() as Promise<{ burstsInFlight: number }>)
            .catch(() => null);
          return state?.burstsInFlight === 0;
        },
        `${total} messages (+${seeded} seeded)`,
        () =>
          `${inbox().totalUnread} unread, syncing: ${inbox().syncing}, ${inbox().conversationCount} conversations, ` +
          `connection ${core.snapshot().connection.status}, ${statusChanges} status changes`,
      );
      await new Promise((r) => setTimeout(r, 1_500)); // the debounced pushes and saves settle
    };
    await burst(HALF);
    const at50k = measure('host, 50,000 messages');
    await burst(2 * HALF);
    const at100k = measure('host, 100,000 messages');
    const stats = core.inboxStats();
    results['host: messages held at 100,000'] = stats.storedMessages;
    results['host: forgotten ids remembered'] = stats.rememberedIds;
    results['host: heap growth 0 → 50,000 (MB)'] = mb(at50k.heapUsed - start.heapUsed);
    results['host: heap growth 50,000 → 100,000 (MB)'] = mb(at100k.heapUsed - at50k.heapUsed);
    results['host: RSS growth 50,000 → 100,000 (MB)'] = mb(at100k.rss - at50k.rss);
  } finally {
    core.stop();
    sim.stop();
  }
}

/** The counterfactual: the same messages into a store that keeps everything. */
function benchUnboundedStore() {
  const base = Date.parse('2026-11-01T00:00:00Z');
  const store = createInboxStore({ tailMessages: Number.MAX_SAFE_INTEGER, openThreads: 5, rememberedIds: 0 });
  const feed = (from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      store.receiveIncoming(
        {
          conversationId: `conversation-${i % CONVERSATIONS}`,
          contactId: `contact-${i % CONVERSATIONS}`,
          message: {
            id: `3EB0${i.toString(16).padStart(18, '0').toUpperCase()}`,
            content: `Olá, gostaria de saber o preço do produto número ${i}`,
            contentType: 'text',
            direction: 'incoming',
            timestamp: new Date(base + i * 1_000).toISOString(),
          },
        },
        { countUnread: true },
      );
      if (i % 1_000 === 0) store.takeChanges();
    }
    store.takeChanges();
  };
  feed(0, HALF);
  const before = measure('unbounded store, 50,000 messages');
  feed(HALF, 2 * HALF);
  const after = measure('unbounded store, 100,000 messages');
  results['unbounded store: heap growth 50,000 → 100,000 (MB)'] = mb(after.heapUsed - before.heapUsed);
}

async function main() {
  await benchHost();
  benchUnboundedStore();
  report('memory', results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
