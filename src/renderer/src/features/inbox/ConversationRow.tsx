import { memo } from 'react';
import { contactLabel } from '../../../../shared/contact-label';
import { nameInitials } from '../../../../shared/display-name';
import type { ConversationView } from '../../../../shared/inbox';
import { unformatted } from '../../../../shared/message-format';
import { describeMessage, plainLine, truncate } from '../../../../shared/message-text';
import { remainingWords } from '../../../../shared/quiet-time';
import { useNow } from '../../hooks/useNow';
import { useT } from '../../i18n/I18nProvider';
import { formatListTime } from './inbox-model';

/**
 * One option of the conversation listbox: contact, last message, time, a waiting or
 * refused reply, unread and mute. Memoized, with its content memoized apart: a render of
 * the list (a push, the badge's count) skips the rows whose conversation did not change,
 * and a row that only moved (a new chat on top pushes every other one down) renders its
 * position, not its words.
 */
export const ConversationRow = memo(function ConversationRow({
  id,
  row,
  index,
  count,
  selected,
  active,
  top,
  height,
  now,
  numberName,
  draft,
  onOpen,
}: {
  id: string;
  row: ConversationView;
  /** Its place in the whole list, of `count`: only the rows in view exist, so a screen reader is told. */
  index: number;
  count: number;
  selected: boolean;
  active: boolean;
  top: number;
  height: number;
  now: number;
  /** The WhatsApp number the chat came in on, when known and worth saying. */
  numberName: string | null;
  /** A reply typed and not sent yet, shown instead of the last message so it is not forgotten. */
  draft: string | null;
  /** Opens the conversation by id: the same function on every render, or the memo is lost. */
  onOpen: (conversationId: string) => void;
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
      aria-posinset={index + 1}
      aria-setsize={count}
      className={classes.join(' ')}
      style={{ transform: `translateY(${top}px)`, height }}
      data-testid="conversation-row"
      data-conversation-id={row.id}
      data-unread={row.unreadCount}
      data-active={active || undefined}
      onClick={() => onOpen(row.id)}
    >
      <RowContent row={row} now={now} numberName={numberName} draft={draft} />
    </li>
  );
});

const RowContent = memo(function RowContent({
  row,
  now,
  numberName,
  draft,
}: {
  row: ConversationView;
  now: number;
  numberName: string | null;
  draft: string | null;
}) {
  const i18n = useT();
  const { t, locale } = i18n;
  const name = contactLabel(row, i18n);
  return (
    <>
      <span className="avatar" aria-hidden="true">
        {nameInitials(name)}
      </span>
      <span className="conversation-row__main">
        <span className="conversation-row__top">
          <span className="conversation-row__name" dir="auto">
            {name}
          </span>
          <time className="conversation-row__time" dateTime={row.lastMessageAt}>
            {formatListTime(row.lastMessageAt, now, locale)}
          </time>
        </span>
        <span className="conversation-row__bottom">
          {draft?.trim() ? (
            <span className="conversation-row__preview" dir="auto" data-testid="conversation-draft">
              <span className="conversation-row__draft">{t('conversations.draft')}</span>{' '}
              {truncate(plainLine(draft), 120)}
            </span>
          ) : (
            <span className="conversation-row__preview" dir="auto">
              {/* WhatsApp's marks (*bold*, _italic_) are not shown as characters, as in WhatsApp's own list. */}
              {describeMessage(row.lastMessageKind ?? 'text', unformatted(row.lastMessagePreview ?? ''), i18n)}
            </span>
          )}
          {/* On the preview's line, not the name's: the name is what tells chats apart. */}
          {numberName ? (
            <span className="conversation-row__number" data-testid="conversation-number">
              {numberName}
            </span>
          ) : null}
          {row.pendingReply ? (
            <span
              className={`conversation-row__pending conversation-row__pending--${row.pendingReply}`}
              data-testid="pending-reply"
              data-state={row.pendingReply}
              role="img"
              aria-label={t(row.pendingReply === 'failed' ? 'conversations.notSent' : 'conversations.queued')}
              title={t(row.pendingReply === 'failed' ? 'conversations.notSent' : 'conversations.queued')}
            >
              {row.pendingReply === 'failed' ? '⚠' : '🕓'}
            </span>
          ) : null}
          {row.muted ? <MutedMark mutedUntil={row.mutedUntil ?? null} /> : null}
          {row.unreadCount > 0 ? (
            <>
              {/* A bare number is read as just "4": the words go to screen readers instead. */}
              <span className="unread-badge" data-testid="unread-badge" aria-hidden="true">
                {row.unreadCount > 999 ? '999+' : row.unreadCount}
              </span>
              <span className="visually-hidden">{t('conversations.unread', { count: row.unreadCount })}</span>
            </>
          ) : null}
        </span>
      </span>
    </>
  );
});

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
