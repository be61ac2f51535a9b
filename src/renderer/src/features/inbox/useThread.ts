import { useCallback, useEffect, useState } from 'react';
import type { MessageView, ThreadPage } from '../../../../shared/inbox';
import { BridgeCommandError, getBridge, invoke } from '../../bridge/bridge-client';
import { applyMessagesDelta } from './inbox-model';

export interface ThreadState {
  messages: MessageView[];
  hasOlder: boolean;
  loading: boolean;
  error: string | null;
  loadOlder(): Promise<void>;
}

/** Opens a conversation (which marks it read) and follows its messages. */
export function useThread(conversationId: string): ThreadState {
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [hasOlder, setHasOlder] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const take = useCallback((page: ThreadPage) => {
    // A page is the whole thread in main's order (which keeps same-second messages right).
    setMessages(page.messages);
    setHasOlder(page.hasOlder);
    setError(page.error);
  }, []);

  useEffect(() => {
    const bridge = getBridge();
    if (!bridge) return;
    const unsubscribe = bridge.on('inbox:messages', (delta) => {
      if (delta.conversationId === conversationId) setMessages((current) => applyMessagesDelta(current, delta));
    });
    invoke('inbox:open-conversation', { conversationId })
      .then(take)
      .catch((failure: unknown) =>
        setError(failure instanceof BridgeCommandError ? failure.message : 'Could not open this conversation.'),
      )
      .finally(() => setLoading(false));
    return unsubscribe;
  }, [conversationId, take]);

  const loadOlder = useCallback(async () => {
    try {
      take(await invoke('inbox:load-older', { conversationId }));
    } catch (failure) {
      setError(failure instanceof BridgeCommandError ? failure.message : 'Could not load older messages.');
    }
  }, [conversationId, take]);

  return { messages, hasOlder, loading, error, loadOlder };
}
