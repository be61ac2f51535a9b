import { memo, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ConversationView } from '../../../../shared/inbox';
import { useToday } from '../../hooks/useToday';
import { ConversationRow } from './ConversationRow';
import { searchMatcher } from './inbox-model';
import { useDrafts } from './useDraft';
import { useListboxCursor } from './useListboxCursor';
import { useRowVirtualizer } from './useRowVirtualizer';
import type { MessageKey } from '../../../../shared/i18n/translate';
import { useT } from '../../i18n/I18nProvider';

const ROW_HEIGHT = 64;
const rowKey = (row: ConversationView) => row.id;
const optionId = (conversationId: string) => `conversation-option-${conversationId}`;

/**
 * The conversation list: newest first, searchable, virtualized (10,000 rows stay smooth).
 * A WAI-ARIA listbox with one tab stop: the keyboard cursor is `aria-activedescendant`,
 * because with virtualization the row to focus may not exist in the DOM yet.
 */
interface ConversationListProps {
  conversations: ConversationView[];
  selectedId: string | null;
  /** The same function on every render: the list and its rows are memoized on it. */
  onSelect: (id: string) => void;
  /** The search lives with the window's shortcuts (Ctrl/⌘+F focuses it, Esc clears it). */
  query: string;
  setQuery: (query: string) => void;
  search: RefObject<HTMLInputElement | null>;
  emptyNote?: MessageKey;
  /** instanceId → the number's name, to say which number each chat came in on (null: one number only). */
  numberNames?: ReadonlyMap<string, string> | null;
  /** Shown above the search (the number filter). */
  filter?: ReactNode;
  /** Whose drafts the rows show (useDraft's scope: one server and organization). */
  draftScope: string;
}

// Memoized: each push of a burst changes the unread count, and a render of the window for
// that alone must not render the list again.
export const ConversationList = memo(function ConversationList({
  conversations,
  selectedId,
  onSelect,
  query,
  setQuery,
  search,
  emptyNote = 'conversations.empty',
  numberNames = null,
  filter = null,
  draftScope,
}: ConversationListProps) {
  const drafts = useDrafts(draftScope);
  const deferredQuery = useDeferredValue(query);
  const visible = useMemo(
    () => (deferredQuery.trim() ? conversations.filter(searchMatcher(deferredQuery)) : conversations),
    [conversations, deferredQuery],
  );
  const { scroller, virtualizer } = useRowVirtualizer({
    rows: visible,
    keyOf: rowKey,
    rowHeight: ROW_HEIGHT,
    overscan: 8,
  });
  const listbox = useRef<HTMLUListElement>(null);

  const cursor = useListboxCursor({
    conversations,
    visible,
    selectedId,
    query,
    setQuery,
    onSelect,
    virtualizer,
    scroller,
    listbox,
    search,
    rowHeight: ROW_HEIGHT,
  });
  const activeIndex = cursor.activeIndex;

  // A row shows a time today, then "Yesterday", a weekday, a date: it changes only at midnight.
  const now = useToday();
  const activeRow = visible[activeIndex];
  const { t } = useT();
  return (
    <section className="conversations" aria-label={t('conversations.label')}>
      {filter}
      <div className="conversations__search">
        <input
          ref={search}
          className="input"
          type="search"
          placeholder={t('conversations.searchPlaceholder')}
          aria-label={t('conversations.search')}
          aria-controls="conversation-listbox"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={cursor.onSearchKeyDown}
        />
      </div>
      {conversations.length === 0 ? (
        <p className="muted sidebar__note" data-testid="conversations-empty">
          {t(emptyNote)}
        </p>
      ) : null}
      {conversations.length > 0 && visible.length === 0 ? (
        <p className="muted sidebar__note" data-testid="search-empty">
          {t('conversations.noMatch', { query })}
        </p>
      ) : null}
      <SearchResultsStatus query={deferredQuery} count={visible.length} />
      <div className="conversations__scroller" ref={scroller} data-testid="conversation-list">
        <ul
          ref={listbox}
          id="conversation-listbox"
          className="conversations__rows"
          role="listbox"
          aria-label={t('conversations.label')}
          // Nothing to move through: no tab stop that says nothing.
          tabIndex={visible.length > 0 ? 0 : -1}
          aria-activedescendant={activeRow ? optionId(activeRow.id) : undefined}
          onKeyDown={cursor.onListKeyDown}
          onFocus={cursor.onListFocus}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = visible[item.index];
            if (!row) return null;
            return (
              <ConversationRow
                key={item.key}
                id={optionId(row.id)}
                index={item.index}
                count={visible.length}
                row={row}
                selected={row.id === selectedId}
                active={item.index === activeIndex}
                top={item.start}
                height={ROW_HEIGHT}
                now={now}
                numberName={row.instanceId ? (numberNames?.get(row.instanceId) ?? null) : null}
                // The open chat's draft is in its reply box, in view.
                draft={row.id === selectedId ? null : (drafts[row.id] ?? null)}
                onOpen={onSelect}
              />
            );
          })}
        </ul>
      </div>
    </section>
  );
});

/** Said once typing pauses: a count per keystroke would talk over the typing. */
const SEARCH_SETTLE_MS = 600;

/** How many chats a search shows, for screen readers (the list itself changes silently). */
function SearchResultsStatus({ query, count }: { query: string; count: number }) {
  const { t } = useT();
  const searching = query.trim() !== '';
  const now = `${query}\u0000${count}`;
  const [said, setSaid] = useState({ for: '', text: '' });
  useEffect(() => {
    if (!searching) return;
    const timer = setTimeout(
      () => setSaid({ for: now, text: t('conversations.searchResults', { count }) }),
      SEARCH_SETTLE_MS,
    );
    return () => clearTimeout(timer);
  }, [searching, now, count, t]);
  return (
    <p className="visually-hidden" role="status" data-testid="search-results">
      {searching && said.for === now ? said.text : ''}
    </p>
  );
}
