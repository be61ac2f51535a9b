/**
 * When to check, download and install updates — host-agnostic. The Electron shell
 * hands in an UpdaterPort backed by electron-updater; tests hand in the real
 * electron-updater too (test/integration/updater.test.ts) or a fake.
 *
 * Behaviour: check at start and every few hours; download in the background; offer
 * "Restart to update" when downloaded; "Later" hides the offer until the next launch
 * (the update still installs on quit — electron-updater's autoInstallOnAppQuit — except
 * through a package manager: auto-updater.ts `installsOnQuit`).
 * Nothing here ever throws at the caller or blocks the app: failures become an 'error'
 * state with words, and the next check starts over.
 */
import { initialUpdateState, type UpdateChannel, type UpdateState } from '../../shared/updates';
import { type Clock, type Logger, systemClock } from '../../core/ports';
import { createListeners } from '../../shared/listeners';
import { type ProgressLike, reduceUpdateState, type UpdateInfoLike, type UpdaterEvent } from './update-state';

/** The updater events, with electron-updater's listener signatures. */
export interface UpdaterEventMap {
  'checking-for-update': () => void;
  'update-available': (info: UpdateInfoLike) => void;
  'update-not-available': (info: UpdateInfoLike) => void;
  'download-progress': (progress: ProgressLike) => void;
  'update-downloaded': (info: UpdateInfoLike) => void;
  error: (error: Error) => void;
}
export type UpdaterEventName = keyof UpdaterEventMap;

export interface UpdaterPort {
  /** True when the updater downloads by itself after 'update-available' (electron-updater's autoDownload). */
  readonly autoDownload: boolean;
  /** False where a downloaded update installs only on "Restart to update", never by itself at quit. */
  readonly installsOnQuit: boolean;
  checkForUpdates(): Promise<void>;
  downloadUpdate(): Promise<void>;
  quitAndInstall(): void;
  setChannel(channel: UpdateChannel): void;
  /** Whether the downloaded update installs by itself when the app quits (where it can). */
  setInstallOnQuit(enabled: boolean): void;
  on<E extends UpdaterEventName>(event: E, listener: UpdaterEventMap[E]): void;
}

/** Runs `task` once after `ms`; returns a cancel function. */
export type Schedule = (task: () => void, ms: number) => () => void;

export const systemSchedule: Schedule = (task, ms) => {
  const timer = setTimeout(task, ms);
  // A pending update check must never keep a quitting app (or a test run) alive.
  timer.unref?.();
  return () => clearTimeout(timer);
};

export const DEFAULT_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export interface UpdateControllerOptions {
  port: UpdaterPort;
  channel: UpdateChannel;
  /** Between the end of one check and the start of the next (default 4 h). */
  intervalMs?: number;
  /** Before the first check after start() (default 0: check on start). */
  firstCheckDelayMs?: number;
  clock?: Clock;
  schedule?: Schedule;
  logger?: Logger;
}

export interface UpdateController {
  state(): UpdateState;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  onChange(listener: (state: UpdateState) => void): () => void;
  /** Checks now and then every interval. */
  start(): void;
  stop(): void;
  /** A check the user asked for; resolves when the check (not the download) is done. */
  checkNow(): Promise<void>;
  /** Quits and installs the downloaded update; false when there is none yet. */
  restartToUpdate(): boolean;
  /** Hides the offer until next launch; the update installs on quit anyway. */
  later(): void;
  setChannel(channel: UpdateChannel): Promise<void>;
}

/** A semver pre-release ("2.1.0-beta.3"): what only the beta channel offers. */
export const isPrerelease = (version: string | undefined): boolean => /^\d+\.\d+\.\d+-/.test(version ?? '');

/**
 * A beta build on the stable channel: the user left beta (maybe because a beta broke)
 * while one was downloaded or downloading. It is neither offered nor installed at quit;
 * the stable feed decides what comes next. (macOS: electron-updater hands a finished
 * download to Squirrel.Mac at once, and what Squirrel staged may still install at the next
 * quit; only a real Mac can show whether clearing install-on-quit stops it.)
 */
const betaOnStable = (state: UpdateState, version: string | undefined) =>
  state.channel === 'stable' && isPrerelease(version);

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const { port } = options;
  const clock = options.clock ?? systemClock;
  const schedule = options.schedule ?? systemSchedule;
  const intervalMs = options.intervalMs ?? DEFAULT_CHECK_INTERVAL_MS;
  const listeners = createListeners<UpdateState>((error) =>
    options.logger?.warn(`update state listener failed: ${String(error)}`),
  );
  let current = initialUpdateState(options.channel);
  let cancelTimer: (() => void) | null = null;
  let running = false;

  const setState = (next: UpdateState) => {
    if (next === current) return;
    current = next;
    listeners.emit(current);
  };
  const apply = (event: UpdaterEvent) => setState(reduceUpdateState(current, event, new Date(clock.now())));
  const dropDownloaded = () => {
    port.setInstallOnQuit(false);
    options.logger?.info('a beta update was downloaded, but the channel is now stable: it will not be installed');
    setState(initialUpdateState(current.channel));
  };

  port.on('checking-for-update', () => apply({ type: 'checking-for-update' }));
  port.on('update-available', (info) => {
    apply({ type: 'update-available', info });
    if (!port.autoDownload) void download();
  });
  port.on('update-not-available', (info) => apply({ type: 'update-not-available', info }));
  port.on('download-progress', (progress) => apply({ type: 'download-progress', progress }));
  port.on('update-downloaded', (info) => {
    if (betaOnStable(current, info.version)) return dropDownloaded();
    port.setInstallOnQuit(true);
    const downloaded = reduceUpdateState(current, { type: 'update-downloaded', info }, new Date(clock.now()));
    // Said on the offer: where quitting installs nothing, only the button does.
    setState(port.installsOnQuit ? downloaded : { ...downloaded, installsOnQuit: false });
  });
  port.on('error', (error) => {
    options.logger?.warn(`update failed: ${error?.message ?? String(error)}`);
    apply({ type: 'error', error });
  });

  async function download() {
    try {
      await port.downloadUpdate();
    } catch (error) {
      // The port normally reports this as an 'error' event too; make sure it shows.
      if (current.status !== 'error') apply({ type: 'error', error });
    }
  }

  async function check() {
    // A check in flight, a download running or a download waiting for the restart:
    // nothing a new check could add now.
    if (current.status === 'checking' || current.status === 'downloading' || current.status === 'downloaded') return;
    try {
      await port.checkForUpdates();
    } catch (error) {
      if (current.status !== 'error') apply({ type: 'error', error });
    }
  }

  function scheduleNext(delayMs: number) {
    cancelTimer?.();
    cancelTimer = schedule(() => {
      cancelTimer = null;
      void check().finally(() => {
        if (running) scheduleNext(intervalMs);
      });
    }, delayMs);
  }

  return {
    state: () => current,
    onChange(listener) {
      return listeners.add(listener);
    },
    start() {
      if (running) return;
      running = true;
      try {
        port.setChannel(current.channel);
      } catch (error) {
        options.logger?.warn(`update channel not set: ${String(error)}`);
      }
      scheduleNext(options.firstCheckDelayMs ?? 0);
    },
    stop() {
      running = false;
      cancelTimer?.();
      cancelTimer = null;
    },
    checkNow: () => check(),
    restartToUpdate() {
      if (current.status !== 'downloaded') return false;
      try {
        port.quitAndInstall();
        return true;
      } catch (error) {
        apply({ type: 'error', error });
        return false;
      }
    },
    later() {
      if (!current.dismissed) setState({ ...current, dismissed: true });
    },
    async setChannel(channel) {
      if (channel === current.channel) return;
      try {
        port.setChannel(channel);
      } catch (error) {
        options.logger?.warn(`update channel not set: ${String(error)}`);
      }
      setState({ ...current, channel });
      if (current.status === 'downloaded' && betaOnStable(current, current.version)) dropDownloaded();
      await check();
    },
  };
}
