/**
 * A start that fails (an unreadable data folder, a port the demo backend cannot bind, a
 * bug) must not end in a silent exit with an icon that never appears: the user sees a
 * dialog with the reason and where the details are, and the log has the stack.
 */
import type { Logger } from '../../core/ports';
import type { Locale } from '../../shared/i18n/locale';
import { translator } from '../../shared/i18n/translate';

export interface StartFailureDeps {
  showErrorBox(title: string, content: string): void;
  logger: Logger;
  /** The log file, named in the dialog. */
  logFile?: string;
  /** The system's language: Settings may be what failed to load. */
  locale: Locale;
}

/** The reason is the error's own first line, quoted as it is: it is data, not our words. */
export function describeStartFailure(
  error: unknown,
  locale: Locale,
  logFile?: string,
): { title: string; content: string } {
  const { t } = translator(locale);
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.split('\n')[0]?.trim() || t('startFailure.unknownReason');
  return {
    title: t('startFailure.title'),
    content: [
      t('startFailure.reason', { reason }),
      logFile ? t('startFailure.details', { file: logFile }) : '',
      t('startFailure.tryAgain'),
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

export function reportStartFailure(error: unknown, deps: StartFailureDeps): void {
  deps.logger.error(
    `AuZap could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  const { title, content } = describeStartFailure(error, deps.locale, deps.logFile);
  try {
    deps.showErrorBox(title, content);
  } catch {
    // No dialog possible (no display): the log has it.
  }
}
