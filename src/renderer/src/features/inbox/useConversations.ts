import { useSyncExternalStore } from 'react';
import type { ConversationView } from '../../../../shared/inbox';
import { getBridge } from '../../bridge/bridge-client';
import { createBridgeStore, type StoreConnection } from '../../bridge/bridge-store';
import { applyConversationsDelta, NO_CONVERSATIONS, type ConversationRows } from './inbox-model';

/** The whole list once, then main's deltas. */
export const followConversations: StoreConnection<ConversationRows> = (bridge, update) => {
  let received = false;
  const unsubscribe = bridge.on('inbox:conversations', (delta) => {
    received = true;
    update((current) => applyConversationsDelta(current, delta));
  });
  void bridge.invoke('inbox:get-conversations').then((outcome) => {
    if (!outcome.ok) return;
    const full = applyConversationsDelta(NO_CONVERSATIONS, { reset: true, upserts: outcome.value, removedIds: [] });
    // Deltas that raced ahead of the answer are newer: keep them on top.
    update((current) =>
      received
        ? applyConversationsDelta(full, { reset: false, upserts: [...current.byId.values()], removedIds: [] })
        : full,
    );
  });
  return unsubscribe;
};

const conversationsStore = createBridgeStore(NO_CONVERSATIONS, followConversations, getBridge);

/** All conversations, newest first, kept fresh by main's deltas. */
export function useConversations(): ConversationView[] {
  return useSyncExternalStore(conversationsStore.subscribe, conversationsStore.current).sorted;
}
