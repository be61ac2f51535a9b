import { useSyncExternalStore } from 'react';
import type { UpdateState } from '../../../../shared/updates';
import { getBridge } from '../../bridge/bridge-client';
import { createBridgeStore, latestValue } from '../../bridge/bridge-store';

const updateStateStore = createBridgeStore(null, latestValue('updates:get-state', 'updates:state'), getBridge);

/** The updater's state, fetched once and kept fresh by main. */
export const useUpdateState = (): UpdateState | null =>
  useSyncExternalStore(updateStateStore.subscribe, updateStateStore.current);
