import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { MessageView } from '../../../../shared/inbox';
import { messageKey, type ThreadRow } from './thread-rows';
import { useRowVirtualizer } from './useRowVirtualizer';

/** Closer to the bottom than this counts as "at the bottom" (a bubble's worth). */
const AT_BOTTOM_PX = 80;

const ROW_HEIGHT = 56;
const rowKey = (row: ThreadRow) => row.key;

/** A scroll this soon after the user's wheel, touch or key is theirs; later ones are layout's. */
const INTENT_MS = 1000;

/**
 * Whether the user is moving the thread themselves. A resize re-wraps every bubble, the
 * virtualizer then re-measures rows one by one and shifts the scroll offset to match, and
 * those scroll events land mid-way, away from the bottom: only the user's own scrolling may
 * unpin the view.
 */
function useScrollIntent(scroller: RefObject<HTMLDivElement | null>): () => boolean {
  const lastIntent = useRef(-Infinity);
  const pointerDown = useRef(false);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const note = () => {
      lastIntent.current = performance.now();
    };
    const press = () => {
      pointerDown.current = true;
      note();
    };
    const release = () => {
      pointerDown.current = false;
    };
    const events = ['wheel', 'touchmove', 'keydown'] as const;
    for (const type of events) el.addEventListener(type, note, { passive: true });
    el.addEventListener('pointerdown', press);
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
    return () => {
      for (const type of events) el.removeEventListener(type, note);
      el.removeEventListener('pointerdown', press);
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
    };
  }, [scroller]);
  return useCallback(() => pointerDown.current || performance.now() - lastIntent.current < INTENT_MS, []);
}

function showBottom(el: HTMLElement | null): void {
  if (el) el.scrollTop = el.scrollHeight;
}

export interface ThreadScroll {
  scroller: RefObject<HTMLDivElement | null>;
  /** The rows on screen (virtualized: 5,000 messages stay smooth). */
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** Tells whether the user is at the bottom; the view calls it from its scroll handler. */
  trackScroll(): void;
  /** The user has scrolled up: "Jump to latest" shows. */
  scrolledUp: boolean;
  /** Messages that arrived below while the user was scrolled up. */
  newSince: number;
  jumpToLatest(): void;
}

/**
 * Where the thread is scrolled. Opening lands on the unread divider (or the bottom); then
 * the view stays at the bottom through new messages and resizes while the user is there,
 * and stays where the user is once they scrolled up.
 */
export function useThreadScroll({
  rows,
  messages,
  ready,
}: {
  rows: readonly ThreadRow[];
  messages: readonly MessageView[];
  /** The first page is in: time to place the view. */
  ready: boolean;
}): ThreadScroll {
  // `scroller` is the same ref object on every render: listing it in effects re-runs nothing.
  const { scroller, virtualizer } = useRowVirtualizer({ rows, keyOf: rowKey, rowHeight: ROW_HEIGHT, overscan: 10 });
  const userIsScrolling = useScrollIntent(scroller);
  const stick = useRef(true);
  const positioned = useRef(false);
  const [scrolledUp, setScrolledUp] = useState(false);
  /** The newest message the user has had in view at the bottom. */
  const [seenKey, setSeenKey] = useState<string | null>(null);
  const last = messages[messages.length - 1];
  const lastKey = last ? messageKey(last) : null;

  // Opening: the first unread message at the top, or the newest at the bottom.
  useLayoutEffect(() => {
    if (positioned.current || !ready || rows.length === 0) return;
    positioned.current = true;
    setSeenKey(lastKey);
    const unreadIndex = rows.findIndex((row) => row.kind === 'unread');
    if (unreadIndex < 0) return showBottom(scroller.current);
    stick.current = false;
    // The day the unread begin on stays in view too, when its label sits right above the divider.
    const landing = rows[unreadIndex - 1]?.kind === 'day' ? unreadIndex - 1 : unreadIndex;
    virtualizer.scrollToIndex(landing, { align: 'start' });
    // When what is unread fits above the bottom no scroll event may follow: read once laid out
    // whether the view is at the bottom (then it follows new messages) or not ("Jump to latest").
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const el = scroller.current;
        if (!el || stick.current) return;
        const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < AT_BOTTOM_PX;
        stick.current = atBottom;
        setScrolledUp(!atBottom);
      }),
    );
  }, [ready, rows, lastKey, virtualizer, scroller]);

  // A reply typed here goes to the bottom, wherever the user was reading.
  useLayoutEffect(() => {
    if (positioned.current && last?.direction === 'outgoing' && last.status === 'sending') stick.current = true;
  }, [last]);

  const totalSize = virtualizer.getTotalSize();
  useKeepReadingPlace(scroller, messages, totalSize, () => positioned.current && !stick.current);
  useLayoutEffect(() => {
    if (!positioned.current || !stick.current) return;
    showBottom(scroller.current);
    setSeenKey(lastKey);
  }, [totalSize, lastKey, scroller]);

  // Window resizes and a growing reply box change the view's height, not its content.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (positioned.current && stick.current) showBottom(el);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [scroller]);

  const trackScroll = () => {
    const el = scroller.current;
    if (!el || !positioned.current) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < AT_BOTTOM_PX;
    if (!atBottom && stick.current && !userIsScrolling()) {
      // Layout moved the view (re-wrapped rows being measured), not the reader: back down.
      showBottom(el);
      return;
    }
    stick.current = atBottom;
    setScrolledUp(!atBottom);
    if (atBottom) setSeenKey(lastKey);
  };

  const jumpToLatest = () => {
    stick.current = true;
    setScrolledUp(false);
    setSeenKey(lastKey);
    showBottom(scroller.current);
  };

  const seenIndex = seenKey === null ? -1 : messages.findIndex((m) => messageKey(m) === seenKey);
  const newSince = seenIndex < 0 ? 0 : messages.length - 1 - seenIndex;
  return { scroller, virtualizer, trackScroll, scrolledUp, newSince, jumpToLatest };
}

/**
 * Older messages put in above (a page read back to) or let go of (memory) must not move what
 * the reader is reading: the view moves by what the content above grew or shrank. Without it
 * the view stayed at the top, showing the oldest message of the page (some 50 skipped), and,
 * at the very top, no further scroll asked for the next page.
 */
function useKeepReadingPlace(
  scroller: RefObject<HTMLDivElement | null>,
  messages: readonly MessageView[],
  totalSize: number,
  reading: () => boolean,
): void {
  const first = messages[0];
  const firstKey = first ? messageKey(first) : null;
  const before = useRef({ firstKey, totalSize, reading: false });
  useLayoutEffect(() => {
    const previous = before.current;
    before.current = { firstKey, totalSize, reading: reading() };
    const el = scroller.current;
    // Only what came in above a view already placed: a page read back before the view was
    // placed (to reach the first unread) came in with the placing, which accounts for it.
    if (!el || previous.firstKey === null || previous.firstKey === firstKey || !previous.reading) return;
    shiftView(el, totalSize - previous.totalSize);
  }, [firstKey, totalSize, scroller, reading]);
}

function shiftView(el: HTMLElement, by: number): void {
  el.scrollTop += by;
}
