/**
 * The app killed (SIGKILL: no shutdown, no last save) while it saves, again and again:
 * the saved state must always load, and nothing older than the save interval may be
 * missing from it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inboxScope, readPersistedState } from '../../src/core/persistence/persisted-state';
import {
  createConversation,
  startSimulator,
  storeIncomingMessages,
  type Simulator,
} from '../../src/simulator/simulator';
import { waitFor } from './support';

const A = { token: 'token-a', organizationId: 'org-a' };
const root = resolve(import.meta.dirname, '../..');
/** The saver's debounce (state-file.ts): at most this much is ever unsaved. */
const SAVE_INTERVAL_MS = 1_000;
/** Event delivery and the write itself, on a loaded machine. */
const SLACK_MS = 1_500;
/** Enough rows that a save takes a few milliseconds, so some kills land in the middle of one. */
const CONVERSATIONS = 1_500;

let sim: Simulator | null = null;
let child: ChildProcess | null = null;

afterEach(async () => {
  child?.kill('SIGKILL');
  child = null;
  await sim?.close();
  sim = null;
});

function startApp(dataDir: string) {
  const lines: string[] = [];
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/integration/fixtures/saving-core.ts', sim?.url ?? '', A.token, A.organizationId, dataDir],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let buffered = '';
  proc.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    lines.push(...complete);
  });
  proc.stderr?.on('data', (chunk: Buffer) => lines.push(`STDERR ${chunk.toString()}`));
  const exited = new Promise<void>((done) => proc.once('exit', () => done()));
  return { proc, lines, exited };
}

describe('SIGKILL during saves', () => {
  it('the state always loads and keeps everything older than the save interval', async () => {
    sim = await startSimulator({ accounts: [A], seedDemoData: false });
    // A big inbox, so a save takes long enough to be cut in the middle.
    const seededAt = Date.now() - 60_000;
    for (let i = 0; i < CONVERSATIONS; i += 1) {
      const conversation = createConversation(
        sim.state,
        A.organizationId,
        { name: `Cliente ${i}` },
        new Date(seededAt),
      );
      storeIncomingMessages(
        sim.state,
        { conversationId: conversation.id, content: `Olá ${i} `.repeat(8) },
        new Date(seededAt + i),
      );
    }
    const ticker = createConversation(sim.state, A.organizationId, { name: 'Ticker' });
    const dataDir = mkdtempSync(join(tmpdir(), 'auzap-sigkill-'));
    const scope = inboxScope(sim.url, A.organizationId);

    for (let round = 0; round < 4; round += 1) {
      const app = startApp(dataDir);
      child = app.proc;
      await waitFor(() => app.lines.some((l) => l.startsWith('ONLINE')), 20_000, `round ${round}: online`);
      // What the last kill left must load as it is: no damaged file, nothing set aside.
      expect(app.lines.filter((l) => l.startsWith('WARN') || l.startsWith('STDERR'))).toEqual([]);

      const sent: Array<{ at: number; timestamp: string }> = [];
      const killAfterSaves = 1 + (round % 2);
      let killedAt = 0;
      const traffic = setInterval(() => {
        const [message] = storeAndEmit();
        if (message) sent.push({ at: Date.now(), timestamp: message.message.timestamp });
      }, 20);
      const storeAndEmit = () => sim?.injectMessage({ conversationId: ticker.id, content: 'tick' }) ?? [];
      // Half the rounds die right as a save starts, the others at a random moment.
      if (round % 2 === 0) {
        await waitFor(() => app.lines.filter((l) => l === 'SAVE-START').length >= killAfterSaves + 2, 20_000, 'saves');
      } else {
        await new Promise((r) => setTimeout(r, 2_600 + Math.random() * 1_000));
      }
      app.proc.kill('SIGKILL');
      killedAt = Date.now();
      clearInterval(traffic);
      await app.exited;

      const raw: unknown = JSON.parse(readFileSync(join(dataDir, 'auzap-state.json'), 'utf8'));
      const loaded = readPersistedState(raw, scope);
      expect(loaded.problem).toBeNull();
      const row = loaded.inbox?.conversations.find((c) => c.id === ticker.id);
      const mustHave = sent.filter((s) => s.at < killedAt - SAVE_INTERVAL_MS - SLACK_MS).at(-1);
      expect(mustHave, 'the round ran long enough to judge').toBeDefined();
      expect(Date.parse(row?.lastMessageAt ?? '')).toBeGreaterThanOrEqual(Date.parse(mustHave?.timestamp ?? ''));
      expect(loaded.inbox?.conversations.length).toBe(CONVERSATIONS + 1);
    }
  }, 90_000);
});
