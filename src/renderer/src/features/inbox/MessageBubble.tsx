import { useRefusedReplyEdit } from './refused-reply';
import { useState } from 'react';
import type { MessageView } from '../../../../shared/inbox';
import { mediaWord, type MediaKind } from '../../../../shared/message-text';
import type { MessageKey } from '../../../../shared/i18n/translate';
import { runCommand } from '../../bridge/run-command';
import { FormattedText } from './FormattedText';
import { useT } from '../../i18n/I18nProvider';
import { formatTimeOfDay, safeMediaUrl } from './inbox-model';
import type { MessageGrouping } from './thread-rows';
import { say } from '../../../../shared/i18n/user-text';

const OPEN_MEDIA = {
  image: 'media.open.image',
  audio: 'media.open.audio',
  video: 'media.open.video',
  document: 'media.open.document',
  other: 'media.open.other',
} as const satisfies Record<MediaKind, MessageKey>;

/**
 * One message: its media, its text (formatted), its time and, for a reply, how sending went.
 * In a group (same side, minutes apart) only the last bubble shows the time; the others
 * keep it for screen readers.
 */
export function MessageBubble({
  message,
  grouped,
  contact,
}: {
  message: MessageView;
  grouped: MessageGrouping;
  /** Who the chat is with, for the words that say which side a bubble is on. */
  contact: string;
}) {
  const { t, locale } = useT();
  const outgoing = message.direction === 'outgoing';
  const media = mediaWord(message.contentType);
  const link = media ? safeMediaUrl(message.mediaUrl) : null;
  const time = formatTimeOfDay(message.timestamp, locale);
  const classes = [
    'bubble',
    outgoing ? 'bubble--out' : 'bubble--in',
    message.status === 'failed' || message.status === 'queued' ? `bubble--${message.status}` : '',
    grouped.withNext ? 'bubble--before-next' : '',
    grouped.withPrevious ? 'bubble--after-previous' : '',
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid="message"
      data-message-id={message.id}
      data-direction={message.direction}
      data-status={message.status}
    >
      {/* The side is a colour and a position on screen; a screen reader hears it in words. */}
      <span className="visually-hidden" data-testid="message-side">
        {t(outgoing ? 'thread.replyTo' : 'thread.receivedFrom', { name: contact })}{' '}
      </span>
      {media ? (
        <div className="bubble__media" data-testid="media-placeholder" data-content-type={message.contentType}>
          <span>{t(media)}</span>
          {link ? (
            <a
              href={link}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="media-link"
              // "Open" alone, in a list of links, says nothing of what opens.
              aria-label={t(OPEN_MEDIA[message.contentType as MediaKind])}
            >
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
        <time
          dateTime={message.timestamp}
          className={grouped.withNext ? 'visually-hidden' : undefined}
          data-testid="message-time"
        >
          {time}
        </time>
        {outgoing ? <OutgoingStatus message={message} /> : null}
      </div>
    </div>
  );
}

function OutgoingStatus({ message }: { message: MessageView }) {
  const [retrying, setRetrying] = useState(false);
  const editRefused = useRefusedReplyEdit();
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
      </button>{' '}
      {/* A refusal that will not change (a blocked customer): the reply need not stay in the thread. */}
      <button
        type="button"
        className="link-button"
        disabled={retrying}
        onClick={() => void runCommand('inbox:discard-reply', { conversationId: message.conversationId, localId })}
      >
        {t('thread.discard')}
      </button>
      {editRefused ? (
        <>
          {' '}
          <button type="button" className="link-button" disabled={retrying} onClick={() => editRefused(message)}>
            {t('thread.edit')}
          </button>
        </>
      ) : null}
    </span>
  );
}
