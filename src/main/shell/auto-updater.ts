/**
 * The UpdaterPort on top of electron-updater (thin: settings and forwarding only; the
 * policy lives in ./update-controller.ts).
 *
 * Feed: a generic HTTPS server. The URL comes from AUZAP_UPDATE_URL when set, otherwise
 * from the app-update.yml electron-builder bakes into the package from the `publish`
 * block of electron-builder.yml. Channels follow electron-builder's convention: the
 * feed holds latest-*.yml (stable) and beta-*.yml (stable + beta builds).
 */
import updater, { type AppUpdater, type ProgressInfo, type UpdateInfo } from 'electron-updater';
import type { Logger } from '../../core/ports';
import type { UpdaterPort } from './update-controller';
import type { ProgressLike, UpdateInfoLike } from './update-state';

// Compile-time proof that electron-updater's payloads fit what the core reads, since
// `on` below forwards listeners without TS pairing the two event maps.
type Fits<A, B> = A extends B ? true : never;
const _payloadsFit: [Fits<UpdateInfo, UpdateInfoLike>, Fits<ProgressInfo, ProgressLike>] = [true, true];

export interface ElectronUpdaterOptions {
  logger?: Logger;
  /** Reads AUZAP_UPDATE_URL (default: process.env). */
  env?: Record<string, string | undefined>;
  /**
   * The electron-updater instance. Default: electron-updater's `autoUpdater`, which picks
   * the class for this package type (NSIS, macOS, AppImage, deb, rpm). Tests pass one.
   */
  updater?: AppUpdater;
  /**
   * Check even when the app is not packaged, reading dev-app-update.yml next to the app
   * (electron-updater's own switch; for trying updates from a dev build).
   */
  forceDevUpdateConfig?: boolean;
  /** An AppImage update was installed under a new file name (the old file is gone). */
  onAppImageRenamed?(path: string): void;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The update feed from the environment, or null to use the packaged publish config.
 * HTTPS only (a plain-HTTP feed would let anyone on the path swap the file and its
 * checksum together), except loopback for local testing.
 */
export function updateFeedUrl(env: Record<string, string | undefined>, logger?: Logger): string | null {
  const raw = env.AUZAP_UPDATE_URL?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url.href;
  } catch {
    // fall through
  }
  logger?.warn(`AUZAP_UPDATE_URL ignored: it must be an https:// URL (got "${raw}")`);
  return null;
}

/**
 * Whether a downloaded update may install by itself when AuZap quits. Not through a
 * system package manager (deb, rpm, pacman): that install asks for the admin password
 * (pkexec) and blocks the quit on it — at every Ctrl+Q, with no window on screen, and at
 * shutdown, where dpkg could be cut off halfway. There it installs only when the user
 * chose Restart to update, and expects the prompt.
 */
export function installsOnQuit(u: AppUpdater): boolean {
  // Through the default export: electron-updater is CommonJS (as `autoUpdater` below).
  const { DebUpdater, RpmUpdater, PacmanUpdater } = updater;
  return !(u instanceof DebUpdater || u instanceof RpmUpdater || u instanceof PacmanUpdater);
}

export function createElectronUpdaterPort(options: ElectronUpdaterOptions = {}): UpdaterPort {
  // Read lazily: electron-updater builds its platform updater on first access of
  // `autoUpdater` (it needs Electron's `app`), so a test can pass its own instead.
  const { autoUpdater } = options.updater ? { autoUpdater: options.updater } : updater;
  const u = autoUpdater;

  if (options.logger) u.logger = options.logger;
  u.autoDownload = true;
  u.autoInstallOnAppQuit = installsOnQuit(u);
  // We publish full installers only; a web installer would fetch an unverified payload.
  u.disableWebInstaller = true;
  if (options.forceDevUpdateConfig) u.forceDevUpdateConfig = true;
  const { onAppImageRenamed } = options;
  if (onAppImageRenamed) {
    u.on('appimage-filename-updated', (path) => onAppImageRenamed(path));
  }

  const feed = updateFeedUrl(options.env ?? process.env, options.logger);
  if (feed) u.setFeedURL({ provider: 'generic', url: feed });

  return {
    autoDownload: true,
    installsOnQuit: installsOnQuit(u),
    async checkForUpdates() {
      const result = await u.checkForUpdates();
      // With autoDownload the check starts the download and hands back its promise; its
      // failure is reported as an 'error' event, so only keep it from going unhandled.
      result?.downloadPromise?.catch(() => undefined);
    },
    async downloadUpdate() {
      await u.downloadUpdate();
    },
    quitAndInstall() {
      u.quitAndInstall();
    },
    setInstallOnQuit(enabled) {
      u.autoInstallOnAppQuit = enabled && installsOnQuit(u);
    },
    setChannel(channel) {
      // The channel setter also turns allowDowngrade on; we turn it back off, so leaving
      // beta keeps the beta build until a newer stable one ships (no silent downgrade).
      u.channel = channel === 'beta' ? 'beta' : 'latest';
      u.allowPrerelease = channel === 'beta';
      u.allowDowngrade = false;
    },
    on(event, listener) {
      // The names and listener signatures are electron-updater's own (UpdateInfo and
      // ProgressInfo fit the core's *Like types); TS only cannot pair the two generic maps.
      const emitter: { on(name: string, listener: (...args: never[]) => void): unknown } = u;
      emitter.on(event, listener);
    },
  };
}
