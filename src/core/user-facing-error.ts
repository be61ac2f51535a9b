import type { BridgeErrorCode } from '../shared/bridge';
import type { UserText } from '../shared/i18n/user-text';

/** Throw this from a command handler to show `text` to the user, in the window's language. */
export class UserFacingError extends Error {
  constructor(
    readonly text: UserText,
    readonly code: BridgeErrorCode = 'failed',
  ) {
    super(text.key);
    this.name = 'UserFacingError';
  }
}
