/**
 * The inbox's push path on a clock the test moves: a store, the pushes that flush it, and
 * messages arriving in it. Whoever listens (the window's deltas, the snapshot publisher)
 * passes its own handlers; the others do nothing.
 */
import { createInboxPushes, type InboxPushOptions } from '../../src/core/inbox/inbox-pushes';
import { createInboxStore, type InboxStore } from '../../src/core/inbox/inbox-store';
import { createFakeScheduler } from './fake-scheduler';

type Handlers = Pick<InboxPushOptions, 'onConversations' | 'onMessages' | 'onSummary' | 'onPersist'>;

export function createPushHarness(handlers: Partial<Handlers> = {}) {
  const scheduler = createFakeScheduler();
  const store = createInboxStore();
  const pushes = createInboxPushes({
    store,
    scheduler,
    onConversations: () => undefined,
    onMessages: () => undefined,
    onSummary: () => undefined,
    onPersist: () => undefined,
    ...handlers,
  });
  return { scheduler, store, pushes };
}

let seq = 0;
/** A new incoming text message in `conversationId` (unread unless told otherwise); its id. */
export function receive(store: InboxStore, conversationId: string, countUnread = true): string {
  const id = `m${++seq}`;
  store.receiveIncoming(
    {
      conversationId,
      contactId: `k-${conversationId}`,
      message: {
        id,
        content: `text ${id}`,
        contentType: 'text',
        direction: 'incoming',
        timestamp: new Date().toISOString(),
      },
    },
    { countUnread },
  );
  return id;
}
