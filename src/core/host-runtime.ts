/**
 * What a host (Electron or the browser host) runs: the core, plus the host-level
 * things that outlive one core — connection settings (changing the server or the
 * organization builds a fresh core, so nothing of the old organization leaks into the
 * new one), app preferences and updates. Hosts talk to this facade only.
 */
import { isHostCommandChannel, type CommandOutcome, type SettingsView } from '../shared/bridge';
import { initialUpdateState, type UpdateChannel, type UpdateState } from '../shared/updates';
import type { AppCoreOptions, PushMessage } from './app-core';
import { bootCore, type BootedCore, type StartDemoBackend } from './boot';
import { createCommandDispatcher, UserFacingError } from './command-dispatcher';
import { normaliseServerUrl, type EnvSettings } from './host-config';
import type { StateFile } from './persistence/state-file';
import type { DesktopNotification, TrayState } from './ports';
import { readSavedSettings, type SavedSettings, type SecretBox } from './settings-model';

/** The updater as the runtime sees it (Electron: electron-updater; browser host: none). */
export interface UpdatesPort {
  state(): UpdateState;
  onChange(listener: (state: UpdateState) => void): () => void;
  checkNow(): void;
  restartToUpdate(): void;
  later(): void;
  setChannel(channel: UpdateChannel): void;
}

/** OS integrations the settings page drives; absent where the host cannot do them. */
export interface PlatformPort {
  setLaunchAtLogin?(enabled: boolean): void;
}

/** The core's own ports (version, logger, clock, tray, notifier, inbox state file), plus the host's. */
export interface HostRuntimeOptions extends Pick<
  AppCoreOptions,
  'version' | 'logger' | 'clock' | 'tray' | 'notifier' | 'stateFile'
> {
  /** AUZAP_* from the environment: when AUZAP_SERVER_URL is set it wins over saved settings. */
  env: EnvSettings;
  /** Connection settings and app preferences. */
  settingsFile?: StateFile;
  secretBox?: SecretBox;
  updates?: UpdatesPort;
  platform?: PlatformPort;
  /** Started when no server is configured (both hosts pass the simulator). */
  startDemoBackend: StartDemoBackend;
}

export interface HostRuntime {
  dispatch(channel: unknown, args: unknown[]): Promise<CommandOutcome>;
  onPush(listener: (push: PushMessage) => void): () => void;
  trayState(): TrayState;
  notificationClicked(notification: DesktopNotification): void;
  setNotificationsPaused(paused: boolean): void;
  notificationsPaused(): boolean;
  networkMayHaveChanged(): void;
  /** The demo backend's URL when running in demo mode (for logs). */
  demoBackendUrl(): string | null;
  shutdown(): Promise<void>;
}

export async function startHostRuntime(options: HostRuntimeOptions): Promise<HostRuntime> {
  const { logger } = options;
  const listeners = new Set<(push: PushMessage) => void>();
  const emit = (push: PushMessage) => {
    for (const listener of listeners) listener(push);
  };
  let saved: SavedSettings = await readSavedSettings(options.settingsFile, options.secretBox, logger);
  const envWins = Boolean(options.env.serverUrl);

  const effectiveSettings = (): EnvSettings =>
    envWins
      ? options.env
      : {
          ...options.env,
          serverUrl: saved.serverUrl ?? undefined,
          token: saved.token ?? undefined,
          organizationId: saved.organizationId ?? undefined,
        };

  const boot = () =>
    bootCore(
      effectiveSettings(),
      {
        version: options.version,
        logger,
        clock: options.clock,
        tray: options.tray,
        notifier: options.notifier,
        stateFile: options.stateFile,
      },
      options.startDemoBackend,
    );

  let booted: BootedCore = await boot();
  let unsubscribeCore = booted.core.onPush(emit);

  /** Stops the old core before the new one connects: no event of the old organization can slip through. */
  const reconfigure = async () => {
    unsubscribeCore();
    await booted.shutdown();
    booted = await boot();
    unsubscribeCore = booted.core.onPush(emit);
    emit({ channel: 'app:snapshot', payload: booted.core.snapshot() });
    const conversations = await booted.core.dispatch('inbox:get-conversations', []);
    emit({
      channel: 'inbox:conversations',
      payload: { reset: true, upserts: conversations.ok ? (conversations.value as never) : [], removedIds: [] },
    });
  };

  const settingsView = (): SettingsView => ({
    serverUrl: envWins ? (options.env.serverUrl ?? '') : (saved.serverUrl ?? ''),
    organizationId: envWins ? (options.env.organizationId ?? '') : (saved.organizationId ?? ''),
    hasToken: envWins ? Boolean(options.env.token) : Boolean(saved.token),
    tokenStorage: envWins ? 'environment' : saved.token ? saved.tokenStorage : 'none',
    encryptionAvailable: options.secretBox?.available() ?? false,
    setByEnvironment: envWins,
    launchAtLogin: saved.launchAtLogin,
    launchAtLoginSupported: Boolean(options.platform?.setLaunchAtLogin),
    updateChannel: saved.updateChannel,
    updatesSupported: Boolean(options.updates),
  });

  // One save at a time, in order: encrypting the token is asynchronous now.
  let saving: Promise<void> = Promise.resolve();
  const persist = (): Promise<void> => {
    const write = async () => options.settingsFile?.save(await saved.toDocument(options.secretBox));
    const next = saving.then(write, write);
    saving = next.catch(() => undefined);
    return next;
  };
  if (saved.resealToken) {
    await persist().then(
      () => logger.info('the saved sign-in token was encrypted again, as the keychain asked'),
      (error: unknown) => logger.warn(`the sign-in token could not be encrypted again: ${String(error)}`),
    );
  }

  const noUpdates = initialUpdateState('stable');
  options.updates?.onChange((state) => emit({ channel: 'updates:state', payload: state }));
  if (options.updates) options.updates.setChannel(saved.updateChannel);

  const hostCommands = createCommandDispatcher(
    {
      'settings:get': () => settingsView(),
      'settings:update-connection': async ({ serverUrl, organizationId, token }) => {
        if (envWins) {
          throw new UserFacingError('The server is set by AUZAP_SERVER_URL in the environment; change it there.');
        }
        let url: string | null = null;
        if (serverUrl.trim()) {
          const normalised = normaliseServerUrl(serverUrl.trim());
          if (!normalised.ok) throw new UserFacingError(`The server address ${normalised.reason}.`);
          url = normalised.url;
        }
        saved = saved.with({
          serverUrl: url,
          organizationId: organizationId.trim() || null,
          ...(token === undefined
            ? {}
            : { token: token.trim() || null, tokenStorage: options.secretBox?.available() ? 'encrypted' : 'plain' }),
        });
        await persist();
        logger.info(`connection settings changed: ${url ?? 'demo mode'}; reconnecting`);
        await reconfigure();
        return settingsView();
      },
      'settings:update-preferences': async ({ launchAtLogin, updateChannel }) => {
        if (launchAtLogin !== undefined) {
          if (!options.platform?.setLaunchAtLogin) throw new UserFacingError('Launch at login is not available here.');
          options.platform.setLaunchAtLogin(launchAtLogin);
          saved = saved.with({ launchAtLogin });
        }
        if (updateChannel !== undefined) {
          saved = saved.with({ updateChannel });
          options.updates?.setChannel(updateChannel);
        }
        await persist();
        return settingsView();
      },
      'updates:get-state': () => options.updates?.state() ?? noUpdates,
      'updates:check-now': () => {
        if (!options.updates) throw new UserFacingError('Updates are installed by the desktop app.', 'unavailable');
        options.updates.checkNow();
        return null;
      },
      'updates:restart': () => {
        options.updates?.restartToUpdate();
        return null;
      },
      'updates:later': () => {
        options.updates?.later();
        return null;
      },
    },
    logger,
  );

  return {
    dispatch(channel, args) {
      if (isHostCommandChannel(channel)) return hostCommands(channel, args);
      return booted.core.dispatch(channel, args);
    },
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    trayState: () => booted.core.trayState(),
    notificationClicked: (notification) => booted.core.notificationClicked(notification),
    setNotificationsPaused: (paused) => booted.core.setNotificationsPaused(paused),
    notificationsPaused: () => booted.core.snapshot().notifications.paused,
    networkMayHaveChanged: () => booted.core.networkMayHaveChanged(),
    demoBackendUrl: () => booted.demoBackend?.url ?? null,
    async shutdown() {
      unsubscribeCore();
      listeners.clear();
      await booted.shutdown();
    },
  };
}
