import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ConversationView, MessageView } from '../../../../shared/inbox';
import { mediaWord } from '../../../../shared/message-text';
import { formatPhoneNumber } from '../../../../shared/phone';
import { BridgeCommandError, invoke } from '../../bridge/bridge-client';
import { runCommand } from '../../bridge/run-command';
import { contactLabel } from '../../../../shared/contact-label';
import { FormattedText } from './FormattedText';
import { MuteControl } from './MuteControl';
import { safeMediaUrl } from './inbox-model';
import { useThread } from './useThread';

const MEDIA_ICONS: Record<string, string> = { image: '🖼️', audio: '🎤', video: '🎬', document: '📄', other: '❔' };

/** One conversation: its messages (virtualized: 5,000 stay smooth) and the reply box. */
export function ThreadView({
  conversation,
  draft,
  onDraftChange,
  focusRequest,
}: {
  conversation: ConversationView;
  draft: string;
  onDraftChange: (text: string) => void;
  /** A new number each time the conversation is opened again: the reply box takes the focus. */
  focusRequest: number;
}) {
  const thread = useThread(conversation.id);
  const { messages } = thread;
  const scroller = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const [loadingOlder, setLoadingOlder] = useState(false);

  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    overscan: 10,
    getItemKey: (index) => messages[index]?.localId ?? messages[index]?.id ?? index,
  });

  // New messages keep the view at the bottom if the user was there; reading history is left alone.
  useLayoutEffect(() => {
    if (stickToBottom.current && messages.length > 0) virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
  }, [messages.length, virtualizer]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    if (el.scrollTop < 40 && thread.hasOlder && !loadingOlder && !thread.loading) {
      setLoadingOlder(true);
      void thread.loadOlder().finally(() => setLoadingOlder(false));
    }
  };

  return (
    <section className="thread" aria-label={`Conversation with ${contactLabel(conversation)}`} data-testid="thread">
      <header className="thread__header">
        <div>
          <h1 dir="auto">{contactLabel(conversation)}</h1>
          {conversation.contactName && conversation.contactPhone ? (
            <p className="muted">{formatPhoneNumber(conversation.contactPhone)}</p>
          ) : null}
        </div>
        <MuteControl conversation={conversation} />
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
            const message = messages[item.index];
            if (!message) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="thread__row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <MessageBubble message={message} />
              </div>
            );
          })}
        </div>
      </div>
      <Composer
        conversationId={conversation.id}
        draft={draft}
        onDraftChange={onDraftChange}
        focusRequest={focusRequest}
      />
    </section>
  );
}

function MessageBubble({ message }: { message: MessageView }) {
  const outgoing = message.direction === 'outgoing';
  const media = mediaWord(message.contentType);
  const link = media ? safeMediaUrl(message.mediaUrl) : null;
  const time = new Date(message.timestamp).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return (
    <div
      className={`bubble ${outgoing ? 'bubble--out' : 'bubble--in'}${message.status === 'failed' || message.status === 'queued' ? ` bubble--${message.status}` : ''}`}
      data-testid="message"
      data-message-id={message.id}
      data-direction={message.direction}
      data-status={message.status}
    >
      {media ? (
        <div className="bubble__media" data-testid="media-placeholder" data-content-type={message.contentType}>
          <span aria-hidden="true">{MEDIA_ICONS[message.contentType] ?? '❔'}</span>
          <span>{media}</span>
          {link ? (
            <a href={link} target="_blank" rel="noopener noreferrer" data-testid="media-link">
              Open
            </a>
          ) : null}
        </div>
      ) : null}
      {message.content ? (
        // Text is always text: formatting becomes elements, React escapes the rest, dir=auto lays out RTL.
        // A div, not a p: a ```block``` is a pre.
        <div className="bubble__text" dir="auto" data-testid="message-text">
          <FormattedText text={message.content} />
        </div>
      ) : null}
      <div className="bubble__meta">
        <time dateTime={message.timestamp}>{time}</time>
        {outgoing ? <OutgoingStatus message={message} /> : null}
      </div>
    </div>
  );
}

function OutgoingStatus({ message }: { message: MessageView }) {
  const [retrying, setRetrying] = useState(false);
  if (message.status === 'sending') return <span data-testid="message-status">Sending…</span>;
  if (message.status === 'sent') return <span data-testid="message-status">Sent ✓</span>;
  if (message.status === 'queued') {
    // Nothing to do for the user: it goes by itself. Why it waits, when known, is in the tooltip.
    return (
      <span data-testid="message-status" title={message.error ?? undefined}>
        <span aria-hidden="true">🕓 </span>
        {message.error ? 'Queued — will retry by itself' : 'Queued — sends when back online'}
      </span>
    );
  }
  if (message.status !== 'failed' || !message.localId) return null;
  const localId = message.localId;
  return (
    <span className="bubble__failed" role="alert">
      <span data-testid="message-status">{message.error ?? 'Not sent.'}</span>{' '}
      <button
        type="button"
        className="link-button"
        disabled={retrying}
        onClick={() => {
          setRetrying(true);
          void runCommand('inbox:retry-send', { conversationId: message.conversationId, localId }).finally(() =>
            setRetrying(false),
          );
        }}
      >
        Retry
      </button>
    </span>
  );
}

function Composer({
  conversationId,
  draft,
  onDraftChange,
  focusRequest,
}: {
  conversationId: string;
  draft: string;
  onDraftChange: (text: string) => void;
  focusRequest: number;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), [conversationId, focusRequest]);

  const send = async () => {
    const content = draft.trim();
    if (!content) return;
    setProblem(null);
    try {
      await invoke('inbox:send', { conversationId, content });
      // Only now is the text safe in the thread (as "sending" or "queued", then "sent" or "failed").
      onDraftChange('');
    } catch (failure) {
      setProblem(failure instanceof BridgeCommandError ? failure.message : 'Could not send. Your text is kept.');
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <textarea
        ref={input}
        className="composer__input"
        rows={2}
        dir="auto"
        placeholder="Write a reply — Enter to send, Shift+Enter for a new line"
        aria-label="Reply"
        value={draft}
        maxLength={65536}
        onChange={(e) => onDraftChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button button--primary" disabled={!draft.trim()}>
        Send
      </button>
    </form>
  );
}
