import { contactLabel } from '../../../../shared/contact-label';
import { nameInitials } from '../../../../shared/display-name';
import type { ConversationView } from '../../../../shared/inbox';
import { remainingWords } from '../../../../shared/quiet-time';
import { useNow } from '../../hooks/useNow';
import { useT } from '../../i18n/I18nProvider';
import { formatListTime } from './inbox-model';

/** One option of the conversation listbox: contact, last message, time, a waiting or refused reply, unread and mute. */
export function ConversationRow({
  id,
  row,
  selected,
  active,
  top,
  height,
  now,
  onOpen,
}: {
  id: string;
  row: ConversationView;
  selected: boolean;
  active: boolean;
  top: number;
  height: number;
  now: number;
  onOpen: () => void;
}) {
  const classes = ['conversation-row'];
  if (selected) classes.push('conversation-row--selected');
  if (active) classes.push('conversation-row--active');
  if (row.unreadCount > 0) classes.push('conversation-row--unread');
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      className={classes.join(' ')}
      style={{ transform: `translateY(${top}px)`, height }}
      data-testid="conversation-row"
      data-conversation-id={row.id}
      data-unread={row.unreadCount}
      data-active={active || undefined}
      onClick={onOpen}
    >
      <span className="avatar" aria-hidden="true">
        {nameInitials(contactLabel(row))}
      </span>
      <span className="conversation-row__main">
        <span className="conversation-row__top">
          <span className="conversation-row__name" dir="auto">
            {contactLabel(row)}
          </span>
          <time className="conversation-row__time" dateTime={row.lastMessageAt}>
            {formatListTime(row.lastMessageAt, now)}
          </time>
        </span>
        <span className="conversation-row__bottom">
          <span className="conversation-row__preview" dir="auto">
            {row.lastMessagePreview ?? ''}
          </span>
          {row.pendingReply ? (
            <span
              className={`conversation-row__pending conversation-row__pending--${row.pendingReply}`}
              data-testid="pending-reply"
              data-state={row.pendingReply}
              role="img"
              aria-label={row.pendingReply === 'failed' ? 'Message not sent' : 'Message queued'}
              title={row.pendingReply === 'failed' ? 'Message not sent' : 'Message queued'}
            >
              {row.pendingReply === 'failed' ? '⚠' : '🕓'}
            </span>
          ) : null}
          {row.muted ? <MutedMark mutedUntil={row.mutedUntil ?? null} /> : null}
          {row.unreadCount > 0 ? (
            <span className="unread-badge" data-testid="unread-badge" aria-label={`${row.unreadCount} unread`}>
              {row.unreadCount > 999 ? '999+' : row.unreadCount}
            </span>
          ) : null}
        </span>
      </span>
    </li>
  );
}

/** The bell struck through; a timed mute says what is left of it. */
function MutedMark({ mutedUntil }: { mutedUntil: string | null }) {
  const { t } = useT();
  // Its own clock, started when the mark shows: the list's clock may be a tick behind.
  const now = useNow(30_000);
  const words = mutedUntil ? t('mute.onFor', { left: remainingWords(Date.parse(mutedUntil), now, t) }) : t('mute.on');
  return (
    <span className="conversation-row__muted" title={words} aria-label={words} data-testid="row-muted">
      🔕
    </span>
  );
}
