/**
 * The browser host's shell: what Electron would draw on the tray icon, the dock
 * badge and in native notifications, recorded so `GET /host/state` can report it.
 * Notifications also go to the real OS notifier when one is given.
 */
import { createOsNotifier, type OsNotifierOptions } from '../core/os-notifier';
import type { DesktopNotification, Notifier, TraySink, TrayState } from '../core/ports';

export interface HostStateReport {
  badgeCount: number;
  tooltip: string;
  attention: TrayState['attention'];
  notifications: Array<DesktopNotification & { at: string }>;
}

export interface HostShellState extends TraySink, Notifier {
  read(): HostStateReport;
}

const KEEP_NOTIFICATIONS = 500;

export function createHostShellState(osNotifier?: Notifier): HostShellState {
  let tray: TrayState = { badgeCount: 0, tooltip: 'AuZap', attention: 'offline' };
  const notifications: HostStateReport['notifications'] = [];
  return {
    update(state) {
      tray = state;
    },
    notify(notification) {
      notifications.push({ ...notification, at: new Date().toISOString() });
      if (notifications.length > KEEP_NOTIFICATIONS) notifications.splice(0, notifications.length - KEEP_NOTIFICATIONS);
      // Forking notify-send blocks the event loop for milliseconds: it runs once this task is
      // done, after the push that shows the same message on screen.
      if (osNotifier) setImmediate(() => osNotifier.notify(notification));
    },
    read() {
      return { ...tray, notifications: [...notifications] };
    },
  };
}

/**
 * The shell with real desktop notifications (notify-send on Linux, toasts on Windows,
 * Notification Center on macOS). Where node-notifier reports a click, it goes to
 * `clicked`, exactly as Electron's Notification 'click' does in the desktop app.
 */
export function createWebShell(
  options: Pick<OsNotifierOptions, 'logger' | 'notifier' | 'backend'> & {
    clicked: (notification: DesktopNotification) => void;
  },
): HostShellState {
  const { clicked, ...rest } = options;
  return createHostShellState(createOsNotifier({ appName: 'AuZap', onClick: clicked, ...rest }));
}
