import { useEffect, useMemo, useState } from 'react';
import type { ConversationView } from '../../../../shared/inbox';
import { getBridge } from '../../bridge/bridge-client';
import { applyConversationsDelta, sortConversations } from './inbox-model';

/** All conversations, newest first, kept fresh by main's deltas. */
export function useConversations(): ConversationView[] {
  const [rows, setRows] = useState<Map<string, ConversationView>>(() => new Map());
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
      const full = new Map(outcome.value.map((row) => [row.id, row]));
      // Deltas that raced ahead of the answer are newer: keep them on top.
      setRows((current) => (received ? new Map([...full, ...current]) : full));
    });
    return unsubscribe;
  }, []);
  return useMemo(() => sortConversations(rows.values()), [rows]);
}
