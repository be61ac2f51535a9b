/**
 * What the Electron smoke suite (test/electron) reads in the main process through
 * Playwright's `electronApp.evaluate`: the tray, the badge, the notifications the shell
 * handed to the OS. Exposed as `globalThis.__auzapShell` only when AUZAP_TEST_HOOKS=1
 * (main-process memory; the sandboxed renderer never sees it).
 */
import type { DesktopNotification, Notifier } from '../../core/ports';

export const TEST_HOOKS_GLOBAL = '__auzapShell';

/**
 * Only in an unpackaged build: what users install ignores AUZAP_TEST_HOOKS, so nobody can
 * read the inbox or click the tray through an environment variable.
 */
export function testHooksEnabled(env: Record<string, string | undefined>, isPackaged: boolean): boolean {
  return !isPackaged && env.AUZAP_TEST_HOOKS === '1';
}

export interface RecordingNotifier extends Notifier {
  recorded(): DesktopNotification[];
}

/** Passes every notification on, and keeps the last `keep` for the tests. */
export function recordNotifications(inner: Notifier, keep = 200): RecordingNotifier {
  const list: DesktopNotification[] = [];
  return {
    notify(notification) {
      list.push({ ...notification });
      if (list.length > keep) list.splice(0, list.length - keep);
      inner.notify(notification);
    },
    recorded: () => list.map((n) => ({ ...n })),
  };
}

export function exposeTestHooks(hooks: object): void {
  Object.defineProperty(globalThis, TEST_HOOKS_GLOBAL, { value: hooks, configurable: true });
}
