/**
 * What a host (Electron or the browser host) runs: the core, plus the host-level
 * things that outlive one core — connection settings (changing the server or the
 * organization builds a fresh core, so nothing of the old organization leaks into the
 * new one), app preferences and updates. Hosts talk to this facade only.
 */
import { isHostCommandChannel, type CommandOutcome } from '../shared/bridge';
import { describeError } from '../shared/errors';
import { createListeners } from '../shared/listeners';
import type { PauseDuration } from '../shared/quiet-time';
import type { AppCoreOptions, PushMessage } from './app-core';
import { bootCore, type BootedCore, type StartDemoBackend } from './boot';
import type { EnvSettings } from './host-config';
import { createHostCommands } from './host-commands';
import { createHostLocale } from './host-locale';
import { openHostSettings } from './host-settings';
import type { Locale } from '../shared/i18n/locale';
import { createLifecycle } from './lifecycle';
import type { StateFile } from './persistence/state-file';
import type { DesktopNotification, PlatformPort, TrayState, UpdatesPort } from './ports';
import type { SecretBox } from './settings-model';

export type { PlatformPort, UpdatesPort } from './ports';

/** The core's own ports (version, logger, clock and timers, tray, notifier, inbox state file), plus the host's. */
export interface HostRuntimeOptions extends Pick<
  AppCoreOptions,
  'version' | 'logger' | 'clock' | 'tray' | 'notifier' | 'stateFile' | 'connect'
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
  /** The OS's preferred languages, where the host can ask (Electron); otherwise the window's are used. */
  systemLanguages?: () => readonly string[];
  /** Where it cannot: the process's locale, until a window says its languages (host-locale.ts). */
  processLanguages?: () => readonly string[];
}

export interface HostRuntime {
  dispatch(channel: unknown, args: unknown[]): Promise<CommandOutcome>;
  onPush(listener: (push: PushMessage) => void): () => void;
  trayState(): TrayState;
  notificationClicked(notification: DesktopNotification): void;
  setNotificationsPaused(paused: boolean, pauseFor?: PauseDuration): void;
  /** Whether notifications are paused, and until when (the tray menu shows what is left). */
  notificationPause(): { paused: boolean; pausedUntil: string | null };
  networkMayHaveChanged(): void;
  /** Saves the inbox state now, synchronously (Windows ending the session does not wait for a quit). */
  saveNow(): void;
  /** The language notifications, the tray and dialogs speak (the window follows `locale:changed`). */
  locale(): Locale;
  /** The demo backend's URL when running in demo mode (for logs). */
  demoBackendUrl(): string | null;
  shutdown(): Promise<void>;
}

export async function startHostRuntime(options: HostRuntimeOptions): Promise<HostRuntime> {
  const { logger } = options;
  const lifecycle = createLifecycle(logger, 'the host runtime');
  const pushes = createListeners<PushMessage>((error) =>
    logger.error(`a push listener failed: ${describeError(error, { stack: true })}`),
  );
  const settings = await openHostSettings({
    env: options.env,
    settingsFile: options.settingsFile,
    secretBox: options.secretBox,
    logger,
    launchAtLoginSupported: Boolean(options.platform?.setLaunchAtLogin),
    updatesSupported: Boolean(options.updates),
  });
  const locale = createHostLocale({
    envLocale: options.env.locale,
    systemLanguages: options.systemLanguages,
    processLanguages: options.processLanguages,
    choice: () => settings.language(),
  });
  const { updates } = options;
  if (updates) {
    lifecycle.defer(updates.onChange((state) => pushes.emit({ channel: 'updates:state', payload: state })));
    updates.setChannel(settings.updateChannel());
  }

  const boot = async (): Promise<BootedCore> => {
    const { version, clock, tray, notifier, stateFile, connect } = options;
    const booted = await bootCore(
      settings.effective(),
      { version, logger, clock, tray, notifier, stateFile, connect, locale: locale.current },
      options.startDemoBackend,
    );
    const unsubscribe = booted.core.onPush(pushes.emit);
    return {
      ...booted,
      async shutdown() {
        unsubscribe();
        await booted.shutdown();
      },
    };
  };
  let booted = await boot();
  lifecycle.defer(() => pushes.clear());
  lifecycle.defer(
    locale.onChange((state) => {
      booted.core.localeChanged();
      pushes.emit({ channel: 'locale:changed', payload: state });
    }),
  );

  /** Stops the old core before the new one connects: no event of the old organization can slip through. */
  const reconnect = async () => {
    await booted.shutdown();
    booted = await boot();
    const { core } = booted;
    pushes.emit({ channel: 'app:snapshot', payload: core.snapshot() });
    const conversations = await core.dispatch('inbox:get-conversations', []);
    pushes.emit({
      channel: 'inbox:conversations',
      payload: { reset: true, upserts: conversations.ok ? (conversations.value as never) : [], removedIds: [] },
    });
  };
  const hostCommands = createHostCommands({ settings, locale, updates, platform: options.platform, logger, reconnect });

  return {
    dispatch(channel, args) {
      if (isHostCommandChannel(channel)) return hostCommands(channel, args);
      return booted.core.dispatch(channel, args);
    },
    onPush: (listener) => pushes.add(listener),
    trayState: () => booted.core.trayState(),
    notificationClicked: (notification) => booted.core.notificationClicked(notification),
    setNotificationsPaused: (paused, pauseFor) => booted.core.setNotificationsPaused(paused, pauseFor),
    notificationPause() {
      const { paused, pausedUntil } = booted.core.snapshot().notifications;
      return { paused, pausedUntil: pausedUntil ?? null };
    },
    networkMayHaveChanged: () => booted.core.networkMayHaveChanged(),
    saveNow: () => booted.core.saveNow(),
    locale: locale.current,
    demoBackendUrl: () => booted.demoBackend?.url ?? null,
    async shutdown() {
      lifecycle.stop();
      await booted.shutdown();
    },
  };
}
