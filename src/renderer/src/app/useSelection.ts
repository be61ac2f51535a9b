import { useCallback, useState } from 'react';
import type { AppSnapshot } from '../../../shared/bridge';
import { usePush } from '../bridge/bridge-client';

export type Selection =
  | { kind: 'home' }
  /** `signInRequest`: a fresh number each time the sign-in field must be opened and focused. */
  | { kind: 'settings'; signInRequest?: number }
  | { kind: 'instance'; id: string }
  | { kind: 'conversation'; id: string };

/**
 * What the main area shows. A clicked notification opens its conversation (or its number's page); a window
 * reloaded in the middle of linking a number goes straight back to that flow.
 */
export function useSelection(snapshot: AppSnapshot | null): [Selection, (next: Selection) => void] {
  const [selection, setSelection] = useState<Selection>({ kind: 'home' });

  usePush(
    'ui:open-conversation',
    useCallback(({ conversationId }) => setSelection({ kind: 'conversation', id: conversationId }), []),
  );
  usePush(
    'ui:open-instance',
    useCallback(({ instanceId }) => setSelection({ kind: 'instance', id: instanceId }), []),
  );

  const firstFlowId = snapshot?.connectFlows[0]?.instanceId ?? null;
  const [resumed, setResumed] = useState(false);
  if (!resumed && snapshot) {
    setResumed(true);
    if (firstFlowId) setSelection({ kind: 'instance', id: firstFlowId });
  }
  return [selection, setSelection];
}
