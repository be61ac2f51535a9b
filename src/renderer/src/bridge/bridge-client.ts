/**
 * The renderer's only way to the outside world: `window.auzap`, defined by the
 * Electron preload or by the browser host's bridge script. Same interface either way.
 */
import { useEffect, useSyncExternalStore } from 'react';
import {
  BRIDGE_GLOBAL,
  type AppSnapshot,
  type AuzapBridge,
  type BridgeErrorInfo,
  type CommandArgs,
  type CommandChannel,
  type CommandResult,
  type PushChannel,
  type PushPayload,
} from '../../../shared/bridge';
import { createBridgeStore, type StoreConnection } from './bridge-store';
import type { MessageKey } from '../../../shared/i18n/translate';
import { text, type UserText } from '../../../shared/i18n/user-text';

export class BridgeCommandError extends Error {
  constructor(readonly info: BridgeErrorInfo) {
    super(info.message.key);
    this.name = 'BridgeCommandError';
  }
}

/** What to tell the user about a failed command: main's words, or `fallback` when it never answered. */
export const failureText = (failure: unknown, fallback: MessageKey): UserText =>
  failure instanceof BridgeCommandError ? failure.info.message : text(fallback);

export function getBridge(): AuzapBridge | null {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  return candidate ? (candidate as AuzapBridge) : null;
}

/** Invokes a command and returns its value, or throws a BridgeCommandError whose message is fit to show. */
export async function invoke<C extends CommandChannel>(channel: C, ...args: CommandArgs<C>): Promise<CommandResult<C>> {
  const bridge = getBridge();
  if (!bridge) throw new BridgeCommandError({ code: 'unavailable', message: text('bridge.notRunning') });
  const outcome = await bridge.invoke(channel, ...args);
  if (outcome.ok) return outcome.value;
  throw new BridgeCommandError(outcome.error);
}

export function usePush<P extends PushChannel>(channel: P, listener: (payload: PushPayload<P>) => void): void {
  useEffect(() => getBridge()?.on(channel, listener), [channel, listener]);
}

/**
 * The app snapshot: fetched once, then whole pushes (the first after a start or a
 * reconnect) and patches with only the parts that changed. A patch before the answer
 * is dropped: the host sends it before it answers, so the answer already has it.
 */
export const followAppSnapshot: StoreConnection<AppSnapshot | null> = (bridge, update) => {
  let whole = false;
  const unsubscribe = [
    bridge.on('app:snapshot', (snapshot) => {
      whole = true;
      update(() => snapshot);
    }),
    bridge.on('app:snapshot-patch', (patch) => update((current) => (current ? { ...current, ...patch } : current))),
  ];
  void bridge.invoke('app:get-snapshot').then((outcome) => {
    if (outcome.ok && !whole) update(() => outcome.value);
  });
  return () => unsubscribe.forEach((stop) => stop());
};

const appSnapshotStore = createBridgeStore(null, followAppSnapshot, getBridge);

export const useAppSnapshot = (): AppSnapshot | null =>
  useSyncExternalStore(appSnapshotStore.subscribe, appSnapshotStore.current);
