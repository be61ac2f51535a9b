import type { UpdateState } from '../../../../shared/updates';
import { useBridgeValue } from '../../bridge/bridge-client';

/** The updater's state, fetched once and kept fresh by main. */
export const useUpdateState = (): UpdateState | null => useBridgeValue('updates:get-state', 'updates:state');
