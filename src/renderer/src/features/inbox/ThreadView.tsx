import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ConversationView, MessageView } from '../../../../shared/inbox';
import { mediaWord } from '../../../../shared/message-text';
import { formatPhoneNumber } from '../../../../shared/phone';
import { say, type UserText } from '../../../../shared/i18n/user-text';
import { failureText, invoke } from '../../bridge/bridge-client';
import { runCommand } from '../../bridge/run-command';
import { useT } from '../../i18n/I18nProvider';
import { contactLabel } from '../../../../shared/contact-label';
import { FormattedText } from './FormattedText';
import { safeMediaUrl } from './inbox-model';
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
  const i18n = useT();
  const { t } = i18n;
  const name = contactLabel(conversation, i18n);

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

  const toggleMute = () =>
    void runCommand('inbox:set-muted', { conversationId: conversation.id, muted: !conversation.muted });

  return (
    <section className="thread" aria-label={t('thread.label', { name })} data-testid="thread">
      <header className="thread__header">
        <div>
          <h1 dir="auto">{name}</h1>
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
          {t(conversation.muted ? 'thread.unmute' : 'thread.mute')}
        </button>
      </header>
      {thread.error ? (
        <p className="banner banner--error" role="alert" data-testid="thread-error">
          {say(i18n, thread.error)}
        </p>
      ) : null}
      <div className="thread__scroller" ref={scroller} onScroll={onScroll} data-testid="message-list">
        {loadingOlder ? <p className="thread__loading muted">{t('thread.loadingOlder')}</p> : null}
        {thread.loading && messages.length === 0 ? (
          <p className="thread__loading muted">{t('thread.loading')}</p>
        ) : null}
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
      <Composer conversationId={conversation.id} draft={draft} onDraftChange={onDraftChange} />
    </section>
  );
}

function MessageBubble({ message }: { message: MessageView }) {
  const outgoing = message.direction === 'outgoing';
  const { t, locale } = useT();
  const media = mediaWord(message.contentType);
  const link = media ? safeMediaUrl(message.mediaUrl) : null;
  const time = new Date(message.timestamp).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
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
          <span>{t(media)}</span>
          {link ? (
            <a href={link} target="_blank" rel="noopener noreferrer" data-testid="media-link">
              {t('media.open')}
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
  const i18n = useT();
  const { t } = i18n;
  if (message.status === 'sending') return <span data-testid="message-status">{t('thread.sending')}</span>;
  if (message.status === 'sent') return <span data-testid="message-status">{t('thread.sent')}</span>;
  if (message.status === 'queued') {
    // Nothing to do for the user: it goes by itself. Why it waits, when known, is in the tooltip.
    return (
      <span data-testid="message-status" title={message.error ? say(i18n, message.error) : undefined}>
        <span aria-hidden="true">🕓 </span>
        {t(message.error ? 'thread.queuedRetry' : 'thread.queuedOffline')}
      </span>
    );
  }
  if (message.status !== 'failed' || !message.localId) return null;
  const localId = message.localId;
  return (
    <span className="bubble__failed" role="alert">
      <span data-testid="message-status">{message.error ? say(i18n, message.error) : t('thread.notSent')}</span>{' '}
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
        {t('thread.retry')}
      </button>
    </span>
  );
}

function Composer({
  conversationId,
  draft,
  onDraftChange,
}: {
  conversationId: string;
  draft: string;
  onDraftChange: (text: string) => void;
}) {
  const [problem, setProblem] = useState<UserText | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const i18n = useT();
  const { t } = i18n;
  useEffect(() => input.current?.focus(), [conversationId]);

  const send = async () => {
    const content = draft.trim();
    if (!content) return;
    setProblem(null);
    try {
      await invoke('inbox:send', { conversationId, content });
      // Only now is the text safe in the thread (as "sending" or "queued", then "sent" or "failed").
      onDraftChange('');
    } catch (failure) {
      setProblem(failureText(failure, 'thread.sendFailed'));
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
          {say(i18n, problem)}
        </p>
      ) : null}
      <textarea
        ref={input}
        className="composer__input"
        rows={2}
        dir="auto"
        placeholder={t('thread.replyPlaceholder')}
        aria-label={t('thread.reply')}
        value={draft}
        maxLength={65536}
        onChange={(e) => onDraftChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button button--primary" disabled={!draft.trim()}>
        {t('thread.send')}
      </button>
    </form>
  );
}
