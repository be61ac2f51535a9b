/**
 * Commands the UI fires without waiting on the result in place (toggles, retries,
 * "Later"): a failure is never swallowed, it is shown to the user in words.
 */
import type { CommandArgs, CommandChannel, CommandResult } from '../../../shared/bridge';
import { describeError } from '../../../shared/errors';
import { failureNotices, type FailureNotices } from '../app/failures';
import { BridgeCommandError, invoke } from './bridge-client';

/** What the user was trying to do, for the failure message. */
const ATTEMPTS: Partial<Record<CommandChannel, string>> = {
  'inbox:set-muted': 'Could not change the mute setting',
  'inbox:retry-send': 'Could not retry sending the message',
  'settings:update-preferences': 'Could not save the setting',
  'connect-flow:dismiss': 'Could not close the linking panel',
  'connection:retry-now': 'Could not retry the connection',
  'notifications:update-settings': 'Could not change the notification settings',
  'ui:view-changed': 'Could not tell AuZap which conversation is on screen',
  'updates:check-now': 'Could not check for updates',
  'updates:restart': 'Could not restart to update',
  'updates:later': 'Could not postpone the update',
};

/** The failure of `channel` in words fit for the screen. */
export function commandFailureMessage(channel: CommandChannel, failure: unknown): string {
  const attempt = ATTEMPTS[channel] ?? 'That did not work';
  const reason =
    failure instanceof BridgeCommandError ? failure.message : `Something went wrong (${describeError(failure)}).`;
  return `${attempt}: ${reason}`;
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
