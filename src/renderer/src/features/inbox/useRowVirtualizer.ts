import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, type RefObject } from 'react';

export interface RowVirtualizer {
  /** The element that scrolls: the view puts this ref on it. */
  scroller: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
}

/**
 * A virtualized list of `rows` in a scroller of its own, each row known by `keyOf` so a
 * measured row keeps its size when rows are added or removed around it. `keyOf` must be
 * defined outside the component (a module-level function): the item-key function handed
 * to the virtualizer stays the same until `rows` change, because a new one makes it
 * measure every row again (thousands of them) on every scroll.
 */
export function useRowVirtualizer<Row>({
  rows,
  keyOf,
  rowHeight,
  overscan,
}: {
  rows: readonly Row[];
  keyOf: (row: Row) => string;
  /** The height a row is taken to have until it is measured. */
  rowHeight: number;
  /** Rows rendered beyond each edge of the view. */
  overscan: number;
}): RowVirtualizer {
  const scroller = useRef<HTMLDivElement>(null);
  const getItemKey = useCallback(
    (index: number) => {
      const row = rows[index];
      return row === undefined ? index : keyOf(row);
    },
    [rows, keyOf],
  );
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    overscan,
    getItemKey,
  });
  return { scroller, virtualizer };
}
