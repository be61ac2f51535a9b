// The AppUserModelId the app sets on Windows is electron-builder's appId, and the test
// hooks record what the shell hands to the OS notifier without changing it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_ID } from '../../../src/main/shell/app-identity';
import { recordNotifications, testHooksEnabled } from '../../../src/main/shell/test-hooks';

describe('the app identity', () => {
  it("equals electron-builder's appId", () => {
    const yml = readFileSync(join(import.meta.dirname, '../../../electron-builder.yml'), 'utf8');
    expect(/^appId:\s*(\S+)\s*$/m.exec(yml)?.[1]).toBe(APP_ID);
  });
});

describe('the test hooks', () => {
  it('are off unless AUZAP_TEST_HOOKS=1', () => {
    expect(testHooksEnabled({})).toBe(false);
    expect(testHooksEnabled({ AUZAP_TEST_HOOKS: 'true' })).toBe(false);
    expect(testHooksEnabled({ AUZAP_TEST_HOOKS: '1' })).toBe(true);
  });

  it('record notifications and pass them on unchanged', () => {
    const inner = { notify: vi.fn() };
    const recorder = recordNotifications(inner, 2);
    recorder.notify({ title: 'a', body: '1' });
    recorder.notify({ title: 'b', body: '2', conversationId: 'c' });
    recorder.notify({ title: 'c', body: '3' });
    expect(inner.notify).toHaveBeenCalledTimes(3);
    expect(inner.notify).toHaveBeenLastCalledWith({ title: 'c', body: '3' });
    expect(recorder.recorded().map((n) => n.title)).toEqual(['b', 'c']);
  });
});
