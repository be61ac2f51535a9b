/**
 * Errors nothing caught (an event handler that threw, a promise nobody awaited) are
 * shown in the failure banner too, not only in a console the user never opens.
 */
import { describeError } from '../../../shared/errors';
import type { FailureNotices } from './failures';
import { text } from '../../../shared/i18n/user-text';

export function reportUncaughtErrors(target: Window, notices: FailureNotices): void {
  const report = (error: unknown) =>
    notices.report('unexpected', text('failure.uncaught', { detail: describeError(error) }));
  target.addEventListener('error', (event) => report(event.error ?? event.message));
  target.addEventListener('unhandledrejection', (event) => report(event.reason));
}
