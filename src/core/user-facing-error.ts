import type { BridgeErrorCode } from '../shared/bridge';

/** Throw this from a command handler to show `message` to the user as-is. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: BridgeErrorCode = 'failed',
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
