/**
 * WhatsApp instances and their connect flows. The list comes from GET /instances and
 * is corrected live by `whatsapp:connected` / `whatsapp:disconnected`; each flow
 * follows one instance from "Connect" to "connected" (or to why it did not work).
 * Only events for a flow's own instance touch that flow.
 */
import type { ConnectFlow, ConnectRequestArgs, ConnectStage, InstanceView } from '../shared/bridge';
import { explainDisconnect } from '../shared/disconnect-reasons';
import type { ServerEvent } from '../shared/events';
import { formatPhoneNumber } from '../shared/phone';
import type { Clock, DesktopNotification, Logger } from './ports';
import { UserFacingError } from './command-dispatcher';
import { RestError, type RestClient } from './rest-client';
import { quoteForLog } from './logging';

/** WhatsApp's schedule: the first QR lives 60 s, each later one 20 s. */
export const QR_FIRST_LIFETIME_MS = 60_000;
export const QR_LATER_LIFETIME_MS = 20_000;
/** How long to wait for the first QR / code after the server accepted the request. */
export const CODE_WAIT_MS = 30_000;

export interface InstancesState {
  items: InstanceView[];
  loadedAt: string | null;
  error: string | null;
}

export interface InstancesModel {
  state(): InstancesState;
  flows(): ConnectFlow[];
  refresh(): Promise<void>;
  connect(args: ConnectRequestArgs): Promise<void>;
  disconnect(instanceId: string): Promise<void>;
  dismiss(instanceId: string): void;
  handleEvent(event: ServerEvent): void;
  stop(): void;
}

export interface InstancesModelOptions {
  rest: RestClient;
  organizationId: string;
  clock: Clock;
  logger: Logger;
  onChange: () => void;
  /** A 401 from REST: the app must ask the user to sign in again. */
  onUnauthorized: (message: string) => void;
  /** Raise a desktop notification unless the user is looking at the window. */
  notify: (notification: DesktopNotification) => void;
  codeWaitMs?: number;
}

export function createInstancesModel(options: InstancesModelOptions): InstancesModel {
  const { rest, clock, logger } = options;
  const codeWaitMs = options.codeWaitMs ?? CODE_WAIT_MS;
  let items: InstanceView[] = [];
  let loadedAt: string | null = null;
  let error: string | null = null;
  const flows = new Map<string, ConnectFlow>();
  const waitTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let refreshInFlight: Promise<void> | null = null;
  let refreshAgain = false;

  const nowIso = (offsetMs = 0) => new Date(clock.now() + offsetMs).toISOString();
  const instanceName = (id: string) => items.find((i) => i.id === id)?.name ?? 'WhatsApp number';

  /** Orders live changes against REST answers (see loadOnce). */
  let changeSeq = 0;
  const changedAt = new Map<string, number>();

  const updateInstance = (id: string, patch: Partial<InstanceView>) => {
    changeSeq += 1;
    changedAt.set(id, changeSeq);
    items = items.map((item) => (item.id === id ? { ...item, ...patch } : item));
  };

  const setStage = (instanceId: string, stage: ConnectStage) => {
    const flow = flows.get(instanceId);
    if (!flow) return;
    if (stage.kind !== 'waiting') clearWait(instanceId);
    flows.set(instanceId, { ...flow, stage });
  };

  const clearWait = (instanceId: string) => {
    const timer = waitTimers.get(instanceId);
    if (timer) clearTimeout(timer);
    waitTimers.delete(instanceId);
  };

  const handleRestFailure = (failure: unknown): string => {
    if (failure instanceof RestError) {
      if (failure.kind === 'unauthorized') options.onUnauthorized(failure.message);
      return failure.message;
    }
    logger.error(`unexpected failure: ${String(failure)}`);
    return 'Something went wrong. Try again.';
  };

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
          phoneNumber: dto.phoneNumber ?? null,
          lastDisconnect: dto.status === 'connected' ? null : (known?.lastDisconnect ?? null),
        };
      });
      loadedAt = nowIso();
      error = null;
    } catch (failure) {
      error = `Could not load the WhatsApp numbers. ${handleRestFailure(failure)}`;
      logger.warn(error);
    }
    options.onChange();
  };

  const refresh = (): Promise<void> => {
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
  };

  const handleEvent = (event: ServerEvent) => {
    switch (event.name) {
      case 'whatsapp:qr': {
        const flow = flows.get(event.payload.instanceId);
        if (!flow || flow.method !== 'qr' || !isAwaitingCredentials(flow.stage)) return;
        const sequence = flow.stage.kind === 'qr' ? flow.stage.sequence + 1 : 1;
        setStage(flow.instanceId, {
          kind: 'qr',
          qr: event.payload.qr,
          generatedAt: event.payload.timestamp,
          receivedAt: nowIso(),
          sequence,
          nextRefreshAt: nowIso(sequence === 1 ? QR_FIRST_LIFETIME_MS : QR_LATER_LIFETIME_MS),
        });
        break;
      }
      case 'whatsapp:pairing-code': {
        const flow = flows.get(event.payload.instanceId);
        if (!flow || flow.method !== 'code' || !isAwaitingCredentials(flow.stage)) return;
        setStage(flow.instanceId, {
          kind: 'code',
          pairingCode: event.payload.pairingCode,
          generatedAt: event.payload.timestamp,
          expiresAt: event.payload.expiresAt,
        });
        break;
      }
      case 'whatsapp:connected': {
        const { instanceId, phoneNumber, organizationId } = event.payload;
        if (organizationId !== options.organizationId) {
          logger.warn(`ignored whatsapp:connected for another organization (${quoteForLog(organizationId)})`);
          return;
        }
        const wasConnected = items.find((i) => i.id === instanceId)?.status === 'connected';
        updateInstance(instanceId, { status: 'connected', phoneNumber, lastDisconnect: null });
        if (flows.has(instanceId)) setStage(instanceId, { kind: 'connected', phoneNumber, at: nowIso() });
        if (!wasConnected) {
          options.notify({
            title: 'WhatsApp connected',
            body: `${instanceName(instanceId)} is now connected as ${formatPhoneNumber(phoneNumber)}.`,
            instanceId,
          });
        }
        void refresh();
        break;
      }
      case 'whatsapp:disconnected': {
        const { instanceId, reason, timestamp } = event.payload;
        updateInstance(instanceId, {
          status: 'disconnected',
          lastDisconnect: { reason: reason ?? null, at: timestamp },
        });
        if (flows.has(instanceId)) setStage(instanceId, { kind: 'ended', reason: reason ?? null, at: nowIso() });
        if (items.some((i) => i.id === instanceId)) {
          const explanation = explainDisconnect(reason);
          options.notify({
            title: `${instanceName(instanceId)}: ${explanation.title}`,
            body: explanation.text,
            instanceId,
          });
        }
        void refresh();
        break;
      }
      case 'whatsapp:message':
        break;
    }
    options.onChange();
  };

  return {
    state: () => ({ items, loadedAt, error }),
    flows: () => [...flows.values()],
    refresh,
    async connect(args) {
      const { instanceId } = args;
      const phoneNumber = args.method === 'code' ? args.phoneNumber : null;
      clearWait(instanceId);
      flows.set(instanceId, {
        instanceId,
        method: args.method,
        phoneNumber,
        startedAt: nowIso(),
        stage: { kind: 'requesting' },
      });
      options.onChange();
      try {
        await rest.connectInstance(
          instanceId,
          args.method === 'qr' ? { method: 'qr' } : { method: 'code', phoneNumber: args.phoneNumber },
        );
      } catch (failure) {
        setStage(instanceId, { kind: 'failed', message: handleRestFailure(failure) });
        options.onChange();
        return;
      }
      const flow = flows.get(instanceId);
      if (!flow) return;
      if (items.find((i) => i.id === instanceId)?.status !== 'connected') {
        updateInstance(instanceId, { status: 'connecting' });
      }
      // The QR may already have arrived while the POST was being answered.
      if (flow.stage.kind !== 'requesting') {
        options.onChange();
        return;
      }
      setStage(instanceId, { kind: 'waiting', since: nowIso(), giveUpAt: nowIso(codeWaitMs) });
      waitTimers.set(
        instanceId,
        setTimeout(() => {
          waitTimers.delete(instanceId);
          const current = flows.get(instanceId);
          if (current?.stage.kind !== 'waiting') return;
          const what = current.method === 'qr' ? 'QR code' : 'pairing code';
          setStage(instanceId, {
            kind: 'failed',
            message: `The server accepted the request but no ${what} arrived within ${Math.round(codeWaitMs / 1000)} seconds.`,
          });
          options.onChange();
        }, codeWaitMs),
      );
      options.onChange();
    },
    async disconnect(instanceId) {
      try {
        await rest.disconnectInstance(instanceId);
      } catch (failure) {
        throw new UserFacingError(handleRestFailure(failure));
      }
    },
    dismiss(instanceId) {
      clearWait(instanceId);
      if (flows.delete(instanceId)) options.onChange();
    },
    handleEvent,
    stop() {
      for (const timer of waitTimers.values()) clearTimeout(timer);
      waitTimers.clear();
    },
  };
}

/** A flow takes a new QR / code only while it is waiting for one or showing one. */
function isAwaitingCredentials(stage: ConnectStage): boolean {
  return stage.kind === 'requesting' || stage.kind === 'waiting' || stage.kind === 'qr' || stage.kind === 'code';
}
