/**
 * Connect flows: each follows one instance from "Connect" to "connected" (or to why
 * it did not work), with the QR / pairing code the server sends for that instance
 * only, and a deadline for the first code.
 */
import type { ConnectFlow, ConnectRequestArgs, ConnectStage } from '../../shared/bridge';
import type { WhatsAppPairingCodeEvent, WhatsAppQrEvent } from '../../shared/events';
import type { Scheduler, Timer } from '../ports';
import type { RestClient } from '../rest-client';
import type { RestFailureWords } from '../rest-failure';
import { text } from '../../shared/i18n/user-text';

/** WhatsApp's schedule: the first QR lives 60 s, each later one 20 s. */
export const QR_FIRST_LIFETIME_MS = 60_000;
export const QR_LATER_LIFETIME_MS = 20_000;
/** How long to wait for the first QR / code after the server accepted the request. */
export const CODE_WAIT_MS = 30_000;

export interface ConnectFlows {
  list(): ConnectFlow[];
  has(instanceId: string): boolean;
  /** The flow is still trying to link (asking, waiting for a code, or showing one). */
  isTrying(instanceId: string): boolean;
  /** Starts (or restarts) a flow; resolves once the server answered the request. */
  start(args: ConnectRequestArgs, onAccepted: () => void): Promise<void>;
  dismiss(instanceId: string): void;
  /** Events change the stage only; the caller publishes once per event. */
  qrArrived(event: WhatsAppQrEvent): void;
  codeArrived(event: WhatsAppPairingCodeEvent): void;
  /** The flow's instance connected or was disconnected: the flow ends there. */
  finish(instanceId: string, stage: Extract<ConnectStage, { kind: 'connected' | 'ended' }>): void;
  stop(): void;
}

export function createConnectFlows(options: {
  rest: RestClient;
  clock: Scheduler;
  wordsFor: RestFailureWords;
  onChange: () => void;
  codeWaitMs?: number;
}): ConnectFlows {
  const { clock } = options;
  const codeWaitMs = options.codeWaitMs ?? CODE_WAIT_MS;
  const flows = new Map<string, ConnectFlow>();
  const waits = new Map<string, Timer>();
  const nowIso = (offsetMs = 0) => new Date(clock.now() + offsetMs).toISOString();

  const clearWait = (instanceId: string) => {
    waits.get(instanceId)?.cancel();
    waits.delete(instanceId);
  };
  const setStage = (instanceId: string, stage: ConnectStage) => {
    const flow = flows.get(instanceId);
    if (!flow) return;
    if (stage.kind !== 'waiting') clearWait(instanceId);
    flows.set(instanceId, { ...flow, stage });
  };
  const isTrying = (instanceId: string) => {
    const stage = flows.get(instanceId)?.stage.kind;
    return stage === 'requesting' || stage === 'waiting' || stage === 'qr' || stage === 'code';
  };
  /** A flow takes a new QR / code only while it is waiting for one or showing one. */
  const awaiting = (instanceId: string, method: ConnectFlow['method']) => {
    const flow = flows.get(instanceId);
    return flow && flow.method === method && isTrying(instanceId) ? flow : null;
  };

  const giveUpLater = (instanceId: string) => {
    setStage(instanceId, { kind: 'waiting', since: nowIso(), giveUpAt: nowIso(codeWaitMs) });
    waits.set(
      instanceId,
      clock.setTimeout(() => {
        waits.delete(instanceId);
        const current = flows.get(instanceId);
        if (current?.stage.kind !== 'waiting') return;
        setStage(instanceId, {
          kind: 'failed',
          message: text(current.method === 'qr' ? 'connect.noQrArrived' : 'connect.noCodeArrived', {
            seconds: Math.round(codeWaitMs / 1000),
          }),
        });
        options.onChange();
      }, codeWaitMs),
    );
  };

  return {
    list: () => [...flows.values()],
    has: (instanceId) => flows.has(instanceId),
    isTrying,
    async start(args, onAccepted) {
      const { instanceId } = args;
      clearWait(instanceId);
      const phoneNumber = args.method === 'code' ? args.phoneNumber : null;
      flows.set(instanceId, {
        instanceId,
        method: args.method,
        phoneNumber,
        startedAt: nowIso(),
        stage: { kind: 'requesting' },
      });
      options.onChange();
      try {
        await options.rest.connectInstance(
          instanceId,
          args.method === 'qr' ? { method: 'qr' } : { method: 'code', phoneNumber: args.phoneNumber },
        );
      } catch (failure) {
        setStage(instanceId, { kind: 'failed', message: options.wordsFor(failure) });
        options.onChange();
        return;
      }
      const flow = flows.get(instanceId);
      if (!flow) return;
      onAccepted();
      // The QR may already have arrived while the POST was being answered.
      if (flow.stage.kind === 'requesting') giveUpLater(instanceId);
      options.onChange();
    },
    dismiss(instanceId) {
      clearWait(instanceId);
      if (flows.delete(instanceId)) options.onChange();
    },
    qrArrived({ instanceId, qr, timestamp }) {
      const flow = awaiting(instanceId, 'qr');
      if (!flow) return;
      const sequence = flow.stage.kind === 'qr' ? flow.stage.sequence + 1 : 1;
      setStage(instanceId, {
        kind: 'qr',
        qr,
        generatedAt: timestamp,
        receivedAt: nowIso(),
        sequence,
        nextRefreshAt: nowIso(sequence === 1 ? QR_FIRST_LIFETIME_MS : QR_LATER_LIFETIME_MS),
      });
    },
    codeArrived({ instanceId, pairingCode, timestamp, expiresAt }) {
      if (!awaiting(instanceId, 'code')) return;
      setStage(instanceId, { kind: 'code', pairingCode, generatedAt: timestamp, expiresAt });
    },
    finish(instanceId, stage) {
      if (flows.has(instanceId)) setStage(instanceId, stage);
    },
    stop() {
      for (const timer of waits.values()) timer.cancel();
      waits.clear();
    },
  };
}
