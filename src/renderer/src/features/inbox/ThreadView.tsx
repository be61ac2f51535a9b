import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ConversationView } from '../../../../shared/inbox';
import { formatPhoneNumber } from '../../../../shared/phone';
import { runCommand } from '../../bridge/run-command';
import { contactLabel } from '../../../../shared/contact-label';
import { Composer } from './Composer';
import { dayLabel } from './day-label';
import { MessageBubble } from './MessageBubble';
import { buildThreadRows, type ThreadRow } from './thread-rows';
import { threadLocale } from './thread-words';
import { useThread } from './useThread';

/** One conversation: its messages (virtualized: 5,000 stay smooth) and the reply box. */
export function ThreadView({
  conversation,
  draft,
  onDraftChange,
}: {
  conversation: ConversationView;
  draft: string;
  onDraftChange: (text: string) => void;
}) {
  const thread = useThread(conversation.id);
  const { messages } = thread;
  const scroller = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const [loadingOlder, setLoadingOlder] = useState(false);

  const rows = useMemo(() => buildThreadRows(messages), [messages]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    overscan: 10,
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  // New messages keep the view at the bottom if the user was there; reading history is left alone.
  useLayoutEffect(() => {
    if (stickToBottom.current && rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [rows.length, virtualizer]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    if (el.scrollTop < 40 && thread.hasOlder && !loadingOlder && !thread.loading) {
      setLoadingOlder(true);
      void thread.loadOlder().finally(() => setLoadingOlder(false));
    }
  };

  const toggleMute = () =>
    void runCommand('inbox:set-muted', { conversationId: conversation.id, muted: !conversation.muted });

  return (
    <section className="thread" aria-label={`Conversation with ${contactLabel(conversation)}`} data-testid="thread">
      <header className="thread__header">
        <div>
          <h1 dir="auto">{contactLabel(conversation)}</h1>
          {conversation.contactName && conversation.contactPhone ? (
            <p className="muted">{formatPhoneNumber(conversation.contactPhone)}</p>
          ) : null}
        </div>
        <button
          type="button"
          className="button"
          onClick={toggleMute}
          aria-pressed={conversation.muted}
          data-testid="mute-toggle"
        >
          {conversation.muted ? 'Unmute notifications' : 'Mute notifications'}
        </button>
      </header>
      {thread.error ? (
        <p className="banner banner--error" role="alert" data-testid="thread-error">
          {thread.error}
        </p>
      ) : null}
      <div className="thread__scroller" ref={scroller} onScroll={onScroll} data-testid="message-list">
        {loadingOlder ? <p className="thread__loading muted">Loading older messages…</p> : null}
        {thread.loading && messages.length === 0 ? <p className="thread__loading muted">Loading messages…</p> : null}
        <div className="thread__rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="thread__row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <ThreadRowContent row={row} />
              </div>
            );
          })}
        </div>
      </div>
      <Composer conversationId={conversation.id} draft={draft} onDraftChange={onDraftChange} />
    </section>
  );
}

function ThreadRowContent({ row }: { row: ThreadRow }) {
  if (row.kind === 'message') return <MessageBubble message={row.message} />;
  const locale = threadLocale();
  return (
    <div className="thread__day" data-testid="day-separator">
      <span dir="auto">{dayLabel(row.date, new Date(), locale)}</span>
    </div>
  );
}
