import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ThreadState } from './useThread';

/** Closer to the top than this asks for the older page. */
const NEAR_TOP_PX = 40;

/**
 * Older messages come in when the reader reaches the top: from a scroll, and also when the
 * view is already there with no scroll to come (the unread begin on the first message held,
 * or a few messages do not fill the window), or they would be out of reach.
 */
export function useOlderPages(
  thread: ThreadState,
  scroller: RefObject<HTMLDivElement | null>,
): { loadingOlder: boolean; loadOlderAtTop: () => void } {
  const [loadingOlder, setLoadingOlder] = useState(false);
  // A ref, not only state: a scroll and the laid-out check in one frame must not ask twice.
  const asking = useRef(false);
  const { loading, hasOlder, error, loadOlder, messages } = thread;

  /** Asks for the older page when the view is at the top; true when it asked. */
  const loadOlderAtTop = (): boolean => {
    const el = scroller.current;
    if (!el || el.scrollTop >= NEAR_TOP_PX || !hasOlder || loading || asking.current) return false;
    asking.current = true;
    setLoadingOlder(true);
    void loadOlder().finally(() => {
      asking.current = false;
      setLoadingOlder(false);
    });
    return true;
  };

  // How many messages there were when the view last asked by itself: a page that added
  // nothing (memory let go of the oldest meanwhile, a server ignoring the cursor) must not
  // have it ask again and again, two frames apart.
  const askedWith = useRef<number | null>(null);

  // Looked at once laid out (the view is placed in a layout effect, and rows are measured
  // after). A page that failed is tried again by useThread, not here.
  useEffect(() => {
    if (loading || !hasOlder || loadingOlder || error || askedWith.current === messages.length) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        if (loadOlderAtTop()) askedWith.current = messages.length;
      });
    });
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loadOlderAtTop reads these same values
  }, [messages, loading, hasOlder, loadingOlder, error]);

  return { loadingOlder, loadOlderAtTop };
}
