import { useEffect, useState } from 'react';
import type { ConversationView } from '../../../../shared/inbox';
import { getBridge } from '../../bridge/bridge-client';
import { applyConversationsDelta, NO_CONVERSATIONS, type ConversationRows } from './inbox-model';

/** All conversations, newest first, kept fresh by main's deltas. */
export function useConversations(): ConversationView[] {
  const [rows, setRows] = useState<ConversationRows>(NO_CONVERSATIONS);
  useEffect(() => {
    const bridge = getBridge();
    if (!bridge) return;
    let received = false;
    const unsubscribe = bridge.on('inbox:conversations', (delta) => {
      received = true;
      setRows((current) => applyConversationsDelta(current, delta));
    });
    void bridge.invoke('inbox:get-conversations').then((outcome) => {
      if (!outcome.ok) return;
      const full = applyConversationsDelta(NO_CONVERSATIONS, { reset: true, upserts: outcome.value, removedIds: [] });
      // Deltas that raced ahead of the answer are newer: keep them on top.
      setRows((current) =>
        received
          ? applyConversationsDelta(full, { reset: false, upserts: [...current.byId.values()], removedIds: [] })
          : full,
      );
    });
    return unsubscribe;
  }, []);
  return rows.sorted;
}
