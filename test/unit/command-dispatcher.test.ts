import { describe, expect, it } from 'vitest';
import { createCommandDispatcher, type CommandHandlers } from '../../src/core/command-dispatcher';
import { UserFacingError } from '../../src/core/user-facing-error';
import type { AppSnapshot } from '../../src/shared/bridge';
import { inEnglish } from '../support/words';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const snapshot = { connection: { status: 'online' } } as unknown as AppSnapshot;

function dispatcherWith(overrides: Partial<CommandHandlers> = {}) {
  return createCommandDispatcher(
    {
      'app:get-snapshot': () => snapshot,
      'connection:retry-now': () => null,
      'ui:view-changed': () => null,
      'instances:refresh': () => null,
      'instances:connect': () => null,
      'instances:disconnect': () => null,
      'connect-flow:dismiss': () => null,
      ...overrides,
    } as CommandHandlers,
    quiet,
  );
}

describe('command dispatcher', () => {
  it('answers a known command with its value', async () => {
    expect(await dispatcherWith()('app:get-snapshot', [])).toEqual({ ok: true, value: snapshot });
  });

  it('refuses unknown channels and invalid arguments as data, never throwing', async () => {
    const dispatch = dispatcherWith();
    expect(await dispatch('fs:read', [])).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await dispatch('app:get-snapshot', ['unexpected'])).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments' },
    });
    const badPhone = await dispatch('instances:connect', [{ instanceId: 'i', method: 'code', phoneNumber: '12ab' }]);
    expect(badPhone).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(!badPhone.ok && inEnglish(badPhone.error.message)).toContain('country code');
  });

  it('shows a UserFacingError as-is and hides internal errors', async () => {
    const userFacing = dispatcherWith({
      'connection:retry-now': () => {
        throw new UserFacingError({ key: 'rest.serverSaid', params: { server: 'no', status: 400 } });
      },
    });
    expect(await userFacing('connection:retry-now', [])).toEqual({
      ok: false,
      error: { code: 'failed', message: { key: 'rest.serverSaid', params: { server: 'no', status: 400 } } },
    });
    const internal = dispatcherWith({
      'connection:retry-now': () => {
        throw new TypeError('cannot read x of undefined');
      },
    });
    const outcome = await internal('connection:retry-now', []);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(outcome)).not.toContain('undefined');
  });
});
