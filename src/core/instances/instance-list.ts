/**
 * The organization's WhatsApp numbers: loaded from GET /instances, corrected live by
 * events. A REST answer that left before a live event is older than the event, so it
 * never undoes it.
 */
import type { InstanceView } from '../../shared/bridge';
import type { Clock, Logger } from '../ports';
import type { RestClient } from '../rest-client';
import type { RestFailureWords } from '../rest-failure';

export interface InstancesState {
  items: InstanceView[];
  loadedAt: string | null;
  error: string | null;
}

export interface InstanceList {
  state(): InstancesState;
  find(instanceId: string): InstanceView | undefined;
  /** Applies a live change (an event, a connect request). */
  update(instanceId: string, patch: Partial<InstanceView>): void;
  /** Reloads from the server; calls made during a reload are folded into one more. */
  refresh(): Promise<void>;
}

export function createInstanceList(options: {
  rest: RestClient;
  clock: Clock;
  logger: Logger;
  wordsFor: RestFailureWords;
  onChange: () => void;
}): InstanceList {
  const { rest, clock, logger } = options;
  let items: InstanceView[] = [];
  let loadedAt: string | null = null;
  let error: string | null = null;
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
    } catch (failure) {
      error = `Could not load the WhatsApp numbers. ${options.wordsFor(failure)}`;
      logger.warn(error);
    }
    options.onChange();
  };

  return {
    state: () => ({ items, loadedAt, error }),
    find: (instanceId) => items.find((item) => item.id === instanceId),
    update(instanceId, patch) {
      changeSeq += 1;
      changedAt.set(instanceId, changeSeq);
      items = items.map((item) => (item.id === instanceId ? { ...item, ...patch } : item));
    },
    refresh() {
      // Events can ask for many refreshes in a burst: run one at a time, and one more
      // afterwards if anything asked meanwhile, so the last answer is always fresh.
      if (refreshInFlight) {
        refreshAgain = true;
        return refreshInFlight;
      }
      refreshInFlight = (async () => {
        do {
          refreshAgain = false;
          await loadOnce();
        } while (refreshAgain);
      })().finally(() => {
        refreshInFlight = null;
      });
      return refreshInFlight;
    },
  };
}
