/**
 * The host-agnostic heart of the main process: owns the server connection, the
 * inbox, the instances, the notification policy and what the shell shows outside
 * the window. Electron and the browser host both construct exactly this and only
 * differ in how they carry commands and pushes. The parts live in their own modules;
 * this wires them and stops them in order.
 */
import type { AppInfo, AppSnapshot, ConnectionState, PushChannel, PushPayload } from '../shared/bridge';
import { describeError } from '../shared/errors';
import type { ServerEvent } from '../shared/events';
import type { NotificationSettings } from '../shared/inbox';
import type { Locale } from '../shared/i18n/locale';
import { translator } from '../shared/i18n/translate';
import { say, text, type UserText } from '../shared/i18n/user-text';
import { createListeners } from '../shared/listeners';
import { isPaused, type PauseDuration } from '../shared/quiet-time';
import { createSnapshotPublisher, offlineConnection, type SnapshotPart, type SnapshotSinks } from './app-snapshot';
import type { CommandDispatcher } from './command-dispatcher';
import { createCoreCommands } from './core-commands';
import { createEventGate, type EventGate } from './event-gate';
import type { ConnectionPlan, ServerTarget } from './host-config';
import { createInboxService, type InboxService } from './inbox/inbox-service';
import type { InboxStats, InboxStore } from './inbox/inbox-store';
import { boundLogger } from './logging';
import { createInstancesModel, type InstancesModel } from './instances/instances-model';
import { createLifecycle, type Lifecycle } from './lifecycle';
import { notificationSender } from './notifications/message-notification-text';
import { createNotificationPolicy, type NotificationPolicy } from './notifications/notification-policy';
import { createNotificationSettingsControl } from './notifications/notification-settings-control';
import { inboxScope } from './persistence/persisted-state';
import type { ShelfLimits } from './inbox/thread-shelf';
import { openSavedState, type SavedState } from './persistence/saved-state';
import type { StateFile } from './persistence/state-file';
import type { Clock, DesktopNotification, Logger, Notifier, Scheduler, TraySink, TrayState } from './ports';
import { createRestClient } from './rest-client';
import { pushForClickedNotification } from './notifications/notification-click';
import {
  createServerConnection,
  type ConnectionFactory,
  type ServerConnection,
  type ServerConnectionOptions,
  type Transport,
} from './server-connection';

export type PushMessage = { [P in PushChannel]: { channel: P; payload: PushPayload<P> } }[PushChannel];

export interface AppCoreOptions {
  /** A resolved plan: demo mode has already been turned into a server target by the host. */
  plan: Exclude<ConnectionPlan, { kind: 'demo' }>;
  demo: boolean;
  version: string;
  logger: Logger;
  /** Every timer of the core (tests pass a fake one). */
  clock: Scheduler;
  tray: TraySink;
  notifier: Notifier;
  /** Where settings and the recent inbox are kept; none = nothing survives a restart. */
  stateFile?: StateFile;
  transports?: Transport[];
  backoff?: ServerConnectionOptions['backoff'];
  /** Opens the server connection; the hosts run it on its own thread (connection-thread/). */
  connect?: ConnectionFactory;
  /** Observes every validated server event (tests, later features). */
  onServerEvent?: (event: ServerEvent) => void;
  /** Swappable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** How long a connect flow waits for its first QR / code. */
  codeWaitMs?: number;
  /** How much of the inbox memory holds (tests make it tiny to reach its edges). */
  inboxLimits?: ShelfLimits;
  /** The language of notifications and the tray (the host's choice); English when not given. */
  locale?: () => Locale;
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
  /** A notification was clicked: show its conversation or its number's page. */
  notificationClicked(notification: DesktopNotification): void;
  /** The tray menu's "Pause notifications" (`pauseFor` default: until resumed) and "Resume". */
  setNotificationsPaused(paused: boolean, pauseFor?: PauseDuration): void;
  /** The language changed: the tray says it again in the new one (the next notification follows by itself). */
  localeChanged(): void;
  /** What the inbox holds in memory (diagnostics, the memory bench and its test). */
  inboxStats(): InboxStats;
  /** Saves the inbox state now, synchronously: the OS is ending the session and will not wait. */
  saveNow(): void;
}

/** Asked once per incoming message: no copy unless a pause may have run out. */
function settingsNow(settings: NotificationSettings, clock: Clock): NotificationSettings {
  return settings.paused ? { ...settings, paused: isPaused(settings, clock.now()) } : settings;
}

export function createAppCore(given: AppCoreOptions): AppCore {
  // Server-provided text reaches the log from everywhere below: bounded once, here, whatever the host passed.
  const options: AppCoreOptions = { ...given, logger: boundLogger(given.logger, { clock: given.clock }) };
  const { logger, clock, plan } = options;
  // A stopped core (the user switched organization) may still have requests finishing:
  // nothing of it may reach the screen, the tray or a notification any more.
  const lifecycle = createLifecycle(logger, 'the core');
  const pushes = createListeners<PushMessage>((error) =>
    logger.error(`a push listener failed: ${describeError(error, { stack: true })}`),
  );
  lifecycle.defer(() => pushes.clear());
  const emit = lifecycle.guard((push: PushMessage) => pushes.emit(push));
  const info = appInfo(options);

  const saved = openSavedState({
    stateFile: options.stateFile,
    scope: inboxScope(info.serverUrl, info.organizationId),
    logger,
    clock,
    lifecycle,
    limits: options.inboxLimits,
  });
  const { store } = saved;
  const notifications = createNotificationPolicy({
    clock,
    notifier: options.notifier,
    settings: () => settingsNow(saved.notifications(), clock),
    isMuted: (conversationId) => store.isMuted(conversationId, clock.now()),
    senderOf: (conversationId, words) => notificationSender(store.conversation(conversationId), words),
    words: () => translator(options.locale?.() ?? 'en'),
    lifecycle,
  });

  let connection: ServerConnection | null = null;
  let idleConnection = notStarted(plan, clock);
  const publish = lifecycle.guard((part: SnapshotPart) => publisher.publish(part));
  const server = createServerParts(options, {
    store,
    notifications,
    lifecycle,
    emit,
    publish,
    saving: saved,
    requireSignIn: (message) => connection?.requireSignIn(message),
    isOnline: () => connection?.state.status === 'online',
  });
  const gate = createEventGate({
    logger,
    clock,
    onEvent: (event) => {
      options.onServerEvent?.(event);
      if (event.name === 'whatsapp:message') server?.inbox.receive(event.payload);
      else server?.instances.handleEvent(event);
    },
    onDropped: () => publish('diagnostics'),
  });
  const publisher = createSnapshotPublisher(
    {
      info,
      connection: () => connection?.state ?? idleConnection,
      diagnostics: () => ({ droppedEvents: gate.droppedCount, lastDropped: gate.lastDropped }),
      instances: () => server?.instances.state() ?? { items: [], loadedAt: null, error: null },
      flows: () => server?.instances.flows() ?? [],
      inbox: () => server?.inbox.summary() ?? storedSummary(store),
      notifications: saved.notifications,
    },
    snapshotSinks(emit, options.tray, options.locale),
  );

  const onChanged = () => {
    notifications.settingsChanged();
    publish('notifications');
  };
  const updateNotificationSettings = createNotificationSettingsControl(saved, { clock, lifecycle, onChanged });

  const startConnection = () => {
    if (plan.kind === 'unusable') {
      logger.warn(`not connecting: ${inSupportWords(plan.problem)}`);
      publish('connection');
      return;
    }
    if (connection || lifecycle.stopped) return;
    const current = openConnection(options, plan.target, { publish, gate, server });
    connection = current;
    lifecycle.defer(() => {
      idleConnection = { ...current.state, status: 'offline', detail: text('connection.stopped') };
      connection = null;
      current.stop();
    });
    current.start();
  };

  return {
    start: startConnection,
    stop: () => lifecycle.stop(),
    dispatch: createCoreCommands({
      logger,
      clock,
      snapshot: publisher.snapshot,
      store,
      instances: server?.instances ?? null,
      inbox: server?.inbox ?? null,
      connection: () => connection,
      notifications,
      updateNotificationSettings,
    }),
    onPush: (listener) => pushes.add(listener),
    snapshot: publisher.snapshot,
    trayState: publisher.trayState,
    networkMayHaveChanged: () => connection?.retryNow(),
    notificationClicked(notification) {
      const push = pushForClickedNotification(notification);
      if (push) emit(push);
    },
    setNotificationsPaused: (paused, pauseFor) => void updateNotificationSettings({ paused, pauseFor }),
    localeChanged: () => publisher.refreshTray(),
    inboxStats: () => store.stats(),
    saveNow: saved.saveNow,
  };
}

/** The log is read in English by support, whatever the window's language. */
const inSupportWords = (words: UserText): string => say(translator('en'), words);

/** The connection shown before one is opened: why the server cannot be used, or not started yet. */
function notStarted(plan: AppCoreOptions['plan'], clock: Clock): ConnectionState {
  if (plan.kind !== 'unusable') return offlineConnection(clock, text('connection.notStarted'));
  return offlineConnection(clock, plan.problem, plan.needsSignIn ? 'auth_failed' : 'offline');
}

/** The window gets the whole snapshot first, then the parts that changed; the tray its own state. */
function snapshotSinks(emit: (push: PushMessage) => void, tray: TraySink, locale?: () => Locale): SnapshotSinks {
  return {
    locale: locale ?? (() => 'en'),
    push: (snapshot) => emit({ channel: 'app:snapshot', payload: snapshot }),
    patch: (patch) => emit({ channel: 'app:snapshot-patch', payload: patch }),
    tray,
  };
}

/** The one connection to the server, feeding the event gate and catching up after each connect. */
function openConnection(
  options: AppCoreOptions,
  target: ServerTarget,
  deps: { publish: (part: SnapshotPart) => void; gate: EventGate; server: ServerParts | null },
): ServerConnection {
  const { server } = deps;
  const connect = options.connect ?? createServerConnection;
  return connect({
    ...target,
    transports: options.transports,
    backoff: options.backoff,
    logger: options.logger,
    clock: options.clock,
    onState: () => deps.publish('connection'),
    onEvent: (name, payload) => deps.gate.receive(name, payload),
    onConnected: ({ recovered }) => {
      // Whatever happened while we were away, the list may be stale: reload it.
      void server?.instances.refresh();
      // Before the catch-up: a reply whose answer was lost comes back as itself, not as a second bubble.
      server?.inbox.connected();
      // Recovered sessions got every missed event from the server already.
      if (!recovered) void server?.inbox.sync();
    },
  });
}

function appInfo(options: AppCoreOptions): AppInfo {
  const { plan } = options;
  return {
    serverUrl: plan.kind === 'server' ? plan.target.serverUrl : plan.serverUrl,
    organizationId: plan.kind === 'server' ? plan.target.organizationId : plan.organizationId,
    demo: options.demo,
    version: options.version,
  };
}

/** The inbox totals when there is no server to sync with: what was saved. */
function storedSummary(store: InboxStore) {
  return {
    totalUnread: store.totalUnread(),
    conversationCount: store.size(),
    syncing: false,
    lastSyncAt: store.lastSyncAt(),
    syncError: null,
  };
}

interface ServerPartsDeps {
  store: InboxStore;
  notifications: NotificationPolicy;
  lifecycle: Lifecycle;
  emit: (push: PushMessage) => void;
  publish: (part: SnapshotPart) => void;
  saving: Pick<SavedState, 'scheduleSave' | 'saveNow'>;
  requireSignIn: (detail: UserText) => void;
  isOnline: () => boolean;
}

interface ServerParts {
  instances: InstancesModel;
  inbox: InboxService;
}

/** The instances and the inbox talk to a server: none when the settings are unusable. */
function createServerParts(options: AppCoreOptions, deps: ServerPartsDeps): ServerParts | null {
  if (options.plan.kind !== 'server') return null;
  const { target } = options.plan;
  const { logger, clock } = options;
  const { notifications, lifecycle, emit } = deps;
  const rest = createRestClient({
    baseUrl: target.serverUrl,
    token: target.token,
    fetch: options.fetch,
    logger: options.logger,
  });
  const instances = createInstancesModel({
    rest,
    organizationId: target.organizationId,
    clock,
    logger,
    onChange: () => deps.publish('instances'),
    onUnauthorized: deps.requireSignIn,
    notify: notifications.instanceNews,
    words: () => translator(options.locale?.() ?? 'en'),
    codeWaitMs: options.codeWaitMs,
  });
  lifecycle.defer(() => instances.stop());
  const inbox = createInboxService({
    store: deps.store,
    rest,
    scheduler: clock,
    logger,
    viewer: { conversationInFocus: notifications.conversationInFocus },
    isOnline: deps.isOnline,
    onNewIncoming: notifications.messageArrived,
    onConversations: (delta) => emit({ channel: 'inbox:conversations', payload: delta }),
    onMessages: (delta) => emit({ channel: 'inbox:messages', payload: delta }),
    onSummary: () => deps.publish('inbox'),
    onPersist: deps.saving.scheduleSave,
    saveNow: deps.saving.saveNow,
    onUnauthorized: deps.requireSignIn,
  });
  lifecycle.defer(() => inbox.stop());
  return { instances, inbox };
}
