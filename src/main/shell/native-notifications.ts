/**
 * The core's Notifier port over Electron's own `Notification` — what the desktop app
 * uses wherever `Notification.isSupported()` says yes:
 *
 *   - a click opens the conversation on all three OSes (Linux: libnotify's "default"
 *     action, where the daemon offers actions; node-notifier's notify-send cannot report
 *     clicks at all);
 *   - the sender is the app itself: "AuZap" with its icon (macOS: the app bundle's icon
 *     and its own notification permission, which the dock badge needs too, where
 *     node-notifier showed "terminal-notifier"; Linux: libnotify sends the desktop-entry
 *     hint from package.json's desktopName, so the desktop shows the installed app);
 *   - no helper binaries to unpack from the asar.
 *
 * node-notifier (core/os-notifier.ts) stays the browser host's notifier (a plain Node
 * process has no Electron) and this host's fallback where Electron has no notifications.
 *
 * Electron drops a notification's click handler once the JS object is garbage collected
 * (macOS and Windows), so every shown notification is held until it is clicked or closed
 * (at most MAX_HELD; the oldest are let go first). A Windows toast that closed by timing
 * out is still held: it waits in the Action Center, where a click must still open the chat;
 * one left there from before a restart of AuZap shows the window (no object holds it).
 */
import type { NotificationConstructorOptions } from 'electron';
import { plainLine, truncate } from '../../shared/message-text';
import type { DesktopNotification, Logger, Notifier } from '../../core/ports';

export const MAX_HELD = 100;
const MAX_TITLE = 120;
const MAX_BODY = 500;

/** What this adapter needs of one Electron Notification. */
export interface ShownNotification {
  on(event: 'click' | 'close' | 'failed', listener: (...args: unknown[]) => void): unknown;
  show(): void;
}

/** Electron's Notification class, narrowed (a fake in tests). */
export interface NotificationApi {
  isSupported(): boolean;
  create(options: NotificationConstructorOptions): ShownNotification;
  /** `Notification.handleActivation` (Windows only): every toast click, held or not. */
  handleActivation?(callback: () => void): void;
}

export interface NativeNotifierOptions {
  api: NotificationApi;
  platform: NodeJS.Platform;
  appName: string;
  /** The app icon (resources/icon.png); macOS always shows the bundle's icon instead. */
  icon?: string;
  logger: Logger;
  onClick(notification: DesktopNotification): void;
  /** A toast clicked in the Action Center that no held notification knows (Windows). */
  onActivated?(): void;
}

/**
 * Linux daemons read the body as markup ("body-markup": GNOME, KDE, dunst, xfce4-notifyd,
 * mako) and libnotify passes it through untouched, so `<`, `>` and `&` from a WhatsApp
 * message must arrive as entities to show as typed. The summary is plain text by the
 * specification and is left alone; macOS and Windows take plain text everywhere.
 */
export function notificationText(
  notification: Pick<DesktopNotification, 'title' | 'body'>,
  platform: NodeJS.Platform,
  appName: string,
): { title: string; body: string } {
  const title = truncate(plainLine(notification.title), MAX_TITLE) || appName;
  const body = truncate(plainLine(notification.body), MAX_BODY);
  return {
    title,
    body: platform === 'linux' ? body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : body,
  };
}

/** Electron's `close` details (`NotificationCloseEventParams`): Windows says why. */
const closedByTimeout = (details: unknown): boolean =>
  typeof details === 'object' && details !== null && (details as { reason?: unknown }).reason === 'timedOut';

export interface NativeNotifier extends Notifier {
  /** How many shown notifications are held for their click (bounded by MAX_HELD). */
  held(): number;
}

export function createNativeNotifier(options: NativeNotifierOptions): NativeNotifier {
  const { api, logger } = options;
  const held = new Map<number, ShownNotification>();
  let next = 0;
  let failureLogged = false;

  const release = (id: number) => held.delete(id);
  // Windows keeps toasts in the Action Center across restarts of the app, where no
  // Notification object (and so no click handler) exists any more: a click there would do
  // nothing. Electron reports every activation here, held or not (a held one also gets its
  // own click, which opens its chat). The default toast carries nothing of ours to find
  // the chat by, so the window is shown: the inbox puts the unread chat on top.
  const { onActivated } = options;
  if (options.platform === 'win32' && api.handleActivation && onActivated) {
    try {
      api.handleActivation(() => {
        try {
          onActivated();
        } catch (error) {
          logger.error(`The notification activation handler failed: ${String(error)}`);
        }
      });
    } catch (error) {
      logger.warn(`Toast clicks in the Action Center cannot be handled (${String(error)})`);
    }
  }

  return {
    notify(notification) {
      const id = ++next;
      let shown: ShownNotification;
      try {
        shown = api.create({
          ...notificationText(notification, options.platform, options.appName),
          ...(options.icon ? { icon: options.icon } : {}),
          silent: false,
          // macOS / Windows: one thread per conversation in Notification Center / Action Center.
          ...(notification.conversationId ? { groupId: notification.conversationId } : {}),
        });
        shown.on('click', () => {
          release(id);
          try {
            options.onClick(notification);
          } catch (error) {
            logger.error(`The notification click handler failed: ${String(error)}`);
          }
        });
        shown.on('close', (details) => {
          // Windows: a toast that timed out moves to the Action Center and can still be
          // clicked there; let go of it only when it is really gone.
          if (closedByTimeout(details)) return;
          release(id);
        });
        shown.on('failed', (_event, error) => {
          release(id);
          if (failureLogged) return;
          failureLogged = true;
          logger.warn(`Desktop notifications are not working (${String(error)}). Further failures are not logged.`);
        });
        held.set(id, shown);
        while (held.size > MAX_HELD) release(held.keys().next().value as number);
        shown.show();
      } catch (error) {
        release(id);
        if (!failureLogged) {
          failureLogged = true;
          logger.warn(`Desktop notifications are not working (${String(error)}). Further failures are not logged.`);
        }
      }
    },
    held: () => held.size,
  };
}

export interface NotifierChoice {
  kind: 'electron' | 'node-notifier';
  notifier: Notifier;
}

/** Electron's notifications where the system has them; otherwise the node-notifier fallback. */
export function chooseNotifier(electron: NativeNotifierOptions, fallback: () => Notifier): NotifierChoice {
  let supported: boolean;
  try {
    supported = electron.api.isSupported();
  } catch {
    supported = false;
  }
  if (supported) return { kind: 'electron', notifier: createNativeNotifier(electron) };
  electron.logger.info('Electron has no desktop notifications here; using node-notifier');
  return { kind: 'node-notifier', notifier: fallback() };
}
