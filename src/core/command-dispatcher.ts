/**
 * The main side of the bridge, shared by both hosts: checks the channel, validates
 * the arguments with the shared schema and turns every failure into data the
 * renderer can show. A handler never crashes the process.
 */
import {
  commandContracts,
  isCommandChannel,
  type CommandArgs,
  type CommandChannel,
  type CommandOutcome,
  type CommandResult,
} from '../shared/bridge';
import { describeError } from '../shared/errors';
import { describeZodError } from '../shared/events';
import type { Logger } from './ports';
import { UserFacingError } from './user-facing-error';
import { text } from '../shared/i18n/user-text';

export type CommandHandlers = {
  [C in CommandChannel]: (...args: CommandArgs<C>) => Promise<CommandResult<C>> | CommandResult<C>;
};

export type CommandDispatcher = (channel: unknown, args: unknown[]) => Promise<CommandOutcome>;

/** Handles the channels it has handlers for; any other channel is refused as unknown. */
export function createCommandDispatcher<C extends CommandChannel>(
  handlers: Pick<CommandHandlers, C>,
  logger: Logger,
): CommandDispatcher {
  const handles = (channel: unknown): channel is C =>
    isCommandChannel(channel) && Object.prototype.hasOwnProperty.call(handlers, channel);
  return async (channel, args) => {
    if (!handles(channel)) {
      logger.warn(`rejected a call to unknown bridge channel ${JSON.stringify(channel)}`);
      return { ok: false, error: { code: 'unknown_channel', message: text('bridge.unknownChannel') } };
    }
    const parsed = commandContracts[channel].args.safeParse(args);
    if (!parsed.success) {
      const reason = describeZodError(parsed.error);
      logger.warn(`rejected "${channel}" with invalid arguments: ${reason}`);
      return { ok: false, error: { code: 'invalid_arguments', message: text('bridge.invalid', { detail: reason }) } };
    }
    try {
      const handler = handlers[channel] as unknown as (...a: unknown[]) => unknown;
      const value = (await handler(...(parsed.data as unknown[]))) as CommandResult<typeof channel>;
      return { ok: true, value };
    } catch (error) {
      if (error instanceof UserFacingError) {
        return { ok: false, error: { code: error.code, message: error.text } };
      }
      logger.error(`"${channel}" failed: ${describeError(error, { stack: true })}`);
      return { ok: false, error: { code: 'internal', message: text('common.somethingWrong') } };
    }
  };
}
