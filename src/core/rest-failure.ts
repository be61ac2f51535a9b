/**
 * A failed REST call in words a user can act on. A refused sign-in also asks the app
 * to sign in again; anything that is not a RestError is a bug, so it is logged in full
 * and the user gets a calm sentence.
 */
import { describeError } from '../shared/errors';
import { text, type UserText } from '../shared/i18n/user-text';
import type { Logger } from './ports';
import { RestError } from './rest-client';

export interface RestFailureOptions {
  logger: Logger;
  /** A 401: the app must ask the user to sign in again. */
  onUnauthorized: (detail: UserText) => void;
  /** Which part of the app failed, for the log ("inbox", "instances"). */
  area: string;
}

export type RestFailureWords = (failure: unknown) => UserText;

export function restFailureWords(options: RestFailureOptions): RestFailureWords {
  return (failure) => {
    if (failure instanceof RestError) {
      if (failure.kind === 'unauthorized') options.onUnauthorized(failure.text);
      return failure.text;
    }
    options.logger.error(`${options.area}: unexpected failure: ${describeError(failure, { stack: true })}`);
    return text('common.somethingWrong');
  };
}
