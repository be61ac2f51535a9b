/**
 * Web permissions for the app's session: everything is refused, except writing plain
 * text to the clipboard from our own page (the pairing code's "Copy" button:
 * navigator.clipboard.writeText asks for "clipboard-sanitized-write"). Notifications
 * go through the main process (node-notifier), so the page needs no "notifications".
 * Device pickers (HID, USB, serial) and downloads are refused too.
 */
import type { Session } from 'electron';

export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** The decision, shared by the request and the check handler. */
export function permissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  isOurOrigin: (url: string) => boolean,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && !!requestingUrl && isOurOrigin(requestingUrl);
}

type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'
>;

export function installPermissionHandlers(session: PermissionSession, isOurOrigin: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(permissionAllowed(permission, details.requestingUrl, isOurOrigin));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin, isOurOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
