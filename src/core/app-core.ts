/**
 * The host-agnostic heart of the main process: owns the server connection, the
 * inbox, the instances, the notification policy and what the shell shows outside
 * the window. Electron and the browser host both construct exactly this and only
 * differ in how they carry commands and pushes.
 */
import type { AppInfo, AppSnapshot, PushChannel, PushPayload, ViewState } from '../shared/bridge';
import type { ServerEvent } from '../shared/events';
import type { NotificationSettings } from '../shared/inbox';
import { createCommandDispatcher, UserFacingError, type CommandDispatcher } from './command-dispatcher';
import { createEventGate } from './event-gate';
import type { ConnectionPlan } from './host-config';
import { exportRecent, importPersisted } from './inbox/inbox-snapshot';
import { createInboxService, type InboxService } from './inbox/inbox-service';
import { createInboxStore, type InboxStats } from './inbox/inbox-store';
import { boundLogger } from './logging';
import { createInstancesModel, type InstancesModel } from './instances';
import { contactLabel } from './notifications/message-notification-text';
import { createMessageNotifier, realScheduler } from './notifications/message-notifier';
import {
  composePersistedState,
  inboxScope,
  PERSIST_LIMITS,
  readPersistedState,
  type PersistedState,
} from './persistence/persisted-state';
import { createSaver, type StateFile } from './persistence/state-file';
import {
  systemScheduler,
  type Clock,
  type DesktopNotification,
  type Logger,
  type Notifier,
  type Scheduler,
  type TraySink,
  type TrayState,
} from './ports';
import { createRestClient } from './rest-client';
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
  /** Where settings and the recent inbox are kept; none = nothing survives a restart. */
  stateFile?: StateFile;
  transports?: Transport[];
  backoff?: ServerConnectionOptions['backoff'];
  /** Observes every validated server event (tests, later features). */
  onServerEvent?: (event: ServerEvent) => void;
  /** Swappable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** How long a connect flow waits for its first QR / code. */
  codeWaitMs?: number;
  /** Timers of the notification coalescing (tests use a fake one). */
  notificationScheduler?: Scheduler;
  /** Timers of the inbox (push throttle, sync retry); the system's by default. */
  scheduler?: Scheduler;
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
  /** A notification was clicked: show that conversation. */
  notificationClicked(notification: DesktopNotification): void;
  /** The tray menu's "Pause notifications". */
  setNotificationsPaused(paused: boolean): void;
  /** What the inbox holds in memory (diagnostics, the memory bench and its test). */
  inboxStats(): InboxStats;
}

export function createAppCore(options: AppCoreOptions): AppCore {
  const { clock, plan } = options;
  // Server-provided text reaches the log from everywhere below: bounded once, here, whatever the host passed.
  const logger = boundLogger(options.logger, { clock });
  const listeners = new Set<(push: PushMessage) => void>();
  const info: AppInfo = {
    serverUrl: plan.kind === 'server' ? plan.target.serverUrl : plan.serverUrl,
    organizationId: plan.kind === 'server' ? plan.target.organizationId : plan.organizationId,
    demo: options.demo,
    version: options.version,
  };
  const scope = inboxScope(info.serverUrl, info.organizationId);

  // ---- what was saved last time ---------------------------------------------
  const loaded = readPersistedState(options.stateFile?.load().data, scope);
  if (loaded.problem) {
    // Keep the original before the first save replaces it: it may hold what the user needs.
    const copy = options.stateFile?.preserveCopy();
    logger.warn(`${loaded.problem}${copy ? ` The original was kept as ${copy}.` : ''}`);
  }
  let notificationSettings: NotificationSettings = loaded.notifications;
  const store = createInboxStore();
  if (loaded.inbox) importPersisted(store, loaded.inbox);

  const collectState = (): PersistedState =>
    composePersistedState(notificationSettings, { scope, ...exportRecent(store, PERSIST_LIMITS) }, loaded.otherInboxes);
  const saver = options.stateFile ? createSaver(options.stateFile, collectState) : null;

  // ---- what the user is looking at --------------------------------------------
  let view: ViewState = { focused: true, visible: true, conversationId: null };
  const watching = () => view.focused && view.visible;

  // ---- notifications ------------------------------------------------------------
  // A stopped core (the user switched organization) may still have requests finishing:
  // nothing of it may reach the screen, the tray or a notification any more.
  let stopped = false;
  const deliver = (notification: DesktopNotification) => {
    if (stopped || notificationSettings.paused) return;
    options.notifier.notify(notification);
  };
  /** Instance news only interrupts someone who is not looking at the window. */
  const notifyUnlessWatching = (notification: DesktopNotification) => {
    if (!watching()) deliver(notification);
  };
  const messageNotifier = createMessageNotifier({
    scheduler: options.notificationScheduler ?? realScheduler,
    deliver,
    privacy: () => notificationSettings.privacy,
    labelFor: (conversationId) => contactLabel(store.conversation(conversationId)),
  });

  // ---- pushes ---------------------------------------------------------------------
  const emit = (push: PushMessage) => {
    if (stopped) return;
    for (const listener of listeners) {
      try {
        listener(push);
      } catch (error) {
        logger.error(`a push listener failed: ${String(error)}`);
      }
    }
  };

  let connection: ServerConnection | null = null;
  const rest =
    plan.kind === 'server'
      ? createRestClient({ baseUrl: plan.target.serverUrl, token: plan.target.token, fetch: options.fetch })
      : null;
  const requireSignIn = (message: string) => connection?.requireSignIn(message);

  const instances: InstancesModel | null = rest
    ? createInstancesModel({
        rest,
        organizationId: info.organizationId,
        clock,
        logger,
        onChange: () => publishSnapshot(),
        onUnauthorized: requireSignIn,
        notify: notifyUnlessWatching,
        codeWaitMs: options.codeWaitMs,
      })
    : null;

  const inbox: InboxService | null = rest
    ? createInboxService({
        store,
        rest,
        scheduler: options.scheduler ?? systemScheduler,
        logger,
        viewer: { conversationInFocus: () => (watching() ? view.conversationId : null) },
        onNewIncoming: (message) => {
          if (notificationSettings.paused || store.isMuted(message.conversationId)) return;
          messageNotifier.offer(message);
        },
        onConversations: (delta) => emit({ channel: 'inbox:conversations', payload: delta }),
        onMessages: (delta) => emit({ channel: 'inbox:messages', payload: delta }),
        onSummary: () => publishSnapshot(),
        onPersist: () => {
          if (!stopped) saver?.schedule();
        },
        onUnauthorized: requireSignIn,
      })
    : null;

  const gate = createEventGate({
    logger,
    clock,
    onEvent: (event) => {
      options.onServerEvent?.(event);
      if (event.name === 'whatsapp:message') inbox?.receive(event.payload);
      else instances?.handleEvent(event);
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
  let fallbackConnectionState = plan.kind === 'unusable' ? unusableState(plan.problem, plan.needsSignIn) : null;

  const inboxSummary = () =>
    inbox?.summary() ?? {
      totalUnread: store.totalUnread(),
      conversationCount: store.size(),
      syncing: false,
      lastSyncAt: store.lastSyncAt(),
      syncError: null,
    };

  const snapshot = (): AppSnapshot => ({
    connection: connection?.state ?? fallbackConnectionState ?? unusableState('Not started.', false),
    info,
    diagnostics: { droppedEvents: gate.droppedCount, lastDropped: gate.lastDropped },
    instances: instances?.state() ?? { items: [], loadedAt: null, error: null },
    connectFlows: instances?.flows() ?? [],
    inbox: inboxSummary(),
    notifications: notificationSettings,
  });

  const trayState = () => describeTray(snapshot().connection.status, store.totalUnread(), info.demo);

  let lastTray = '';
  const publishSnapshot = () => {
    if (stopped) return;
    const current = snapshot();
    emit({ channel: 'app:snapshot', payload: current });
    const tray = describeTray(current.connection.status, current.inbox.totalUnread, info.demo);
    const key = JSON.stringify(tray);
    if (key !== lastTray) {
      lastTray = key;
      options.tray.update(tray);
    }
  };

  const requireInstances = (): InstancesModel => {
    if (!instances)
      throw new UserFacingError('Not connected to a server. Check the server address in Settings.', 'unavailable');
    return instances;
  };
  const requireInbox = (): InboxService => {
    if (!inbox)
      throw new UserFacingError('Not connected to a server. Check the server address in Settings.', 'unavailable');
    return inbox;
  };

  const updateNotificationSettings = (patch: Partial<NotificationSettings>) => {
    notificationSettings = { ...notificationSettings, ...patch };
    if (notificationSettings.paused) messageNotifier.clear();
    saver?.schedule();
    publishSnapshot();
    return notificationSettings;
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
        // Looking at a conversation is reading it.
        if (watching() && view.conversationId) {
          inbox?.markRead(view.conversationId);
          messageNotifier.discard(view.conversationId);
        }
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
        await requireInstances().disconnect(instanceId);
        return null;
      },
      'connect-flow:dismiss': ({ instanceId }) => {
        requireInstances().dismiss(instanceId);
        return null;
      },
      'inbox:get-conversations': () => store.conversations(),
      'inbox:open-conversation': async ({ conversationId }) => {
        messageNotifier.discard(conversationId);
        return requireInbox().open(conversationId);
      },
      'inbox:load-older': ({ conversationId }) => requireInbox().loadOlder(conversationId),
      'inbox:send': ({ conversationId, content }) => requireInbox().send(conversationId, content),
      'inbox:retry-send': ({ conversationId, localId }) => requireInbox().retry(conversationId, localId),
      'inbox:set-muted': ({ conversationId, muted }) => {
        requireInbox().setMuted(conversationId, muted);
        if (muted) messageNotifier.discard(conversationId);
        return null;
      },
      'notifications:update-settings': (patch) => updateNotificationSettings(patch),
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
        onConnected: ({ recovered }) => {
          // Whatever happened while we were away, the list may be stale: reload it.
          void instances?.refresh();
          // Recovered sessions got every missed event from the server already.
          if (!recovered) void inbox?.sync();
        },
      });
      connection.start();
    },
    stop() {
      saver?.flush();
      stopped = true;
      instances?.stop();
      messageNotifier.stop();
      inbox?.stop();
      saver?.cancel();
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
    notificationClicked(notification) {
      if (notification.conversationId) {
        emit({ channel: 'ui:open-conversation', payload: { conversationId: notification.conversationId } });
      }
    },
    setNotificationsPaused(paused) {
      updateNotificationSettings({ paused });
    },
    inboxStats: () => store.stats(),
  };
}
