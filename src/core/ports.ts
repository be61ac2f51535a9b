/**
 * Every OS service the core needs reaches it through one of these small interfaces,
 * handed in by the host (Electron or the browser host). The core never imports
 * `electron`, so it runs the same in both.
 */
import type { UpdateChannel, UpdateState } from '../shared/updates';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What time it is (milliseconds since the epoch). */
export interface Clock {
  now(): number;
}

/** A pending callback; `cancel()` is safe to call twice, or after the callback ran. */
export interface Timer {
  cancel(): void;
}

/**
 * The clock plus "call me back in `ms`": every timer in the core goes through this
 * port (debounces, throttles, retries, waits), so tests move a fake one by hand
 * instead of sleeping.
 */
export interface Scheduler extends Clock {
  setTimeout(callback: () => void, ms: number): Timer;
}

/** The real time and the real timers. */
export const systemClock: Scheduler = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    return { cancel: () => clearTimeout(handle) };
  },
};

/** What the shell shows outside the window: tray icon badge, tooltip, dock badge. */
export interface TrayState {
  badgeCount: number;
  tooltip: string;
  /** Drives the distinct tray look for "offline / sign-in needed". */
  attention: 'none' | 'offline' | 'sign_in';
}

export interface TraySink {
  update(state: TrayState): void;
}

export interface DesktopNotification {
  title: string;
  body: string;
  conversationId?: string;
  instanceId?: string;
}

export interface Notifier {
  notify(notification: DesktopNotification): void;
}

/** The updater as the host runtime sees it (Electron: electron-updater; browser host: none). */
export interface UpdatesPort {
  state(): UpdateState;
  onChange(listener: (state: UpdateState) => void): () => void;
  checkNow(): void;
  restartToUpdate(): void;
  later(): void;
  setChannel(channel: UpdateChannel): void;
}

/** OS integrations the settings page drives; absent where the host cannot do them. */
export interface PlatformPort {
  setLaunchAtLogin?(enabled: boolean): void;
}

export function createConsoleLogger(prefix = 'auzap'): Logger {
  const line = (level: string, message: string) => `${new Date().toISOString()} ${level} [${prefix}] ${message}`;
  return {
    info: (message) => console.log(line('INFO', message)),
    warn: (message) => console.warn(line('WARN', message)),
    error: (message) => console.error(line('ERROR', message)),
  };
}
