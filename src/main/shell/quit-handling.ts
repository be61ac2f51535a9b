/**
 * Quitting without losing anything:
 *   - every quit (tray, Cmd/Ctrl+Q, update, OS) sets the quitting flag, so closing the
 *     window closes instead of hiding;
 *   - `will-quit` is held until the host's clean-up ran (the core's final save and
 *     disconnect), bounded by SHUTDOWN_TIMEOUT_MS, then the quit resumes;
 *   - the OS shutting down or rebooting (macOS, Linux: powerMonitor 'shutdown') is delayed
 *     with preventDefault — Electron's documented way to get time for a clean exit — and
 *     the app quits at once through the same path, so the final save happens.
 */
import type { Logger } from '../../core/ports';
import type { QuitFlag } from './close-to-tray';

const SHUTDOWN_TIMEOUT_MS = 3_000;

interface PreventableEvent {
  preventDefault(): void;
}
interface QuittingApp {
  on(event: 'before-quit', listener: () => void): unknown;
  on(event: 'will-quit', listener: (event: PreventableEvent) => void): unknown;
  quit(): void;
}
interface ShutdownSource {
  on(event: 'shutdown', listener: (event?: Partial<PreventableEvent>) => void): unknown;
}

export interface QuitHandlingOptions {
  app: QuittingApp;
  quit: QuitFlag;
  /** The host's clean-up once started (null before): save, disconnect, stop. */
  cleanUp(): (() => Promise<void>) | null;
  logger: Logger;
  timeoutMs?: number;
}

export function installQuitHandling(options: QuitHandlingOptions): { quitForReal(): void } {
  const { app, quit, logger } = options;
  let cleaned = false;
  const quitForReal = () => {
    quit.markQuitting();
    app.quit();
  };
  app.on('before-quit', () => quit.markQuitting());
  app.on('will-quit', (event) => {
    const cleanUp = options.cleanUp();
    if (cleaned || !cleanUp) return;
    cleaned = true;
    event.preventDefault();
    void withTimeout(cleanUp(), options.timeoutMs ?? SHUTDOWN_TIMEOUT_MS, logger).finally(() => app.quit());
  });
  return { quitForReal };
}

/** powerMonitor 'shutdown' (macOS, Linux; usable once the app is ready): hold the OS off, then quit cleanly. */
export function quitCleanlyOnShutdown(power: ShutdownSource, quitForReal: () => void, logger: Logger): void {
  power.on('shutdown', (event) => {
    logger.info('the system is shutting down: saving and quitting');
    event?.preventDefault?.();
    quitForReal();
  });
}

async function withTimeout(work: Promise<void>, ms: number, logger: Logger): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      logger.warn('the core did not shut down in time; quitting anyway');
      resolve();
    }, ms);
  });
  try {
    await Promise.race([work.catch((error: unknown) => logger.warn(`shutting down failed: ${String(error)}`)), late]);
  } finally {
    clearTimeout(timer);
  }
}
