/**
 * Values main owns (the app snapshot, the conversation list, the update state), held
 * outside React so components read them with `useSyncExternalStore` (the conversation
 * list: as a transition, see useConversations): one bridge subscription per value
 * however many components show it, and every component of a render sees the same value.
 * A store connects to the bridge with its first reader and lets go after its last; its
 * value then starts over, since the next reader fetches afresh.
 *
 * A push changes the value at once, but readers are told once per animation frame (or
 * when `frame` says): a burst of pushes between two frames costs one render, and a lone
 * push still renders before the next paint.
 */
import type {
  AuzapBridge,
  CommandArgs,
  CommandChannel,
  CommandResult,
  PushChannel,
  PushPayload,
} from '../../../shared/bridge';
import { createListeners } from '../../../shared/listeners';
import { nextFrame, type FrameScheduler } from './next-frame';

export interface BridgeStore<T> {
  subscribe(listener: () => void): () => void;
  /** The same object until the value changes (what useSyncExternalStore needs). */
  current(): T;
}

/** Replaces the value with what `next` makes of it; returning the same object changes nothing. */
export type StoreUpdate<T> = (next: (current: T) => T) => void;

/** Subscribes to the bridge and feeds `update`; returns how to unsubscribe. */
export type StoreConnection<T> = (bridge: AuzapBridge, update: StoreUpdate<T>) => () => void;

export function createBridgeStore<T>(
  initial: T,
  connect: StoreConnection<T>,
  bridge: () => AuzapBridge | null,
  frame: FrameScheduler = nextFrame,
): BridgeStore<T> {
  const listeners = createListeners<void>();
  let value = initial;
  let readers = 0;
  let disconnect: (() => void) | null = null;
  let tellQueued = false;

  const tellReaders = () => {
    if (tellQueued) return;
    tellQueued = true;
    frame(() => {
      tellQueued = false;
      listeners.emit();
    });
  };

  const open = () => {
    const found = bridge();
    if (!found) return;
    // An answer that lands after the last reader left belongs to nobody.
    let live = true;
    const stop = connect(found, (next) => {
      if (!live) return;
      const changed = next(value);
      if (Object.is(changed, value)) return;
      value = changed;
      tellReaders();
    });
    disconnect = () => {
      live = false;
      stop();
    };
  };

  return {
    current: () => value,
    subscribe(listener) {
      const remove = listeners.add(listener);
      readers += 1;
      if (readers === 1) open();
      return () => {
        remove();
        readers -= 1;
        if (readers > 0) return;
        disconnect?.();
        disconnect = null;
        value = initial;
      };
    },
  };
}

/**
 * A value fetched once with `command`, then replaced by each `push`. A push that lands
 * before the answer wins, since it is newer.
 */
export function latestValue<C extends CommandChannel, P extends PushChannel>(
  command: C,
  push: P,
): StoreConnection<CommandResult<C> | PushPayload<P> | null> {
  return (bridge, update) => {
    let pushed = false;
    const unsubscribe = bridge.on(push, (payload) => {
      pushed = true;
      update(() => payload);
    });
    void bridge.invoke(command, ...([] as unknown as CommandArgs<C>)).then((outcome) => {
      if (outcome.ok && !pushed) update(() => outcome.value);
    });
    return unsubscribe;
  };
}
