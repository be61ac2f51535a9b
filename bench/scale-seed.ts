/**
 * The big inbox benchmark 4 starts from: 10,000 conversations × 20 messages on the
 * simulator (one of them a 5,000-message thread), and the same inbox saved in the data
 * folder the way the app saves it (store → exportRecent → composePersistedState → the
 * conf state file), so the host starts from a saved inbox and then syncs with the server.
 */
import { exportRecent } from '../src/core/inbox/inbox-snapshot';
import { createInboxStore } from '../src/core/inbox/inbox-store';
import { composePersistedState, inboxScope, PERSIST_LIMITS } from '../src/core/persistence/persisted-state';
import { openConfStateFile } from '../src/core/persistence/state-file';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../src/shared/inbox';
import { conversationDto, messageDto } from '../src/shared/rest';
import { createConversation, storeIncomingMessages, type Simulator } from '../src/simulator/simulator';
import { BENCH_ORGANIZATION } from './browser-app';

export const SCALE = { conversations: 10_000, messagesEach: 20, bigThread: 5_000 } as const;
export const BIG_THREAD_NAME = 'Cliente Grande';

const quietLogger = { info: () => undefined, warn: console.warn, error: console.error };

/** Seeds the simulator; returns the big thread's conversation id. */
export function seedSimulator(sim: Simulator): string {
  const start = Date.parse('2026-11-01T00:00:00Z');
  let big = '';
  for (let i = 0; i < SCALE.conversations; i += 1) {
    const isBig = i === SCALE.conversations - 1;
    const at = new Date(start + i * 60_000);
    const conversation = createConversation(
      sim.state,
      BENCH_ORGANIZATION,
      { name: isBig ? BIG_THREAD_NAME : `Cliente ${i}` },
      at,
    );
    storeIncomingMessages(
      sim.state,
      {
        organizationId: BENCH_ORGANIZATION,
        conversationId: conversation.id,
        content: `Mensagem de teste ${i}`,
        count: isBig ? SCALE.bigThread : SCALE.messagesEach,
      },
      at,
    );
    if (isBig) big = conversation.id;
  }
  return big;
}

/** Writes what the app would have saved after seeing every conversation and its latest page. */
export function writeSavedInbox(sim: Simulator, dataDir: string): void {
  const store = createInboxStore();
  const rows = sim.state.conversations.filter((c) => c.organizationId === BENCH_ORGANIZATION);
  store.table.merge(rows.map((row) => conversationDto.parse(row)));
  for (const row of rows) {
    const page = row.messages.slice(-50).map((m) => messageDto.parse(m));
    store.mergeMessages(row.id, page, 'page');
  }
  store.setLastSyncAt(new Date().toISOString());
  const saved = exportRecent(store, PERSIST_LIMITS);
  const document = composePersistedState(
    DEFAULT_NOTIFICATION_SETTINGS,
    { scope: inboxScope(sim.url, BENCH_ORGANIZATION), ...saved },
    [],
  );
  openConfStateFile(dataDir, quietLogger).save(document);
}
