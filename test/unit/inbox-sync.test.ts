import { describe, expect, it } from 'vitest';
import { createInboxStore } from '../../src/core/inbox/inbox-store';
import { createInboxSync } from '../../src/core/inbox/inbox-sync';
import type { CatchUp } from '../../src/core/inbox/catch-up';
import { createFakeScheduler } from '../support/fake-scheduler';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A sync over a store, recording the `since` of every listing it asks for. */
function syncOver(store: ReturnType<typeof createInboxStore>) {
  const asked: Array<string | undefined> = [];
  const sync = createInboxSync({
    store,
    rest: {
      listConversations: async (since?: string) => {
        asked.push(since);
        return [];
      },
    },
    catchUp: { run: async () => undefined, stop: () => undefined } as unknown as CatchUp,
    scheduler: createFakeScheduler(Date.parse('2026-12-02T12:00:00Z')),
    logger: quiet,
    describeFailure: () => ({ key: 'common.verbatim', params: { text: 'failed' } }),
    onState: () => undefined,
    onChanged: () => undefined,
    onNewIncoming: () => undefined,
  });
  return { sync, asked };
}

describe('the listing a sync asks for', () => {
  it('reaches back to a chat known only from a live message hours old (a phone back online)', async () => {
    const store = createInboxStore();
    store.setLastSyncAt('2026-12-02T11:00:00.000Z');
    store.receiveIncoming(
      {
        conversationId: 'c-late',
        contactId: 'k',
        message: {
          id: 'm1',
          content: 'oi',
          contentType: 'text',
          direction: 'incoming',
          timestamp: '2026-12-02T08:00:00.000Z',
        },
      },
      { countUnread: true },
    );
    const { sync, asked } = syncOver(store);
    await sync.sync();
    // Two minutes before the late message, not before the last sync.
    expect(asked).toEqual(['2026-12-02T07:58:00.000Z']);
  });

  it('an unreadable last-sync time asks for the whole list instead of failing every sync', async () => {
    const store = createInboxStore();
    store.setLastSyncAt('not a time');
    const { sync, asked } = syncOver(store);
    await sync.sync();
    expect(asked).toEqual([undefined]);
    expect(sync.error).toBeNull();
  });
});
