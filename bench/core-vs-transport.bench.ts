/**
 * Core vs transport (issue 13, benchmark 1), plain Node over loopback: the simulator
 * emits 50,000 `whatsapp:message` events over 1,000 conversations to
 *   A. a bare socket.io client that only counts them (the transport's own limit), and
 *   B. the full core (schema → inbox → notification policy → badge → bridge pushes,
 *      JSON-encoded as the bridge does, into a sink that counts the pushed messages), with
 *      its connection on a thread of its own, started as the browser host starts it.
 * A and B alternate over seven repetitions in one run; prints events/s of each, the ratio
 * of their times B/A, and the ratios of the main thread's CPU time (steadier when something
 * else shares the cores) and of the whole process's (the connection's thread included: work
 * moved off the main thread is still work), and writes bench/results/core-vs-transport-<timestamp>.json.
 * Numbers, not verdicts.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { io } from 'socket.io-client';
import { threadedConnections } from '../src/core/connection-thread/threaded-connection';
import { startHostRuntime } from '../src/core/host-runtime';
import { openConfStateFile } from '../src/core/persistence/state-file';
import { systemClock, type Logger } from '../src/core/ports';
import { CLIENT_EVENT_JOIN_ORGANIZATION, type WhatsAppMessageEvent } from '../src/shared/events';
import { connectionWorkerFromSource } from '../src/host-web/connection-worker-from-source';
import { startDemoBackend } from '../src/simulator/demo-backend';
import { createConversation, startSimulator, type Simulator } from '../src/simulator/simulator';
import { report } from './report';

const EVENTS = 50_000;
const CONVERSATIONS = 1_000;
const REPETITIONS = 7;
/** Emitted per event-loop turn, so the simulator's socket keeps flushing. */
const BATCH = 500;
const ORG = 'org-bench';
const TOKEN = 'bench';
const GIVE_UP_MS = 180_000;

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

const processCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const THREAD_STAT = `/proc/self/task/${process.pid}/stat`;
/** CPU time of this process's main thread (Linux); elsewhere the whole process's. */
function mainThreadCpuMs(): number {
  if (!existsSync(THREAD_STAT)) return processCpuMs();
  // utime and stime, in clock ticks of 10 ms, after the command name.
  const fields = readFileSync(THREAD_STAT, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

let round = 0;
/** Main-thread and whole-process CPU milliseconds of each `emitAll`, in order. */
const cpuTimes: number[] = [];
const processCpuTimes: number[] = [];
/** Emits the events, resolving with the milliseconds until `done()` says all arrived. */
async function emitAll(sim: Simulator, conversationIds: string[], done: () => boolean): Promise<number> {
  round += 1;
  const cpuAtStart = mainThreadCpuMs();
  const processCpuAtStart = processCpuMs();
  const base = Date.parse('2026-11-01T00:00:00Z') + round * EVENTS;
  const start = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    const conversationId = conversationIds[i % conversationIds.length] ?? '';
    const event: WhatsAppMessageEvent = {
      conversationId,
      contactId: `contact-of-${conversationId}`,
      message: {
        id: `r${round}-m${i}`,
        content: `bench message ${i}`,
        contentType: 'text',
        direction: 'incoming',
        timestamp: new Date(base + i).toISOString(),
      },
    };
    sim.emitRaw('whatsapp:message', event, ORG);
    if (i % BATCH === BATCH - 1) await new Promise((r) => setImmediate(r));
  }
  while (!done()) {
    if (performance.now() - start > GIVE_UP_MS) throw new Error('gave up waiting for the events to arrive');
    await sleep(1);
  }
  cpuTimes.push(mainThreadCpuMs() - cpuAtStart);
  processCpuTimes.push(processCpuMs() - processCpuAtStart);
  return performance.now() - start;
}

async function waitForJoined(sim: Simulator, count: number) {
  for (;;) {
    const state = (await (await fetch(`${sim.url}/sim/state`)).json()) as {
      organizations: Array<{ id: string; sockets: { joined: number } }>;
    };
    if ((state.organizations.find((o) => o.id === ORG)?.sockets.joined ?? 0) >= count) return;
    await sleep(20);
  }
}

async function runTransport(sim: Simulator, ids: string[]): Promise<number> {
  const socket = io(sim.url, { auth: { token: TOKEN }, transports: ['websocket'] });
  let count = 0;
  socket.on('whatsapp:message', () => (count += 1));
  socket.on('connect', () => socket.emit(CLIENT_EVENT_JOIN_ORGANIZATION, ORG));
  await waitForJoined(sim, 1);
  try {
    return await emitAll(sim, ids, () => count >= EVENTS);
  } finally {
    socket.disconnect();
  }
}

async function runCore(sim: Simulator, ids: string[]): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'auzap-bench-'));
  const runtime = await startHostRuntime({
    env: { serverUrl: sim.url, token: TOKEN, organizationId: ORG },
    version: 'bench',
    logger: quiet,
    clock: systemClock,
    tray: { update: () => undefined },
    notifier: { notify: () => undefined },
    stateFile: openConfStateFile(dataDir, quiet),
    startDemoBackend,
    connect: threadedConnections(connectionWorkerFromSource),
  });
  let unread = 0;
  runtime.onPush((push) => {
    // What the bridge does with every push before it leaves the host.
    JSON.stringify(push);
    // Messages go to the window only for a thread on screen; every one counts as unread.
    if (push.channel === 'app:snapshot' || push.channel === 'app:snapshot-patch') {
      unread = push.payload.inbox?.totalUnread ?? unread;
    }
  });
  try {
    await waitForJoined(sim, 1);
    // The first sync has loaded the 1,000 conversations: no event starts a fetch.
    for (;;) {
      const list = await runtime.dispatch('inbox:get-conversations', []);
      if (list.ok && (list.value as unknown[]).length >= CONVERSATIONS) break;
      await sleep(20);
    }
    return await emitAll(sim, ids, () => unread >= EVENTS);
  } finally {
    await runtime.shutdown();
  }
}

async function main() {
  const sim = await startSimulator({ accounts: [{ token: TOKEN, organizationId: ORG }], seedDemoData: false });
  const ids = Array.from({ length: CONVERSATIONS }, (_, i) => {
    const conversation = createConversation(sim.state, ORG, { name: `Cliente ${i}` }, new Date());
    conversation.lastMessageAt = new Date(Date.parse('2026-10-01T00:00:00Z') + i).toISOString();
    conversation.lastMessagePreview = `Mensagem ${i}`;
    return conversation.id;
  });
  const transport: number[] = [];
  const core: number[] = [];
  try {
    for (let rep = 0; rep < REPETITIONS; rep++) {
      transport.push(await runTransport(sim, ids));
      core.push(await runCore(sim, ids));
      console.log(
        `repetition ${rep + 1}: A ${Math.round(transport.at(-1) ?? 0)} ms, B ${Math.round(core.at(-1) ?? 0)} ms`,
      );
    }
  } finally {
    await sim.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const rate = (ms: number) => Math.round((EVENTS / ms) * 1000);
  // A and B alternate, A first.
  const cpuA = cpuTimes.filter((_, i) => i % 2 === 0);
  const cpuB = cpuTimes.filter((_, i) => i % 2 === 1);
  const processCpuA = processCpuTimes.filter((_, i) => i % 2 === 0);
  const processCpuB = processCpuTimes.filter((_, i) => i % 2 === 1);
  report('core-vs-transport', {
    'core vs transport: events per run': EVENTS,
    'core vs transport: conversations': CONVERSATIONS,
    'core vs transport: repetitions (alternating)': REPETITIONS,
    'A transport only: events/s (median)': rate(median(transport)),
    'B full core: events/s (median)': rate(median(core)),
    'B/A time ratio (median)': Math.round((median(core) / median(transport)) * 100) / 100,
    'B/A main-thread CPU ratio (median)': Math.round((median(cpuB) / median(cpuA)) * 100) / 100,
    'B/A whole-process CPU ratio (median)': Math.round((median(processCpuB) / median(processCpuA)) * 100) / 100,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
