/**
 * The renderer's only way to the outside world: `window.auzap`, defined by the
 * Electron preload or by the browser host's bridge script. Same interface either way.
 */
import { useEffect, useState } from 'react';
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

export class BridgeCommandError extends Error {
  constructor(readonly info: BridgeErrorInfo) {
    super(info.message);
    this.name = 'BridgeCommandError';
  }
}

export function getBridge(): AuzapBridge | null {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  return candidate ? (candidate as AuzapBridge) : null;
}

/** Invokes a command and returns its value, or throws a BridgeCommandError whose message is fit to show. */
export async function invoke<C extends CommandChannel>(channel: C, ...args: CommandArgs<C>): Promise<CommandResult<C>> {
  const bridge = getBridge();
  if (!bridge) throw new BridgeCommandError({ code: 'unavailable', message: 'AuZap is not running.' });
  const outcome = await bridge.invoke(channel, ...args);
  if (outcome.ok) return outcome.value;
  throw new BridgeCommandError(outcome.error);
}

export function usePush<P extends PushChannel>(channel: P, listener: (payload: PushPayload<P>) => void): void {
  useEffect(() => getBridge()?.on(channel, listener), [channel, listener]);
}

/**
 * A value main owns: fetched once with `command`, then kept fresh by `push`. A push
 * that lands before the answer wins, since it is newer.
 */
export function useBridgeValue<C extends CommandChannel, P extends PushChannel>(
  command: C,
  push: P,
): CommandResult<C> | PushPayload<P> | null {
  const [value, setValue] = useState<CommandResult<C> | PushPayload<P> | null>(null);
  useEffect(() => {
    const bridge = getBridge();
    if (!bridge) return;
    let pushed = false;
    const unsubscribe = bridge.on(push, (payload) => {
      pushed = true;
      setValue(payload);
    });
    void bridge.invoke(command, ...([] as unknown as CommandArgs<C>)).then((outcome) => {
      if (outcome.ok && !pushed) setValue(outcome.value);
    });
    return unsubscribe;
  }, [command, push]);
  return value;
}

export const useAppSnapshot = (): AppSnapshot | null => useBridgeValue('app:get-snapshot', 'app:snapshot');
