import { startTransition, useEffect, useState } from 'react';
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

// Readers are told at the end of the push's task, not at the next frame: they render in a
// transition, which React schedules after that task and which batches pushes by itself.
// Waiting for a frame first would put a lone message one frame later on screen.
const conversationsStore = createBridgeStore(NO_CONVERSATIONS, followConversations, getBridge, queueMicrotask);

/**
 * All conversations, newest first, kept fresh by main's deltas. A delta renders as a
 * transition: React renders it in slices of a few milliseconds and the window answers
 * typing and clicks in between, where a burst rendered in one piece held the window for
 * tens of milliseconds a frame. The unread badge and the title come from the app
 * snapshot, which renders at once: they never wait for the list.
 */
export function useConversations(): ConversationView[] {
  const [rows, setRows] = useState(conversationsStore.current);
  useEffect(() => {
    const follow = () => startTransition(() => setRows(conversationsStore.current()));
    const stop = conversationsStore.subscribe(follow);
    // What changed between the render and this subscription (or was fetched by it).
    follow();
    return stop;
  }, []);
  return rows.sorted;
}
