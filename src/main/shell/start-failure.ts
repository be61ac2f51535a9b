/**
 * A start that fails (an unreadable data folder, a port the demo backend cannot bind, a
 * bug) must not end in a silent exit with an icon that never appears: the user sees a
 * dialog with the reason and where the details are, and the log has the stack.
 */
import type { Logger } from '../../core/ports';

export interface StartFailureDeps {
  showErrorBox(title: string, content: string): void;
  logger: Logger;
  /** The log file, named in the dialog. */
  logFile?: string;
}

export function describeStartFailure(error: unknown, logFile?: string): { title: string; content: string } {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.split('\n')[0]?.trim() || 'an unknown error';
  return {
    title: 'AuZap could not start',
    content: [`The reason: ${reason}`, logFile ? `Details are in ${logFile}.` : '', 'Try starting AuZap again.']
      .filter(Boolean)
      .join('\n\n'),
  };
}

export function reportStartFailure(error: unknown, deps: StartFailureDeps): void {
  deps.logger.error(
    `AuZap could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  const { title, content } = describeStartFailure(error, deps.logFile);
  try {
    deps.showErrorBox(title, content);
  } catch {
    // No dialog possible (no display): the log has it.
  }
}
