/**
 * Every OS service the core needs reaches it through one of these small interfaces,
 * handed in by the host (Electron or the browser host). The core never imports
 * `electron`, so it runs the same in both.
 */

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Timers through a port, so tests can drive them with a fake clock instead of sleeping. */
export interface Scheduler extends Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
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

export function createConsoleLogger(prefix = 'auzap'): Logger {
  const line = (level: string, message: string) => `${new Date().toISOString()} ${level} [${prefix}] ${message}`;
  return {
    info: (message) => console.log(line('INFO', message)),
    warn: (message) => console.warn(line('WARN', message)),
    error: (message) => console.error(line('ERROR', message)),
  };
}
