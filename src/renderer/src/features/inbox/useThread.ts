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
  /** The thread itself could not be opened (not only an older page): it is not on screen yet. */
  openFailed: boolean;
  loadOlder(): Promise<void>;
  /** Opens it again (after the thread could not be loaded). */
  retry(): void;
}

/** A thread that could not load is tried again after 3 s, 6 s, … up to a minute apart… */
const RETRY_FIRST_MS = 3_000;
const RETRY_MAX_MS = 60_000;
/** …this many times (about five minutes): a chat gone from the server, or a refused sign-in, is not asked for forever. */
const RETRY_ATTEMPTS = 8;

/** Opening a chat reads back at most this many older pages to reach where its unread begin. */
const UNREAD_PAGES_MAX = 10;

const incomingCount = (messages: readonly MessageView[]) =>
  messages.reduce((n, m) => n + (m.direction === 'incoming' ? 1 : 0), 0);

/** What failed: opening the thread, or its older page (each is tried again as itself). */
type Failure = { text: UserText; step: 'open' | 'older' } | null;

/**
 * Opens a conversation (which marks it read) and follows its messages. `unreadAtOpen`: a chat
 * with more unread than its first page holds is read back to where they begin before the
 * view is placed on them (it landed on the page's first message, the rest out of reach).
 */
export function useThread(conversationId: string, unreadAtOpen = 0): ThreadState {
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [hasOlder, setHasOlder] = useState(false);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<Failure>(null);

  const take = useCallback((page: ThreadPage) => {
    // Opening brings the whole thread in main's order (which keeps same-second messages right).
    setMessages(page.messages);
    setHasOlder(page.hasOlder);
    setFailure(page.error ? { text: page.error, step: 'open' } : null);
  }, []);

  const unread = useRef(unreadAtOpen);
  // The chat left mid-way: reading it back for a view that is gone would keep it open in main.
  const shown = useRef(true);
  useEffect(() => {
    shown.current = true;
    return () => {
      shown.current = false;
    };
  }, [conversationId]);
  const readBackToUnread = useCallback(
    async (page: ThreadPage) => {
      let held = page.messages;
      let more = page.hasOlder && !page.error;
      for (let i = 0; i < UNREAD_PAGES_MAX && more && incomingCount(held) < unread.current; i += 1) {
        if (!shown.current) return;
        try {
          const older = await invoke('inbox:load-older', { conversationId });
          held = joinThreadStart(held, older.messages);
          setMessages((current) => joinThreadStart(current, older.messages));
          setHasOlder(older.hasOlder);
          if (older.error) setFailure({ text: older.error, step: 'older' });
          more = older.hasOlder && !older.error && older.messages.length > 0;
        } catch (reason) {
          setFailure({ text: failureText(reason, 'thread.olderFailed'), step: 'older' });
          return;
        }
      }
    },
    [conversationId],
  );

  const open = useCallback(() => {
    invoke('inbox:open-conversation', { conversationId })
      .then(async (page) => {
        take(page);
        await readBackToUnread(page);
      })
      .catch((reason: unknown) => setFailure({ text: failureText(reason, 'thread.openFailed'), step: 'open' }))
      .finally(() => setLoading(false));
  }, [conversationId, take, readBackToUnread]);

  useEffect(() => {
    const bridge = getBridge();
    if (!bridge) return;
    const unsubscribe = bridge.on('inbox:messages', (delta) => {
      if (delta.conversationId === conversationId) setMessages((current) => applyMessagesDelta(current, delta));
    });
    open();
    return unsubscribe;
  }, [conversationId, open]);

  const loadOlder = useCallback(async () => {
    try {
      // The thread's start through what the fetch added comes back, not the whole thread per page.
      const page = await invoke('inbox:load-older', { conversationId });
      setMessages((current) => joinThreadStart(current, page.messages));
      setHasOlder(page.hasOlder);
      setFailure(page.error ? { text: page.error, step: 'older' } : null);
    } catch (reason) {
      setFailure({ text: failureText(reason, 'thread.olderFailed'), step: 'older' });
    }
  }, [conversationId]);

  const retry = failure?.step === 'older' ? () => void loadOlder() : open;

  // A failed load heals by itself while the chat is on screen (a server answering 503 for a
  // while, a page that timed out): nobody has to find Try again, and the chat is read once shown.
  const retries = useRef(0);
  useEffect(() => {
    if (failure === null) {
      retries.current = 0;
      return;
    }
    if (retries.current >= RETRY_ATTEMPTS) return;
    const timer = setTimeout(
      () => {
        retries.current += 1;
        if (failure.step === 'older') void loadOlder();
        else open();
      },
      Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** retries.current),
    );
    return () => clearTimeout(timer);
  }, [failure, open, loadOlder]);

  return {
    messages,
    hasOlder,
    loading,
    error: failure?.text ?? null,
    openFailed: failure?.step === 'open',
    loadOlder,
    retry,
  };
}
