/**
 * The Electron host's log: a file in the user data folder (logs/main.log), bounded and
 * rotated (at MAX_BYTES it becomes main.old.log, replacing the previous one: at most two
 * files, ~2 MB), echoed to the console. It receives everything the host and the core log,
 * and — once `catchProcessErrors()` ran — every uncaught exception and unhandled rejection
 * of the main process, which would otherwise vanish with nobody at a terminal.
 *
 * electron-log's Node flavour (`electron-log/node`) does the writing and rotating: the
 * same engine as its Electron flavour, minus the IPC channel that one opens for renderer
 * logs (our sandboxed renderer has no business writing to the main process' log).
 */
import { join } from 'node:path';
import electronLog from 'electron-log/node';
import type { Logger } from '../../core/ports';

export const LOG_FILE = 'main.log';
const MAX_BYTES = 1024 * 1024;

export interface FileLog {
  logger: Logger;
  /** Where the log is written now. */
  file(): string;
  /** Logs uncaughtException / unhandledRejection instead of Electron's error dialog; returns the undo. */
  catchProcessErrors(): () => void;
}

export interface FileLogOptions {
  /** The folder the log goes to, read on every write (userData may be set after the log exists). */
  dir: () => string;
  /** Given, so electron-log need not guess it from a package.json (inside app.asar when packaged). */
  appName: string;
  maxBytes?: number;
  /** Also print to stdout/stderr (default true). */
  console?: boolean;
}

export function createFileLog(options: FileLogOptions): FileLog {
  const log = electronLog.create({ logId: 'auzap-main' });
  log.transports.file.setAppName(options.appName);
  log.transports.file.resolvePathFn = () => join(options.dir(), LOG_FILE);
  log.transports.file.maxSize = options.maxBytes ?? MAX_BYTES;
  log.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  log.transports.console.level = options.console === false ? false : 'info';
  log.transports.console.format = '{h}:{i}:{s}.{ms} {level} [main] {text}';

  return {
    logger: {
      info: (message) => log.info(message),
      warn: (message) => log.warn(message),
      error: (message) => log.error(message),
    },
    file: () => log.transports.file.getFile().path,
    catchProcessErrors() {
      log.errorHandler.startCatching({
        showDialog: false,
        onError({ error, errorName }) {
          log.error(`${errorName || 'Uncaught error'} in the main process: ${error.stack ?? error.message}`);
          // Logged here, in one entry with its stack; electron-log need not log it again.
          return false;
        },
      });
      return () => log.errorHandler.stopCatching();
    },
  };
}
