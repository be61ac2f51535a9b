/**
 * The browser host's last line: an error nothing caught is logged in full, never lost.
 * A stray rejected promise is logged and the host keeps serving (the core turns every
 * expected failure into words already, so this is a bug to fix, not a reason to drop
 * the user's window). An uncaught exception leaves the process in an unknown state:
 * it is logged, then the host shuts down cleanly and exits with a failure code.
 */
import { describeError } from '../shared/errors';
import type { Logger } from '../core/ports';

/** The part of `process` this needs (a fake in tests). */
export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export function logUncaughtErrors(target: ProcessEvents, logger: Logger, fatal: () => void): void {
  target.on('unhandledRejection', (reason) => {
    logger.error(`a promise failed and nothing handled it: ${describeError(reason, { stack: true })}`);
  });
  target.on('uncaughtException', (error) => {
    logger.error(`the web host hit an unexpected error and stops: ${describeError(error, { stack: true })}`);
    fatal();
  });
}
