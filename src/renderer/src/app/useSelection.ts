import { useCallback, useState } from 'react';
import type { AppSnapshot } from '../../../shared/bridge';
import { usePush } from '../bridge/bridge-client';
import type { FixRequest } from '../../../shared/settings-fix';

export type Selection =
  | { kind: 'home' }
  /** `fixRequest`: which connection field to focus, fresh each time it is asked for. */
  | { kind: 'settings'; fixRequest?: FixRequest }
  | { kind: 'instance'; id: string }
  | { kind: 'conversation'; id: string };

/**
 * What the main area shows. A clicked notification opens its conversation (or its number's page); a window
 * reloaded in the middle of linking a number goes straight back to that flow.
 */
export function useSelection(snapshot: AppSnapshot | null): [Selection, (next: Selection) => void] {
  const [selection, setShown] = useState<Selection>(savedSelection);
  // Kept for the window's session: a reload (a renderer crash, a restarted browser host) comes back to it.
  const setSelection = useCallback((next: Selection) => {
    setShown(next);
    saveSelection(next);
  }, []);

  usePush(
    'ui:open-conversation',
    useCallback(({ conversationId }) => setSelection({ kind: 'conversation', id: conversationId }), [setSelection]),
  );
  usePush(
    'ui:open-instance',
    useCallback(({ instanceId }) => setSelection({ kind: 'instance', id: instanceId }), [setSelection]),
  );

  const firstFlowId = snapshot?.connectFlows[0]?.instanceId ?? null;
  const [resumed, setResumed] = useState(false);
  if (!resumed && snapshot) {
    setResumed(true);
    if (firstFlowId) setSelection({ kind: 'instance', id: firstFlowId });
  }
  return [selection, setSelection];
}

const SAVED_SELECTION = 'auzap.selection';

/** A chat or a number's page shown before a reload of this window; else the start. */
function savedSelection(): Selection {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(SAVED_SELECTION) ?? 'null');
    if (typeof saved === 'object' && saved !== null && 'kind' in saved && 'id' in saved) {
      const { kind, id } = saved;
      if ((kind === 'conversation' || kind === 'instance') && typeof id === 'string') return { kind, id };
    }
  } catch {
    // Unreadable (storage off, damaged): the start.
  }
  return { kind: 'home' };
}

function saveSelection(selection: Selection): void {
  try {
    const kept = selection.kind === 'conversation' || selection.kind === 'instance' ? selection : { kind: 'home' };
    sessionStorage.setItem(SAVED_SELECTION, JSON.stringify(kept));
  } catch {
    // Not kept: a reload starts from the start.
  }
}
