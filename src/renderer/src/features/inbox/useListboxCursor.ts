import type { Virtualizer } from '@tanstack/react-virtual';
import { useState, type KeyboardEvent, type RefObject } from 'react';
import type { ConversationView } from '../../../../shared/inbox';
import { searchMatcher } from './inbox-model';
import { nextListboxIndex } from './listbox-keys';

/** A key pressed with Alt, Ctrl or ⌘: a shortcut, never a cursor move. */
const isChord = (event: KeyboardEvent) => event.altKey || event.ctrlKey || event.metaKey;

interface CursorInput {
  conversations: ConversationView[];
  visible: ConversationView[];
  selectedId: string | null;
  query: string;
  setQuery: (query: string) => void;
  onSelect: (id: string) => void;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scroller: RefObject<HTMLDivElement | null>;
  listbox: RefObject<HTMLUListElement | null>;
  search: RefObject<HTMLInputElement | null>;
  rowHeight: number;
}

/**
 * The conversation list's keyboard cursor: which row ↑/↓, Home/End and PageUp/PageDown are
 * on, Enter to open it, and the search box's ↓ / Enter / Esc. The cursor follows the open
 * conversation and otherwise moves on its own, scrolling its row into view.
 */
export function useListboxCursor(input: CursorInput) {
  const { visible, selectedId, query, setQuery, onSelect, virtualizer, scroller, listbox, search } = input;
  const [activeId, setActiveId] = useState<string | null>(selectedId);
  // Opening a conversation (by click, notification or key) moves the cursor there too;
  // adjusted while rendering, React's pattern for state that follows a prop.
  const [followedId, setFollowedId] = useState(selectedId);
  if (followedId !== selectedId) {
    setFollowedId(selectedId);
    setActiveId(selectedId);
  }
  const activeIndex = activeId === null ? -1 : visible.findIndex((row) => row.id === activeId);

  const moveTo = (index: number) => {
    const row = visible[index];
    if (!row) return;
    setActiveId(row.id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    // A chord (Alt+↓ is "next conversation") belongs to the window's shortcuts, not to the cursor.
    if (isChord(event)) return;
    if (event.key === 'Enter' || event.key === ' ') {
      const row = visible[activeIndex] ?? visible[0];
      if (row) onSelect(row.id);
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape' && query) {
      setQuery('');
      search.current?.focus();
      event.preventDefault();
      return;
    }
    const rowsInView = Math.floor((scroller.current?.clientHeight ?? input.rowHeight) / input.rowHeight);
    const next = nextListboxIndex(event.key, activeIndex, visible.length, Math.max(1, rowsInView - 1));
    if (next === null) return;
    event.preventDefault();
    moveTo(next);
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (isChord(event)) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      listbox.current?.focus();
      moveTo(0);
    } else if (event.key === 'Enter') {
      // The typed query, not the deferred one: Enter right after typing opens what was asked for.
      const first = input.conversations.find(searchMatcher(query));
      if (first) onSelect(first.id);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  // Focus without a cursor yet: on the first row in view, without scrolling. A click on a row
  // far down focuses the list first; scrolling to the top then took the row from under the
  // pointer, and the click opened nothing.
  const onListFocus = () => {
    if (activeIndex >= 0 || visible.length === 0) return;
    const inView = Math.ceil((scroller.current?.scrollTop ?? 0) / input.rowHeight);
    const row = visible[Math.min(inView, visible.length - 1)];
    if (row) setActiveId(row.id);
  };

  return { activeIndex, onListKeyDown, onSearchKeyDown, onListFocus };
}
