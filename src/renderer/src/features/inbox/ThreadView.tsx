import { useEffect } from 'react';
import type { InstanceView } from '../../../../shared/bridge';
import type { ConversationView } from '../../../../shared/inbox';
import { formatPhoneNumber } from '../../../../shared/phone';
import { contactLabel } from '../../../../shared/contact-label';
import { Composer } from './Composer';
import { dayLabel } from './day-label';
import { MessageBubble } from './MessageBubble';
import type { ThreadRow } from './thread-rows';
import { useThreadRows } from './useThreadRows';
import { useT } from '../../i18n/I18nProvider';
import { useThreadScroll, type ThreadScroll } from './useThreadScroll';
import { MuteControl } from './MuteControl';
import { useThread } from './useThread';
import { useOlderPages } from './useOlderPages';
import { RefusedReplyEdit } from './refused-reply';
import { useRefusedReplyEditing } from './useRefusedReplyEditing';
import { useDraft } from './useDraft';
import { say } from '../../../../shared/i18n/user-text';
import { useArrivalAnnouncement } from './useArrivalAnnouncement';
import { NumberNotConnected, ThreadNumber } from './ThreadNumber';
import { useToday } from '../../hooks/useToday';

/** One conversation: its messages (virtualized: 5,000 stay smooth) and the reply box. */
export function ThreadView({
  conversation,
  number,
  draftScope,
  focusRequest,
  online,
}: {
  conversation: ConversationView;
  /** The WhatsApp number the chat came in on, when the server said which and the app knows it. */
  number: InstanceView | null;
  /** Whose drafts (server and organization): a draft is kept per chat across reloads and restarts. */
  draftScope: string;
  /** A new number each time the conversation is opened again: the reply box takes the focus. */
  focusRequest: number;
  /** Connected to the server: a thread that could not be loaded is loaded again when it is. */
  online: boolean;
}) {
  const thread = useThread(conversation.id, conversation.unreadCount);
  const [draft, onDraftChange] = useDraft(draftScope, conversation.id);
  const [editRequest, editRefused] = useRefusedReplyEditing(draft, onDraftChange);
  const { error: loadError, retry } = thread;
  useEffect(() => {
    if (online && loadError) retry();
    // Only on coming back online: a failure while online waits for the user's Try again.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [online]);
  const { messages } = thread;
  const rows = useThreadRows(messages, conversation.unreadCount, !thread.loading);
  const scroll = useThreadScroll({ rows, messages, ready: !thread.loading });
  const { scroller, virtualizer } = scroll;
  const { loadingOlder, loadOlderAtTop } = useOlderPages(thread, scroller);
  // A thread that failed to open is not on screen yet: what it loads later is not news. (An
  // older page that failed leaves it open: arrivals are still announced.)
  const arrival = useArrivalAnnouncement(messages, !thread.loading && !thread.openFailed);
  const i18n = useT();
  const { t } = i18n;
  const name = contactLabel(conversation, i18n);
  // Day separators say "Today" or "Yesterday": a thread left open past midnight renders again.
  const today = useToday();

  const onScroll = () => {
    scroll.trackScroll();
    loadOlderAtTop();
  };

  return (
    <section className="thread" aria-label={t('thread.label', { name })} data-testid="thread" data-focus-home="">
      <header className="thread__header">
        <div>
          <h1 dir="auto">{name}</h1>
          {conversation.contactName && conversation.contactPhone ? (
            <p className="muted">{formatPhoneNumber(conversation.contactPhone)}</p>
          ) : null}
          {number ? <ThreadNumber instance={number} /> : null}
        </div>
        <MuteControl conversation={conversation} />
      </header>
      {thread.error ? (
        <div className="banner banner--error" role="alert" data-testid="thread-error">
          {say(i18n, thread.error)}{' '}
          <button type="button" className="button" onClick={thread.retry}>
            {t('common.tryAgain')}
          </button>
        </div>
      ) : null}
      {/* The log is not live itself: virtualized rows re-enter the DOM on every scroll and would be
          read again. Arrivals are said once, by the polite region below. */}
      <div
        className="thread__scroller"
        ref={scroller}
        onScroll={onScroll}
        role="log"
        aria-live="off"
        aria-label={t('thread.messages')}
        // Always a tab stop of its own, so PageUp/PageDown read back from it: without it Chromium
        // lets a scroller be focused only while it holds no link, and a link scrolled away drops the focus.
        tabIndex={0}
        data-testid="message-list"
      >
        {loadingOlder ? <p className="thread__loading muted">{t('thread.loadingOlder')}</p> : null}
        {thread.loading && messages.length === 0 ? (
          <p className="thread__loading muted">{t('thread.loading')}</p>
        ) : null}
        <div className="thread__rows" style={{ height: virtualizer.getTotalSize() }}>
          <RefusedReplyEdit.Provider value={editRefused}>
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
                  <ThreadRowContent row={row} contact={name} today={today} />
                </div>
              );
            })}
          </RefusedReplyEdit.Provider>
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="thread-announcer">
        {arrival === null
          ? ''
          : announce(t('thread.newMessagesFrom', { count: arrival.count, name, text: arrival.text }), arrival.serial)}
      </p>
      {scroll.scrolledUp ? <JumpToLatest scroll={scroll} /> : null}
      {number && number.status !== 'connected' ? <NumberNotConnected instance={number} /> : null}
      <Composer
        conversationId={conversation.id}
        draft={draft}
        onDraftChange={onDraftChange}
        // Both only grow: an Edit focuses the reply box as opening the chat does.
        focusRequest={focusRequest + editRequest}
      />
    </section>
  );
}

/**
 * The same words twice ("Oi", "Oi") change nothing in the page, and nothing would be read:
 * every other announcement ends in a no-break space, which is not spoken.
 */
const announce = (words: string, serial: number) => (serial % 2 === 0 ? `${words}\u00a0` : words);

function ThreadRowContent({ row, contact, today }: { row: ThreadRow; contact: string; today: number }) {
  if (row.kind === 'message') return <MessageBubble message={row.message} grouped={row.grouped} contact={contact} />;
  return <ThreadDivider row={row} today={today} />;
}

function ThreadDivider({ row, today }: { row: Exclude<ThreadRow, { kind: 'message' }>; today: number }) {
  const { t, locale } = useT();
  if (row.kind === 'unread') {
    return (
      <div className="thread__unread" data-testid="unread-divider">
        <span>{t('thread.unreadMessages', { count: row.count })}</span>
      </div>
    );
  }
  return (
    <div className="thread__day" data-testid="day-separator">
      <span dir="auto">{dayLabel(row.date, new Date(today), locale)}</span>
    </div>
  );
}

function JumpToLatest({ scroll }: { scroll: ThreadScroll }) {
  const { t } = useT();
  return (
    <div className="thread__jump">
      <button
        type="button"
        className="button"
        onClick={scroll.jumpToLatest}
        aria-label={t('thread.jumpToLatestLabel', { count: scroll.newSince })}
        data-testid="jump-to-latest"
      >
        <span aria-hidden="true">↓ </span>
        {t('thread.jumpToLatest')}
        {scroll.newSince > 0 ? (
          <span className="thread__jump-count" data-testid="jump-to-latest-count">
            {t('thread.newSince', { count: scroll.newSince })}
          </span>
        ) : null}
      </button>
    </div>
  );
}
