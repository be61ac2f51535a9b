import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { RestError } from '../../src/core/rest-client';
import { restFailureWords } from '../../src/core/rest-failure';
import { logUncaughtErrors, type ProcessEvents } from '../../src/host-web/process-errors';
import { describeError } from '../../src/shared/errors';
import { inEnglish } from '../support/words';

const recordingLogger = () => {
  const lines: string[] = [];
  return {
    lines,
    info: (m: string) => lines.push(`INFO ${m}`),
    warn: (m: string) => lines.push(`WARN ${m}`),
    error: (m: string) => lines.push(`ERROR ${m}`),
  };
};

describe('describeError', () => {
  it('says what went wrong in one line, whatever was thrown', () => {
    expect(describeError(new Error('disk full\n    at write (fs.js:1)'))).toBe('disk full');
    expect(describeError(Object.assign(new Error(''), { code: 'EPIPE' }))).toBe('Error (EPIPE)');
    expect(describeError('\n  plain words  \n')).toBe('plain words');
    expect(describeError({ status: 500 })).toBe('{"status":500}');
    expect(describeError(undefined)).toBe('unknown error');
  });

  it('keeps the stack for logs when asked', () => {
    const error = new Error('boom');
    expect(describeError(error, { stack: true })).toContain('at ');
  });
});

describe('REST failures in words', () => {
  it('passes the server’s words on, and a refused sign-in asks to sign in again', () => {
    const signIns: string[] = [];
    const words = restFailureWords({
      logger: recordingLogger(),
      onUnauthorized: (m) => signIns.push(inEnglish(m)),
      area: 'inbox',
    });
    const said = { key: 'rest.serverSaid', params: { server: 'database unavailable', status: 500 } } as const;
    expect(inEnglish(words(new RestError('http', 'log line', 500, said)))).toBe(
      'The server said: “database unavailable” (HTTP 500).',
    );
    expect(signIns).toEqual([]);
    const refused = { key: 'rest.unauthorizedSaying', params: { server: 'token expired' } } as const;
    expect(inEnglish(words(new RestError('unauthorized', 'log line', 401, refused)))).toBe(
      'Sign-in needed: the server said “token expired”.',
    );
    expect(signIns).toEqual(['Sign-in needed: the server said “token expired”.']);
  });

  it('a bug is logged in full while the user gets a calm sentence', () => {
    const logger = recordingLogger();
    const words = restFailureWords({ logger, onUnauthorized: () => undefined, area: 'instances' });
    expect(inEnglish(words(new TypeError('cannot read x of undefined')))).toBe('Something went wrong. Try again.');
    expect(logger.lines[0]).toMatch(
      /^ERROR instances: unexpected failure: TypeError: cannot read x of undefined\n\s+at /,
    );
  });
});

describe('browser host: errors nothing caught', () => {
  it('logs a stray rejection and keeps serving; logs an uncaught exception and shuts down', () => {
    const events = new EventEmitter();
    const logger = recordingLogger();
    let fatal = 0;
    logUncaughtErrors(events as unknown as ProcessEvents, logger, () => (fatal += 1));
    events.emit('unhandledRejection', new Error('nobody awaited me'));
    expect(fatal).toBe(0);
    expect(logger.lines[0]).toContain('ERROR a promise failed and nothing handled it: Error: nobody awaited me');
    events.emit('uncaughtException', new Error('corrupt state'));
    expect(fatal).toBe(1);
    expect(logger.lines[1]).toContain('the web host hit an unexpected error and stops: Error: corrupt state');
  });
});
