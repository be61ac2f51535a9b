/**
 * Commands the UI fires without waiting on the result in place (toggles, retries,
 * "Later"): a failure is never swallowed, it is shown to the user in words.
 */
import type { CommandArgs, CommandChannel, CommandResult } from '../../../shared/bridge';
import { describeError } from '../../../shared/errors';
import { failureNotices, type FailureNotices } from '../app/failures';
import { BridgeCommandError, invoke } from './bridge-client';
import type { MessageKey } from '../../../shared/i18n/translate';
import { text, type UserText } from '../../../shared/i18n/user-text';

/** What the user was trying to do, for the failure message. */
const ATTEMPTS: Partial<Record<CommandChannel, MessageKey>> = {
  'inbox:set-muted': 'failure.mute',
  'inbox:retry-send': 'failure.retrySend',
  'inbox:discard-reply': 'failure.discardReply',
  'settings:update-preferences': 'failure.setting',
  'connect-flow:dismiss': 'failure.dismissFlow',
  'connection:retry-now': 'failure.retryConnection',
  'notifications:update-settings': 'failure.notificationSettings',
  'ui:view-changed': 'failure.viewChanged',
  'updates:check-now': 'failure.checkUpdates',
  'updates:restart': 'failure.restart',
  'updates:later': 'failure.later',
};

/** The failure of `channel` as words for the screen. */
export function commandFailureMessage(channel: CommandChannel, failure: unknown): UserText {
  const reason =
    failure instanceof BridgeCommandError
      ? failure.info.message
      : text('failure.unexpected', { detail: describeError(failure) });
  return text('failure.command', { attempt: text(ATTEMPTS[channel] ?? 'failure.generic'), reason });
}

/** Runs a command; on failure the user is told and the result is undefined. */
export async function runCommand<C extends CommandChannel>(
  channel: C,
  ...args: CommandArgs<C>
): Promise<CommandResult<C> | undefined> {
  return runReported(failureNotices, channel, () => invoke(channel, ...args));
}

/** runCommand with the notices and the call handed in (tests). */
export async function runReported<C extends CommandChannel>(
  notices: FailureNotices,
  channel: C,
  call: () => Promise<CommandResult<C>>,
): Promise<CommandResult<C> | undefined> {
  try {
    const value = await call();
    notices.resolve(channel);
    return value;
  } catch (failure) {
    notices.report(channel, commandFailureMessage(channel, failure));
    return undefined;
  }
}
