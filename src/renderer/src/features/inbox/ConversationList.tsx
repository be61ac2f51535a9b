import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { nameInitials } from '../../../../shared/display-name';
import type { ConversationView } from '../../../../shared/inbox';
import { useNow } from '../../hooks/useNow';
import { contactLabel } from '../../../../shared/contact-label';
import { formatListTime, matchesSearch } from './inbox-model';

const ROW_HEIGHT = 64;

/** The conversation list: newest first, searchable, virtualized (10,000 rows stay smooth). */
export function ConversationList({
  conversations,
  selectedId,
  onSelect,
}: {
  conversations: ConversationView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const visible = useMemo(
    () => (deferredQuery.trim() ? conversations.filter((row) => matchesSearch(row, deferredQuery)) : conversations),
    [conversations, deferredQuery],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => visible[index]?.id ?? index,
  });
  const now = useNow(30_000);

  return (
    <section className="conversations" aria-label="Conversations">
      <div className="conversations__search">
        <input
          className="input"
          type="search"
          placeholder="Search name, number or message"
          aria-label="Search conversations"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {conversations.length === 0 ? <p className="muted sidebar__note">No conversations yet.</p> : null}
      {conversations.length > 0 && visible.length === 0 ? (
        <p className="muted sidebar__note" data-testid="search-empty">
          Nothing matches “{query}”.
        </p>
      ) : null}
      <div className="conversations__scroller" ref={scroller} data-testid="conversation-list">
        <ul
          className="conversations__rows"
          role="listbox"
          aria-label="Conversations"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = visible[item.index];
            if (!row) return null;
            const selected = row.id === selectedId;
            return (
              <li
                key={item.key}
                role="option"
                aria-selected={selected}
                className={`conversation-row${selected ? ' conversation-row--selected' : ''}${row.unreadCount > 0 ? ' conversation-row--unread' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                data-testid="conversation-row"
                data-conversation-id={row.id}
                data-unread={row.unreadCount}
                onClick={() => onSelect(row.id)}
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
                    {row.muted ? (
                      <span className="conversation-row__muted" title="Notifications muted" aria-label="Muted">
                        🔕
                      </span>
                    ) : null}
                    {row.unreadCount > 0 ? (
                      <span
                        className="unread-badge"
                        data-testid="unread-badge"
                        aria-label={`${row.unreadCount} unread`}
                      >
                        {row.unreadCount > 999 ? '999+' : row.unreadCount}
                      </span>
                    ) : null}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
