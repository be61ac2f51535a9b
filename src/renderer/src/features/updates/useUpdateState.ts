import { useEffect, useState } from 'react';
import type { UpdateState } from '../../../../shared/updates';
import { getBridge } from '../../bridge/bridge-client';

/** The updater's state, fetched once and kept fresh by main. */
export function useUpdateState(): UpdateState | null {
  const [state, setState] = useState<UpdateState | null>(null);
  useEffect(() => {
    const bridge = getBridge();
    if (!bridge) return;
    let pushed = false;
    const unsubscribe = bridge.on('updates:state', (next) => {
      pushed = true;
      setState(next);
    });
    void bridge.invoke('updates:get-state').then((outcome) => {
      if (outcome.ok && !pushed) setState(outcome.value);
    });
    return unsubscribe;
  }, []);
  return state;
}
