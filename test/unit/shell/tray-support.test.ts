// Does this desktop show tray icons? Asked on the session bus (who owns
// org.kde.StatusNotifierWatcher), for real on a private bus, and by answer for the rest.
import { describe, expect, it, vi } from 'vitest';
import { detectTraySupport, type RunTool } from '../../../src/main/shell/tray-support';
import { notificationBusSkipReason, startNotificationSession } from '../../support/notification-bus';

describe('detectTraySupport', () => {
  it('is always yes on macOS and Windows, without asking', async () => {
    const run = vi.fn<RunTool>();
    expect((await detectTraySupport('darwin', {}, run)).available).toBe(true);
    expect((await detectTraySupport('win32', {}, run)).available).toBe(true);
    expect(run).not.toHaveBeenCalled();
  });

  it('reads dbus-send’s answer, else gdbus’', async () => {
    const says =
      (out: Record<string, string>): RunTool =>
      async (tool) => {
        if (tool in out) return out[tool] as string;
        throw new Error(`${tool}: not found`);
      };
    expect(await detectTraySupport('linux', {}, says({ 'dbus-send': 'method return …\n   boolean true\n' }))).toEqual({
      available: true,
      how: 'org.kde.StatusNotifierWatcher is on the session bus',
    });
    expect((await detectTraySupport('linux', {}, says({ 'dbus-send': '   boolean false\n' }))).available).toBe(false);
    expect((await detectTraySupport('linux', {}, says({ gdbus: '(false,)\n' }))).available).toBe(false);
    expect((await detectTraySupport('linux', {}, says({ gdbus: '(true,)\n' }))).available).toBe(true);
  });

  it('keeps the tray when the bus cannot be asked (no evidence against it)', async () => {
    const result = await detectTraySupport('linux', {}, async () => {
      throw new Error('Failed to open connection to "session" message bus');
    });
    expect(result.available).toBe(true);
    expect(result.how).toMatch(/unknown/);
  });

  it.skipIf(notificationBusSkipReason() !== '')(
    'on a session bus with no StatusNotifierWatcher (stock GNOME): no tray',
    async () => {
      const session = await startNotificationSession();
      try {
        const result = await detectTraySupport('linux', { ...process.env, ...session.env });
        expect(result).toEqual({
          available: false,
          how: 'nothing owns org.kde.StatusNotifierWatcher on the session bus',
        });
      } finally {
        await session.stop();
      }
    },
    30_000,
  );
});
