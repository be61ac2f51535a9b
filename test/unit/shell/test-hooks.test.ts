// The smoke suite's hooks into the main process exist only in unpackaged builds: an
// installed app ignores AUZAP_TEST_HOOKS.
import { describe, expect, it, vi } from 'vitest';
import { recordNotifications, testHooksEnabled } from '../../../src/main/shell/test-hooks';

describe('test hooks', () => {
  it('are on with AUZAP_TEST_HOOKS=1 in an unpackaged build only', () => {
    expect(testHooksEnabled({ AUZAP_TEST_HOOKS: '1' }, false)).toBe(true);
    expect(testHooksEnabled({ AUZAP_TEST_HOOKS: '1' }, true)).toBe(false);
    expect(testHooksEnabled({}, false)).toBe(false);
    expect(testHooksEnabled({ AUZAP_TEST_HOOKS: 'yes' }, false)).toBe(false);
  });

  it('record what goes to the OS and pass it on', () => {
    const inner = { notify: vi.fn() };
    const recorder = recordNotifications(inner, 2);
    recorder.notify({ title: 'a', body: '1' });
    recorder.notify({ title: 'b', body: '2' });
    recorder.notify({ title: 'c', body: '3' });
    expect(inner.notify).toHaveBeenCalledTimes(3);
    expect(inner.notify).toHaveBeenLastCalledWith({ title: 'c', body: '3' });
    expect(recorder.recorded().map((n) => n.title)).toEqual(['b', 'c']);
  });
});
