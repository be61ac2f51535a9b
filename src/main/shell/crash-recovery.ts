/**
 * When the window's renderer process dies (a crash, the OS killing it for memory, a GPU
 * fault), Electron leaves a blank window behind. The page is reloaded instead — the
 * inbox state lives in the main process, so nothing is lost — and why it died goes to
 * the log. A renderer that keeps dying is not reloaded forever: after MAX_RELOADS within
 * a minute the window stays as it is, and the log says so.
 */
import type { RenderProcessGoneDetails } from 'electron';
import type { Logger } from '../../core/ports';

export const MAX_RELOADS = 3;
const RELOAD_WINDOW_MS = 60_000;

interface CrashableWindow {
  isDestroyed(): boolean;
  webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: RenderProcessGoneDetails) => void): unknown;
    on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
    reload(): void;
  };
}

export function reloadAfterRendererCrash(win: CrashableWindow, logger: Logger, now: () => number = Date.now): void {
  const reloads: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    logger.error(`the window's page stopped: ${details.reason} (exit code ${details.exitCode})`);
    if (win.isDestroyed()) return;
    const t = now();
    while (reloads.length > 0 && (reloads[0] ?? 0) <= t - RELOAD_WINDOW_MS) reloads.shift();
    if (reloads.length >= MAX_RELOADS) {
      logger.error(`the page stopped ${MAX_RELOADS + 1} times within a minute; not reloading it again`);
      return;
    }
    reloads.push(t);
    logger.info('reloading the window');
    win.webContents.reload();
  });
  win.webContents.on('unresponsive', () => logger.warn('the window stopped responding'));
  win.webContents.on('responsive', () => logger.info('the window responds again'));
}
