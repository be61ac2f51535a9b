/**
 * When the window's renderer process dies (a crash, the OS killing it for memory, a GPU
 * fault), Electron leaves a blank window behind. The page is reloaded instead — the
 * inbox state lives in the main process, so nothing is lost — and why it died goes to
 * the log. A renderer that keeps dying is not reloaded forever: after MAX_RELOADS within
 * a minute the window stays as it is, and the log says so — until the user comes back to
 * it (shows or focuses it), which tries again.
 *
 * A page that hangs (an endless loop, a stuck GPU) leaves a frozen window that no click
 * can reach: after UNRESPONSIVE_LIMIT_MS of Electron's 'unresponsive' its renderer is
 * ended, as Electron's docs advise (`forcefullyCrashRenderer`), and reloaded like a crash.
 */
import type { RenderProcessGoneDetails } from 'electron';
import type { Logger } from '../../core/ports';

export const MAX_RELOADS = 3;
const RELOAD_WINDOW_MS = 60_000;
/** Chromium says 'unresponsive' after some seconds of a hung page already. */
export const UNRESPONSIVE_LIMIT_MS = 15_000;

interface CrashableWindow {
  isDestroyed(): boolean;
  on(event: 'show' | 'focus', listener: () => void): unknown;
  webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: RenderProcessGoneDetails) => void): unknown;
    on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
    reload(): void;
    isCrashed(): boolean;
    isDevToolsOpened(): boolean;
    forcefullyCrashRenderer(): void;
  };
}

export function reloadAfterRendererCrash(win: CrashableWindow, logger: Logger, now: () => number = Date.now): void {
  const reloads: number[] = [];
  const contents = win.webContents;
  let hung: ReturnType<typeof setTimeout> | null = null;
  const stopWatchingHang = () => {
    if (hung) clearTimeout(hung);
    hung = null;
  };
  contents.on('render-process-gone', (_event, details) => {
    // The hung page is gone (by itself, or ended below): its timer must not end the next one.
    stopWatchingHang();
    logger.error(`the window's page stopped: ${details.reason} (exit code ${details.exitCode})`);
    if (win.isDestroyed()) return;
    const t = now();
    while (reloads.length > 0 && (reloads[0] ?? 0) <= t - RELOAD_WINDOW_MS) reloads.shift();
    if (reloads.length >= MAX_RELOADS) {
      logger.error(
        `the page stopped ${MAX_RELOADS + 1} times within a minute; not reloading it again until the window is opened`,
      );
      return;
    }
    reloads.push(t);
    logger.info('reloading the window');
    contents.reload();
  });

  // The user came back to a window left dead: try again, from a fresh count.
  const reviveIfDead = () => {
    if (win.isDestroyed() || !contents.isCrashed()) return;
    reloads.length = 0;
    logger.info('the window was opened on a stopped page: reloading it');
    contents.reload();
  };
  win.on('show', reviveIfDead);
  win.on('focus', reviveIfDead);

  contents.on('unresponsive', () => {
    logger.warn('the window stopped responding');
    if (hung) return;
    hung = setTimeout(() => {
      hung = null;
      // A developer paused in the debugger is not a hang.
      if (win.isDestroyed() || contents.isDevToolsOpened()) return;
      logger.error(`the window did not respond for ${UNRESPONSIVE_LIMIT_MS / 1000} s more; restarting its page`);
      contents.forcefullyCrashRenderer();
    }, UNRESPONSIVE_LIMIT_MS);
  });
  contents.on('responsive', () => {
    stopWatchingHang();
    logger.info('the window responds again');
  });
}

/** Electron's app, as far as its processes go. */
interface ProcessEvents {
  on(
    event: 'child-process-gone',
    listener: (event: unknown, details: { type: string; reason: string; exitCode: number; name?: string }) => void,
  ): unknown;
  commandLine: { hasSwitch(name: string): boolean };
}

/**
 * What the log needs for a support case about a blank window or a weakened app: a GPU
 * process that dies takes the window's drawing with it (Chromium starts another, or falls
 * back to software); and a run without Chromium's sandbox (electron-builder's AppImage
 * launcher adds --no-sandbox where user namespaces are restricted, as on Ubuntu 24.04).
 */
export function logProcessTrouble(app: ProcessEvents, logger: Logger): void {
  if (app.commandLine.hasSwitch('no-sandbox')) {
    logger.warn('running without Chromium’s sandbox (--no-sandbox); on Ubuntu, the deb keeps it on');
  }
  app.on('child-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    logger.warn(
      `a helper process stopped: ${details.name ?? details.type} (${details.reason}, exit code ${details.exitCode})`,
    );
  });
}
