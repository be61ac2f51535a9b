// Web permissions: all refused, except clipboard writes from our own page.
import { describe, expect, it, vi } from 'vitest';
import { installPermissionHandlers, permissionAllowed } from '../../../src/main/shell/permissions';

const ours = (url: string) => url.startsWith('app://auzap');

describe('permissions', () => {
  it('allows writing to the clipboard from our page only', () => {
    expect(permissionAllowed('clipboard-sanitized-write', 'app://auzap/index.html', ours)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'app://auzap', ours)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'https://evil.example/', ours)).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', undefined, ours)).toBe(false);
  });

  it.each(['clipboard-read', 'notifications', 'media', 'geolocation', 'openExternal', 'fullscreen', 'hid', 'unknown'])(
    'refuses %s even to our page',
    (permission) => {
      expect(permissionAllowed(permission, 'app://auzap/index.html', ours)).toBe(false);
    },
  );

  it('installs request, check and device handlers, and refuses downloads', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      on: vi.fn(),
    };
    installPermissionHandlers(session as never, ours);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void;
    const callback = vi.fn();
    request({}, 'media', callback, { requestingUrl: 'app://auzap/index.html' });
    request({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'app://auzap/index.html' });
    request({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'https://evil.example/' });
    expect(callback.mock.calls).toEqual([[false], [true], [false]]);

    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      origin: string,
    ) => boolean;
    expect(check(null, 'clipboard-sanitized-write', 'app://auzap')).toBe(true);
    expect(check(null, 'notifications', 'app://auzap')).toBe(false);

    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(device()).toBe(false);

    expect(session.on).toHaveBeenCalledWith('will-download', expect.any(Function));
    const onDownload = session.on.mock.calls[0]?.[1] as (event: { preventDefault(): void }) => void;
    const event = { preventDefault: vi.fn() };
    onDownload(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
