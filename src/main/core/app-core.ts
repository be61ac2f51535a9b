/**
 * The host-agnostic heart of the main process: owns the server connection, the
 * state shared with the renderer, and what the shell shows outside the window.
 * Electron and the browser host both construct exactly this and only differ in how
 * they carry commands and pushes.
 */
import type { AppInfo, AppSnapshot, PushChannel, PushPayload, ViewState } from '../../shared/bridge';
import type { ServerEvent } from '../../shared/events';
import { createCommandDispatcher, type CommandDispatcher } from './command-dispatcher';
import { createEventGate } from './event-gate';
import type { ConnectionPlan } from './host-config';
import { createInstancesModel, type InstancesModel } from './instances';
import type { Clock, DesktopNotification, Logger, Notifier, TraySink, TrayState } from './ports';
import { createRestClient, RestError, type RestClient } from './rest-client';
import { UserFacingError } from './command-dispatcher';
import {
  createServerConnection,
  type ServerConnection,
  type ServerConnectionOptions,
  type Transport,
} from './server-connection';
import { describeTray } from './tray-state';

export type PushMessage = { [P in PushChannel]: { channel: P; payload: PushPayload<P> } }[PushChannel];

export interface AppCoreOptions {
  /** A resolved plan: demo mode has already been turned into a server target by the host. */
  plan: Exclude<ConnectionPlan, { kind: 'demo' }>;
  demo: boolean;
  version: string;
  logger: Logger;
  clock: Clock;
  tray: TraySink;
  notifier: Notifier;
  transports?: Transport[];
  backoff?: ServerConnectionOptions['backoff'];
  /** Observes every validated server event (tests, later features). */
  onServerEvent?: (event: ServerEvent) => void;
  /** Swappable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** How long a connect flow waits for its first QR / code. */
  codeWaitMs?: number;
}

export interface AppCore {
  start(): void;
  stop(): void;
  dispatch: CommandDispatcher;
  onPush(listener: (push: PushMessage) => void): () => void;
  snapshot(): AppSnapshot;
  trayState(): TrayState;
  /** The OS says the network is back or the machine woke up: do not wait for the backoff. */
  networkMayHaveChanged(): void;
}

export function createAppCore(options: AppCoreOptions): AppCore {
  const { logger, clock, plan } = options;
  const listeners = new Set<(push: PushMessage) => void>();
  const info: AppInfo = {
    serverUrl: plan.kind === 'server' ? plan.target.serverUrl : plan.serverUrl,
    organizationId: plan.kind === 'server' ? plan.target.organizationId : plan.organizationId,
    demo: options.demo,
    version: options.version,
  };

  const gate = createEventGate({
    logger,
    clock,
    onEvent: (event) => {
      options.onServerEvent?.(event);
      instances?.handleEvent(event);
    },
    onDropped: () => publishSnapshot(),
  });

  const unusableState = (problem: string, needsSignIn: boolean): AppSnapshot['connection'] => ({
    status: needsSignIn ? 'auth_failed' : 'offline',
    detail: problem,
    since: new Date(clock.now()).toISOString(),
    attempt: 0,
    transport: null,
  });

  let connection: ServerConnection | null = null;
  let view: ViewState = { focused: true, visible: true, conversationId: null };
  const rest: RestClient | null =
    plan.kind === 'server'
      ? createRestClient({ baseUrl: plan.target.serverUrl, token: plan.target.token, fetch: options.fetch })
      : null;

  /** Desktop notifications only interrupt someone who is not looking at the window. */
  const notifyUnlessWatching = (notification: DesktopNotification) => {
    if (view.focused && view.visible) return;
    options.notifier.notify(notification);
  };

  const instances: InstancesModel | null = rest
    ? createInstancesModel({
        rest,
        organizationId: info.organizationId,
        clock,
        logger,
        onChange: () => publishSnapshot(),
        onUnauthorized: (message) => connection?.requireSignIn(message),
        notify: notifyUnlessWatching,
        codeWaitMs: options.codeWaitMs,
      })
    : null;
  let fallbackConnectionState = plan.kind === 'unusable' ? unusableState(plan.problem, plan.needsSignIn) : null;

  const snapshot = (): AppSnapshot => ({
    connection: connection?.state ?? fallbackConnectionState ?? unusableState('Not started.', false),
    info,
    diagnostics: { droppedEvents: gate.droppedCount, lastDropped: gate.lastDropped },
    instances: instances?.state() ?? { items: [], loadedAt: null, error: null },
    connectFlows: instances?.flows() ?? [],
  });

  const requireInstances = (): InstancesModel => {
    if (!instances)
      throw new UserFacingError('Not connected to a server. Check the server address in Settings.', 'unavailable');
    return instances;
  };

  const trayState = () => describeTray(snapshot().connection.status, 0, info.demo);

  const emit = (push: PushMessage) => {
    for (const listener of listeners) {
      try {
        listener(push);
      } catch (error) {
        logger.error(`a push listener failed: ${String(error)}`);
      }
    }
  };

  let lastTray = '';
  const publishSnapshot = () => {
    emit({ channel: 'app:snapshot', payload: snapshot() });
    const tray = trayState();
    const key = JSON.stringify(tray);
    if (key !== lastTray) {
      lastTray = key;
      options.tray.update(tray);
    }
  };

  const dispatch = createCommandDispatcher(
    {
      'app:get-snapshot': () => snapshot(),
      'connection:retry-now': () => {
        connection?.retryNow();
        return null;
      },
      'ui:view-changed': (next) => {
        view = next;
        return null;
      },
      'instances:refresh': async () => {
        await requireInstances().refresh();
        return null;
      },
      'instances:connect': async (args) => {
        await requireInstances().connect(args);
        return null;
      },
      'instances:disconnect': async ({ instanceId }) => {
        try {
          await requireInstances().disconnect(instanceId);
        } catch (failure) {
          if (failure instanceof RestError) throw new UserFacingError(failure.message);
          throw failure;
        }
        return null;
      },
      'connect-flow:dismiss': ({ instanceId }) => {
        requireInstances().dismiss(instanceId);
        return null;
      },
    },
    logger,
  );

  return {
    start() {
      if (plan.kind === 'unusable') {
        logger.warn(`not connecting: ${plan.problem}`);
        publishSnapshot();
        return;
      }
      if (connection) return;
      connection = createServerConnection({
        ...plan.target,
        transports: options.transports,
        backoff: options.backoff,
        logger,
        clock,
        onState: () => publishSnapshot(),
        onEvent: (name, payload) => gate.receive(name, payload),
        // Whatever happened while we were away, the list may be stale: reload it.
        onConnected: () => void instances?.refresh(),
      });
      connection.start();
    },
    stop() {
      instances?.stop();
      const current = connection;
      connection = null;
      if (current) {
        fallbackConnectionState = { ...current.state, status: 'offline', detail: 'Stopped.' };
        current.stop();
      }
      listeners.clear();
    },
    dispatch,
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot,
    trayState,
    networkMayHaveChanged() {
      connection?.retryNow();
    },
  };
}
