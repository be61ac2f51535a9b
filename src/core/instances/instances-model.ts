/**
 * WhatsApp instances and their connect flows. The list comes from GET /instances and
 * is corrected live by `whatsapp:connected` / `whatsapp:disconnected`; each flow
 * follows one instance from "Connect" to "connected" (or to why it did not work).
 * Only events for a flow's own instance touch that flow.
 */
import type { ConnectFlow, ConnectRequestArgs } from '../../shared/bridge';
import { explainDisconnect } from '../../shared/disconnect-reasons';
import type { ServerEvent } from '../../shared/events';
import type { Translator } from '../../shared/i18n/translate';
import { say, type UserText } from '../../shared/i18n/user-text';
import { formatPhoneNumber } from '../../shared/phone';
import type { DesktopNotification, Logger, Scheduler } from '../ports';
import type { RestClient } from '../rest-client';
import { describeError } from '../../shared/errors';
import { quoteForLog } from '../logging';
import { restFailureWords } from '../rest-failure';
import { UserFacingError } from '../user-facing-error';
import { createConnectFlows } from './connect-flows';
import { createInstanceList, type InstancesState } from './instance-list';

export type { InstancesState } from './instance-list';

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
  clock: Scheduler;
  logger: Logger;
  onChange: () => void;
  /** A 401 from REST: the app must ask the user to sign in again. */
  onUnauthorized: (detail: UserText) => void;
  /** Raise a desktop notification unless the user is looking at the window. */
  notify: (notification: DesktopNotification) => void;
  /** The app's language at the moment of notifying. */
  words: () => Translator;
  codeWaitMs?: number;
}

export function createInstancesModel(options: InstancesModelOptions): InstancesModel {
  const { rest, clock, logger, onChange } = options;
  const wordsFor = restFailureWords({ logger, onUnauthorized: options.onUnauthorized, area: 'instances' });
  const list = createInstanceList({ rest, clock, logger, wordsFor, onChange });
  const flows = createConnectFlows({ rest, clock, wordsFor, onChange, codeWaitMs: options.codeWaitMs });
  const nowIso = () => new Date(clock.now()).toISOString();
  const nameOf = (instanceId: string) => list.find(instanceId)?.name || options.words().t('instance.unnamed');
  /** Attempts the user cancelled: the server's 'manual' end of them is no news to announce. */
  const cancelled = new Set<string>();

  /** Cancel means stop trying: the server ends the attempt (it then says 'whatsapp:disconnected', reason manual). */
  const cancelAttempt = (instanceId: string) => {
    cancelled.add(instanceId);
    void Promise.resolve()
      .then(() => rest.disconnectInstance(instanceId))
      .catch((failure: unknown) => {
        cancelled.delete(instanceId);
        logger.warn(
          `cancelling the connection attempt of ${quoteForLog(instanceId)} failed: ${describeError(failure)}`,
        );
        void list.refresh();
      });
  };

  const connected = (event: Extract<ServerEvent, { name: 'whatsapp:connected' }>['payload']) => {
    const { instanceId, phoneNumber, organizationId } = event;
    if (organizationId !== options.organizationId) {
      logger.warn(`ignored whatsapp:connected for another organization (${quoteForLog(organizationId)})`);
      return;
    }
    const wasConnected = list.find(instanceId)?.status === 'connected';
    list.update(instanceId, { status: 'connected', phoneNumber, lastDisconnect: null });
    flows.finish(instanceId, { kind: 'connected', phoneNumber, at: nowIso() });
    if (!wasConnected) {
      const { t } = options.words();
      options.notify({
        title: t('notification.whatsappConnected'),
        body: t('notification.connectedAs', { name: nameOf(instanceId), phone: formatPhoneNumber(phoneNumber) }),
        instanceId,
      });
    }
    void list.refresh();
  };

  const disconnected = (event: Extract<ServerEvent, { name: 'whatsapp:disconnected' }>['payload']) => {
    const { instanceId, reason, timestamp } = event;
    const userCancelled = cancelled.delete(instanceId) && reason === 'manual';
    // A cancelled attempt is not a drop: the number stays as it was before (never linked, or its last drop).
    const lastDisconnect = userCancelled
      ? (list.find(instanceId)?.lastDisconnect ?? null)
      : { reason: reason ?? null, at: timestamp };
    list.update(instanceId, { status: 'disconnected', lastDisconnect });
    flows.finish(instanceId, { kind: 'ended', reason: reason ?? null, at: nowIso() });
    if (list.find(instanceId) && !userCancelled) {
      const explanation = explainDisconnect(reason);
      const words = options.words();
      options.notify({
        title: words.t('notification.disconnected', { name: nameOf(instanceId), title: say(words, explanation.title) }),
        body: say(words, explanation.text),
        instanceId,
      });
    }
    void list.refresh();
  };

  return {
    state: list.state,
    flows: flows.list,
    refresh: list.refresh,
    connect: (args) =>
      flows.start(args, () => {
        if (list.find(args.instanceId)?.status !== 'connected') list.update(args.instanceId, { status: 'connecting' });
      }),
    async disconnect(instanceId) {
      try {
        await rest.disconnectInstance(instanceId);
      } catch (failure) {
        throw new UserFacingError(wordsFor(failure));
      }
    },
    dismiss(instanceId) {
      const trying = flows.isTrying(instanceId);
      flows.dismiss(instanceId);
      if (trying && list.find(instanceId)?.status !== 'connected') cancelAttempt(instanceId);
    },
    handleEvent(event) {
      if (event.name === 'whatsapp:qr') flows.qrArrived(event.payload);
      else if (event.name === 'whatsapp:pairing-code') flows.codeArrived(event.payload);
      else if (event.name === 'whatsapp:connected') connected(event.payload);
      else if (event.name === 'whatsapp:disconnected') disconnected(event.payload);
      onChange();
    },
    stop() {
      flows.stop();
      list.stop();
    },
  };
}
