/**
 * The node-notifier adapter of the core's Notifier port: real native notifications on
 * Linux (notify-send → the session bus' org.freedesktop.Notifications daemon), Windows
 * (SnoreToast) and macOS (terminal-notifier). Both hosts (Electron and the browser host)
 * hand it to the core, so it lives here and never imports electron.
 *
 * Contract: `notify()` never throws and never crashes the process. The first failure is
 * logged once, in a sentence a person can act on; later failures are only counted
 * (`stats()`), because a desktop without a notification daemon would otherwise log on
 * every incoming message.
 */
import nodeNotifier from 'node-notifier';
import { describeError } from '../shared/errors';
import { plainLine, plainText, truncate } from '../shared/message-text';
import type { DesktopNotification, Logger, Notifier } from './ports';

/** What node-notifier calls back with; loosely typed because node-notifier hands a string
 * (notify-send's stderr) as the "error" on Linux, not an Error. */
export type NodeNotifierCallback = (error: unknown, response?: unknown, metadata?: unknown) => void;

/** The part of the node-notifier module (or of one of its notifier instances) we use. */
export interface NodeNotifierLike {
  notify(options: Record<string, unknown>, callback?: NodeNotifierCallback): unknown;
}

/**
 * Which program node-notifier drives. It decides what the text must look like (only
 * notify-send needs markup and backslash escaping) and whether clicks can be reported.
 */
export type NotifierBackend = 'notify-send' | 'windows-toaster' | 'windows-balloon' | 'notification-center' | 'growl';

export interface OsNotifierOptions {
  /** Shown by the notification daemon as the sender ("AuZap"). */
  appName: string;
  /** Windows AppUserModelId (must match the Start-menu shortcut's, e.g. "com.auzap.desktop"). */
  appId?: string;
  /** Absolute path of the icon shown in the notification. */
  iconPath?: string;
  logger: Logger;
  /** Called with the original notification when the user clicks it (Windows, macOS only). */
  onClick?: (notification: DesktopNotification) => void;
  /** The node-notifier module (default) or a compatible object, for tests. */
  notifier?: NodeNotifierLike;
  /** Which backend `notifier` is; detected from the real module, required for fakes on
   * another platform. */
  backend?: NotifierBackend;
  /** How long one notify-send may take before the queue moves on (ms). */
  sendTimeoutMs?: number;
}

export interface OsNotifierStats {
  /** Notifications the OS accepted (on Windows/macOS: counted once the user acted or it timed out). */
  sent: number;
  /** Notifications that failed (no notify-send, no daemon, timeout …). */
  failed: number;
  /** Notifications dropped because too many were already waiting for notify-send. */
  dropped: number;
}

export interface OsNotifier extends Notifier {
  stats(): OsNotifierStats;
}

/** Longest text handed to the OS: a whole message would overflow the command line
 * (notify-send is run through a shell) long before the core's own preview truncation matters. */
export const MAX_TEXT_LENGTH = 1000;
/** Waiting notify-send runs beyond this are dropped: a burst must not fork hundreds of shells. */
const MAX_QUEUED = 20;
const DEFAULT_SEND_TIMEOUT_MS = 10_000;

/** WORD JOINER: invisible, and makes a summary starting with "-" not look like an option. */
const WORD_JOINER = '\u2060';

export function createOsNotifier(options: OsNotifierOptions): OsNotifier {
  const notifier: NodeNotifierLike = options.notifier ?? nodeNotifier;
  const backend = options.backend ?? detectBackend(notifier);
  const sendTimeoutMs = options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const { logger } = options;
  const stats: OsNotifierStats = { sent: 0, failed: 0, dropped: 0 };
  let failureLogged = false;
  let dropLogged = false;

  const fail = (reason: string): void => {
    stats.failed += 1;
    if (failureLogged) return;
    failureLogged = true;
    logger.warn(
      backend === 'notify-send'
        ? `Desktop notifications are not working (notify-send: ${reason}). Install libnotify-bin and make sure a notification daemon runs. Further failures are counted, not logged.`
        : `Desktop notifications are not working (${reason}). Further failures are counted, not logged.`,
    );
  };

  // notify-send returns as soon as the daemon has the notification (we never pass --wait),
  // so on Linux sends are serialized: the daemon then sees them in the order the core
  // raised them (the newest ends up on top), and a burst forks one process at a time.
  // Windows and macOS keep their process alive until the user acts, so they run in parallel.
  const serialize = backend === 'notify-send';
  const queue: DesktopNotification[] = [];
  let busy = false;

  const pump = (): void => {
    if (busy) return;
    const next = queue.shift();
    if (!next) return;
    busy = true;
    send(next, () => {
      busy = false;
      pump();
    });
  };

  const send = (notification: DesktopNotification, done: () => void, watchdog = true): void => {
    let settled = false;
    const settle = (error: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error === undefined) stats.sent += 1;
      else fail(notifierFailure(error));
      done();
    };
    // A hung notify-send (a daemon that never answers: D-Bus waits 25 s) must not stall
    // every later notification. Windows/macOS call back only once the user has acted on
    // (or dismissed) the notification, so there a late answer is normal: no watchdog.
    const timer = watchdog
      ? setTimeout(() => settle(`notify-send gave no answer within ${sendTimeoutMs} ms`), sendTimeoutMs)
      : undefined;
    try {
      notifier.notify(buildOptions(notification, backend, options), (error, response) => {
        const clicked = isClick(response);
        settle(hasError(error) && !clicked ? error : undefined);
        if (clicked) safeClick(notification);
      });
    } catch (error) {
      settle(error);
    }
  };

  const safeClick = (notification: DesktopNotification): void => {
    try {
      options.onClick?.(notification);
    } catch (error) {
      logger.error(`The notification click handler failed: ${describeError(error)}.`);
    }
  };

  return {
    notify(notification) {
      if (!serialize) {
        send(notification, () => undefined, false);
        return;
      }
      if (queue.length >= MAX_QUEUED) {
        stats.dropped += 1;
        if (!dropLogged) {
          dropLogged = true;
          logger.warn(`Too many desktop notifications at once: dropping some (at most ${MAX_QUEUED} wait).`);
        }
        return;
      }
      queue.push(notification);
      pump();
    },
    stats: () => ({ ...stats }),
  };
}

/** node-notifier options for one notification, in the shape its backend expects. */
export function buildOptions(
  notification: DesktopNotification,
  backend: NotifierBackend,
  options: Pick<OsNotifierOptions, 'appName' | 'appId' | 'iconPath'>,
): Record<string, unknown> {
  if (backend === 'notify-send') {
    return {
      title: toNotifySendSummary(notification.title, options.appName),
      message: toNotifySendBody(notification.body),
      'app-name': options.appName,
      // The freedesktop category for "an instant message arrived": daemons use it for
      // sounds and grouping.
      category: 'im.received',
      ...(options.iconPath ? { icon: options.iconPath } : {}),
      // No `wait`: node-notifier maps it to a 5 s expire-time on Linux, and notify-send
      // cannot report clicks through node-notifier (it forwards only urgency, expire-time,
      // icon, category, hint and app-name, not notify-send's --action/--wait), so a
      // Linux notification is display-only.
    };
  }
  const title = boundedLine(notification.title) || options.appName;
  const message = boundedText(notification.body) || ' ';
  const icon = options.iconPath ? { icon: options.iconPath } : {};
  switch (backend) {
    case 'windows-toaster':
      // SnoreToast puts the text into the toast XML itself: no escaping here.
      return { title, message, ...icon, wait: true, ...(options.appId ? { appID: options.appId } : {}) };
    case 'windows-balloon':
    case 'notification-center':
      // On macOS node-notifier turns `wait` into terminal-notifier's 5 s timeout: the
      // banner is clickable for 5 s, then removed.
      return { title, message, ...icon, wait: true };
    case 'growl':
      return { title, message, ...icon, name: options.appName };
  }
}

/**
 * The body as notify-send must receive it so that a person sees exactly `text`:
 * - the daemon parses the body as markup (dunst, GNOME, KDE advertise "body-markup"),
 *   so `&`, `<`, `>` become entities — `<b>hi</b>` then shows literally, not bold;
 * - notify-send (libnotify 0.8) runs the body, and only the body, through
 *   g_strcompress(), so every backslash is doubled (node-notifier turns a newline into
 *   the two characters `\n`, which g_strcompress turns back into a newline);
 * - a body starting with "-" would be read as an unknown option: `\-` reaches the
 *   daemon as "-" after g_strcompress.
 */
export function toNotifySendBody(text: string): string {
  const escaped = boundedText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\');
  if (escaped === '') return ' '; // node-notifier refuses an empty message
  return escaped.startsWith('-') ? `\\${escaped}` : escaped;
}

/**
 * The summary as notify-send must receive it: it is plain text by the specification and
 * daemons escape it themselves (dunst shows `<b>` literally), and notify-send passes it
 * verbatim (no g_strcompress), so it is not escaped. It is one line: node-notifier would
 * turn a newline into a visible `\n`. A leading "-" is shielded by an invisible word joiner.
 */
export function toNotifySendSummary(title: string, appName: string): string {
  const line = boundedLine(title) || appName; // node-notifier replaces an empty title with "Node Notification:"
  return line.startsWith('-') ? `${WORD_JOINER}${line}` : line;
}

/** Plain text (line breaks kept), at most MAX_TEXT_LENGTH characters. */
const boundedText = (text: string): string => truncate(plainText(text), MAX_TEXT_LENGTH);

/** One plain line, at most MAX_TEXT_LENGTH characters. */
const boundedLine = (text: string): string => truncate(plainLine(text), MAX_TEXT_LENGTH);

function detectBackend(notifier: NodeNotifierLike): NotifierBackend {
  const module = nodeNotifier;
  if (notifier instanceof module.NotifySend) return 'notify-send';
  if (notifier instanceof module.WindowsToaster) return 'windows-toaster';
  if (notifier instanceof module.WindowsBalloon) return 'windows-balloon';
  if (notifier instanceof module.NotificationCenter) return 'notification-center';
  if (notifier instanceof module.Growl) return 'growl';
  switch (process.platform) {
    case 'win32':
      return 'windows-toaster';
    case 'darwin':
      return 'notification-center';
    default:
      return 'notify-send';
  }
}

/**
 * node-notifier normalizes an activation (SnoreToast's "activated", macOS' "contentsClicked")
 * to the response "activate"; dismissals and timeouts come back as other words.
 */
function isClick(response: unknown): boolean {
  return response === 'activate';
}

/** node-notifier reports notify-send's stderr as the "error"; an empty one is success. */
function hasError(error: unknown): boolean {
  if (error === null || error === undefined) return false;
  if (typeof error === 'string') return error.trim() !== '';
  return true;
}

/**
 * Why a notification failed, in one line, and never cp.exec's "Command failed:
 * notify-send …" line: it holds the message text, which does not belong in a log.
 */
function notifierFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : describeError(error);
  const line = text.split('\n').find((part) => part.trim() !== '' && !part.startsWith('Command failed'));
  if (line !== undefined) return line.trim();
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return code !== undefined ? `exit code ${String(code)}` : 'unknown error';
}
