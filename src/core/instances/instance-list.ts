/**
 * The organization's WhatsApp numbers: loaded from GET /instances, corrected live by
 * events. A REST answer that left before a live event is older than the event, so it
 * never undoes it. A load that failed is tried again by itself (5 s, doubling to a
 * minute), as the inbox's sync is: the numbers must not stay "could not load" for good
 * after one bad answer. Not after a 401: that waits for the user to sign in again.
 */
import type { InstanceView } from '../../shared/bridge';
import type { Logger, Scheduler, Timer } from '../ports';
import { RestError, type RestClient } from '../rest-client';
import type { RestFailureWords } from '../rest-failure';
import { nextRetryDelay } from '../retry-delay';
import { text, type UserText } from '../../shared/i18n/user-text';
import { describeError } from '../../shared/errors';

export interface InstancesState {
  items: InstanceView[];
  loadedAt: string | null;
  error: UserText | null;
}

export interface InstanceList {
  state(): InstancesState;
  find(instanceId: string): InstanceView | undefined;
  /** Applies a live change (an event, a connect request). */
  update(instanceId: string, patch: Partial<InstanceView>): void;
  /** Reloads from the server; calls made during a reload are folded into one more. */
  refresh(): Promise<void>;
  /** No more retries (the connection is closing). */
  stop(): void;
}

export const INSTANCES_RETRY_MIN_MS = 5_000;
export const INSTANCES_RETRY_MAX_MS = 60_000;

export function createInstanceList(options: {
  rest: RestClient;
  clock: Scheduler;
  logger: Logger;
  wordsFor: RestFailureWords;
  onChange: () => void;
}): InstanceList {
  const { rest, clock, logger } = options;
  let retryTimer: Timer | null = null;
  let retryDelayMs = 0;
  let stopped = false;
  let items: InstanceView[] = [];
  let loadedAt: string | null = null;
  let error: UserText | null = null;
  let refreshInFlight: Promise<void> | null = null;
  let refreshAgain = false;

  /** Orders live changes against REST answers (see loadOnce). */
  let changeSeq = 0;
  const changedAt = new Map<string, number>();

  const loadOnce = async () => {
    const startedAt = changeSeq;
    try {
      const list = await rest.listInstances();
      const previous = new Map(items.map((i) => [i.id, i]));
      items = list.map((dto) => {
        const known = previous.get(dto.id);
        // An event that arrived while this answer was on its way is newer than the answer.
        if (known && (changedAt.get(dto.id) ?? 0) > startedAt) return { ...known, name: dto.name };
        return {
          id: dto.id,
          name: dto.name,
          status: dto.status,
          // A dropped number keeps showing the phone it was linked as, even if the server forgets it.
          phoneNumber: dto.phoneNumber ?? known?.phoneNumber ?? null,
          lastDisconnect: dto.status === 'connected' ? null : (known?.lastDisconnect ?? null),
        };
      });
      loadedAt = new Date(clock.now()).toISOString();
      error = null;
      retryDelayMs = 0;
      retryTimer?.cancel();
      retryTimer = null;
    } catch (failure) {
      error = text('instances.loadFailed', { reason: options.wordsFor(failure) });
      logger.warn(`could not load the WhatsApp numbers: ${describeError(failure)}`);
      if (!(failure instanceof RestError && failure.kind === 'unauthorized')) retryLater();
    }
    options.onChange();
  };

  const retryLater = () => {
    if (stopped || retryTimer) return;
    retryDelayMs = nextRetryDelay(retryDelayMs, { minMs: INSTANCES_RETRY_MIN_MS, maxMs: INSTANCES_RETRY_MAX_MS });
    retryTimer = clock.setTimeout(() => {
      retryTimer = null;
      void refresh();
    }, retryDelayMs);
  };

  const refresh = (): Promise<void> => {
    // Events can ask for many refreshes in a burst: run one at a time, and one more
    // afterwards if anything asked meanwhile, so the last answer is always fresh.
    if (refreshInFlight) {
      refreshAgain = true;
      return refreshInFlight;
    }
    retryTimer?.cancel();
    retryTimer = null;
    refreshInFlight = (async () => {
      do {
        refreshAgain = false;
        await loadOnce();
      } while (refreshAgain && !stopped);
    })().finally(() => {
      refreshInFlight = null;
    });
    return refreshInFlight;
  };

  return {
    state: () => ({ items, loadedAt, error }),
    find: (instanceId) => items.find((item) => item.id === instanceId),
    update(instanceId, patch) {
      changeSeq += 1;
      changedAt.set(instanceId, changeSeq);
      items = items.map((item) => (item.id === instanceId ? { ...item, ...patch } : item));
    },
    refresh,
    stop() {
      stopped = true;
      retryTimer?.cancel();
      retryTimer = null;
    },
  };
}
