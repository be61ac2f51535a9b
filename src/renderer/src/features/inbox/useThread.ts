import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageView, ThreadPage } from '../../../../shared/inbox';
import type { UserText } from '../../../../shared/i18n/user-text';
import { failureText, getBridge, invoke } from '../../bridge/bridge-client';
import { applyMessagesDelta, joinThreadStart } from './inbox-model';

export interface ThreadState {
  messages: MessageView[];
  hasOlder: boolean;
  loading: boolean;
  error: UserText | null;
  loadOlder(): Promise<void>;
  /** Opens it again (after the thread could not be loaded). */
  retry(): void;
}

/** A thread that could not load is opened again after 3 s, 6 s, … up to a minute apart. */
const RETRY_FIRST_MS = 3_000;
const RETRY_MAX_MS = 60_000;

/** Opens a conversation (which marks it read) and follows its messages. */
export function useThread(conversationId: string): ThreadState {
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [hasOlder, setHasOlder] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<UserText | null>(null);

  const take = useCallback((page: ThreadPage) => {
    // Opening brings the whole thread in main's order (which keeps same-second messages right).
    setMessages(page.messages);
    setHasOlder(page.hasOlder);
    setError(page.error);
  }, []);

  const open = useCallback(() => {
    invoke('inbox:open-conversation', { conversationId })
      .then(take)
      .catch((failure: unknown) => setError(failureText(failure, 'thread.openFailed')))
      .finally(() => setLoading(false));
  }, [conversationId, take]);

  useEffect(() => {
    const bridge = getBridge();
    if (!bridge) return;
    const unsubscribe = bridge.on('inbox:messages', (delta) => {
      if (delta.conversationId === conversationId) setMessages((current) => applyMessagesDelta(current, delta));
    });
    open();
    return unsubscribe;
  }, [conversationId, open]);

  // A failed load heals by itself while the chat is on screen (a server answering 503 for a
  // while, a page that timed out): nobody has to find Try again, and the chat is read once shown.
  const retries = useRef(0);
  useEffect(() => {
    if (error === null) {
      retries.current = 0;
      return;
    }
    const timer = setTimeout(
      () => {
        retries.current += 1;
        open();
      },
      Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** retries.current),
    );
    return () => clearTimeout(timer);
  }, [error, open]);

  const loadOlder = useCallback(async () => {
    try {
      // The thread's start through what the fetch added comes back, not the whole thread per page.
      const page = await invoke('inbox:load-older', { conversationId });
      setMessages((current) => joinThreadStart(current, page.messages));
      setHasOlder(page.hasOlder);
      setError(page.error);
    } catch (failure) {
      setError(failureText(failure, 'thread.olderFailed'));
    }
  }, [conversationId]);

  return { messages, hasOlder, loading, error, loadOlder, retry: open };
}
