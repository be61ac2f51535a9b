/**
 * Updates for the Electron host: the core's update controller (when to check, download,
 * install) driving electron-updater (auto-updater.ts), handed to the runtime as its
 * UpdatesPort. Only a packaged app updates itself (or a test build pointed at a feed by
 * AUZAP_UPDATE_URL); elsewhere there is no port and the settings page says so.
 */
import type { UpdateChannel } from '../../shared/updates';
import type { UpdatesPort } from '../../core/host-runtime';
import type { Logger } from '../../core/ports';
import { createUpdateController, type UpdateController, type UpdaterPort } from './update-controller';

/**
 * Whether this run should update itself: packaged, or pointed at a usable feed by
 * AUZAP_UPDATE_URL (auto-updater.ts `updateFeedUrl`) for testing an unpackaged build.
 */
export function updatesEnabled(isPackaged: boolean, feedUrl: string | null): boolean {
  return isPackaged || feedUrl !== null;
}

export interface UpdatesAdapterHooks {
  /** Called right before the app quits to install: the window must close, not hide, and the state be saved. */
  beforeRestart(): void;
  /** The restart did not happen after all (nothing downloaded, or the updater refused). */
  restartCancelled(): void;
  /**
   * Calls `listener` once the app starts quitting (app 'before-quit'); returns the undo.
   * electron-updater's quitAndInstall can decline without a word (an install already
   * triggered, no installer file: it logs and returns): when no quit begins within
   * RESTART_GRACE_MS, the restart counts as called off.
   */
  onQuitStarted?(listener: () => void): () => void;
  logger?: Logger;
}

/** Electron's app, as a restart to update watches it. */
interface QuitEvents {
  once(event: 'before-quit', listener: () => void): unknown;
  off(event: 'before-quit', listener: () => void): unknown;
}

/** Electron's own autoUpdater (Squirrel.Mac), which electron-updater drives on macOS. */
interface SquirrelEvents {
  on(event: 'before-quit-for-update', listener: () => void): unknown;
  once(event: 'before-quit-for-update', listener: () => void): unknown;
  off(event: 'before-quit-for-update', listener: () => void): unknown;
}

/**
 * The quit flag around "Restart to update". On macOS electron-updater reports the update
 * downloaded before Squirrel.Mac has fetched and verified it, and quitAndInstall then
 * waits for Squirrel, which may take longer than RESTART_GRACE_MS; when Squirrel is ready
 * it closes every window without 'before-quit' (Electron's autoUpdater docs:
 * 'before-quit-for-update'), and only restarts once they are all closed. So Squirrel's
 * event sets the quit flag too, or the windows would hide to the tray and the app would
 * never restart.
 *
 * Both also save the state at once, before anything quits: on Windows the NSIS installer
 * electron-updater starts closes a still-running AuZap by force soon after (its
 * app-running check waits about a second), which the quit's own save (after the socket is closed) may not outlive — replies queued
 * offline and the read marks would be lost with it.
 */
export function restartQuitHooks(options: {
  app: QuitEvents;
  /** Electron's autoUpdater on macOS; null elsewhere (electron-updater quits through app.quit()). */
  squirrel: SquirrelEvents | null;
  quit: { markQuitting(): void; cancel(): void };
  /** Writes the app's state to disk now, synchronously. */
  saveNow(): void;
  logger?: Logger;
}): UpdatesAdapterHooks {
  const { app, squirrel, quit } = options;
  const quittingToInstall = () => {
    quit.markQuitting();
    try {
      options.saveNow();
    } catch (error) {
      options.logger?.warn(`saving before the update's restart failed: ${String(error)}`);
    }
  };
  squirrel?.on('before-quit-for-update', quittingToInstall);
  return {
    beforeRestart: quittingToInstall,
    restartCancelled: () => quit.cancel(),
    onQuitStarted(listener) {
      app.once('before-quit', listener);
      squirrel?.once('before-quit-for-update', listener);
      return () => {
        app.off('before-quit', listener);
        squirrel?.off('before-quit-for-update', listener);
      };
    },
    ...(options.logger ? { logger: options.logger } : {}),
  };
}

/** How long an accepted quitAndInstall may take to start quitting (it does so on the next tick). */
const RESTART_GRACE_MS = 5_000;

/** The controller's API as the runtime's UpdatesPort (fire-and-forget, never throws). */
export function toUpdatesPort(
  controller: UpdateController,
  hooks: UpdatesAdapterHooks,
  graceMs = RESTART_GRACE_MS,
): UpdatesPort {
  const report = (what: string) => (error: unknown) =>
    hooks.logger?.warn(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  /** Resets the quit flag when the accepted restart never turns into a quit. */
  const watchTheQuit = () => {
    if (!hooks.onQuitStarted) return;
    let quitting = false;
    const stopListening = hooks.onQuitStarted(() => (quitting = true));
    const timer = setTimeout(() => {
      stopListening();
      if (quitting) return;
      hooks.logger?.warn(
        'the updater did not restart AuZap (it declined to install now); the update installs when AuZap quits',
      );
      hooks.restartCancelled();
    }, graceMs);
    timer.unref?.();
  };
  return {
    state: () => controller.state(),
    onChange: (listener) => controller.onChange(listener),
    checkNow() {
      controller.checkNow().catch(report('the update check'));
    },
    restartToUpdate() {
      hooks.beforeRestart();
      let restarting = false;
      try {
        restarting = controller.restartToUpdate();
      } finally {
        if (!restarting) hooks.restartCancelled();
      }
      if (restarting) watchTheQuit();
    },
    later: () => controller.later(),
    setChannel(channel: UpdateChannel) {
      controller.setChannel(channel).catch(report('changing the update channel'));
    },
  };
}

export interface ElectronUpdates {
  port: UpdatesPort;
  /** Starts the periodic checks (call once the app is up). */
  start(): void;
  stop(): void;
}

/** The first check waits a little: the app's own start-up (connect, resync) goes first. */
export const FIRST_CHECK_DELAY_MS = 15_000;

export function createElectronUpdates(
  updater: UpdaterPort,
  hooks: UpdatesAdapterHooks,
  firstCheckDelayMs = FIRST_CHECK_DELAY_MS,
): ElectronUpdates {
  // The saved channel arrives through port.setChannel() as soon as the runtime has
  // read the settings; 'stable' until then.
  const controller = createUpdateController({
    port: updater,
    channel: 'stable',
    firstCheckDelayMs,
    ...(hooks.logger ? { logger: hooks.logger } : {}),
  });
  return {
    port: toUpdatesPort(controller, hooks),
    start: () => controller.start(),
    stop: () => controller.stop(),
  };
}
