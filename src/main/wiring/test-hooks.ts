/**
 * The Electron suite's view into the main process (unpackaged runs with AUZAP_TEST_HOOKS=1
 * only; see shell/test-hooks.ts): the tray, the badge, the notifications handed to the OS,
 * the window — and clicks on them.
 */
import { app, type BrowserWindow } from 'electron';
import type { HostRuntime } from '../../core/host-runtime';
import type { DesktopNotification } from '../../core/ports';
import type { BadgeSink } from '../shell/badge';
import { exposeTestHooks, type RecordingNotifier } from '../shell/test-hooks';
import type { TrayController } from '../shell/tray';

export interface ShellHookDeps {
  recorder: RecordingNotifier;
  runtime(): HostRuntime | null;
  tray: TrayController;
  badge: BadgeSink;
  window(): BrowserWindow | null;
  showWindow(): void;
  notificationClicked(notification: DesktopNotification): void;
  traySupported(): boolean;
  logFile(): string;
}

export function exposeShellTestHooks(deps: ShellHookDeps): void {
  const { recorder, tray, badge } = deps;
  exposeTestHooks({
    trayState: () => deps.runtime()?.trayState() ?? null,
    tray: () => tray.view(),
    badge: () => ({ count: badge.count(), title: deps.window()?.getTitle() ?? null }),
    notifications: () => recorder.recorded(),
    clickNotification(index: number) {
      const notification = recorder.recorded()[index];
      if (notification) deps.notificationClicked(notification);
      return Boolean(notification);
    },
    clickTrayMenuItem(id: string) {
      const item = tray.menu()?.getMenuItemById(id);
      item?.click();
      return Boolean(item);
    },
    windowVisible: () => Boolean(deps.window()?.isVisible()),
    closeWindow: () => deps.window()?.close(),
    showWindow: () => deps.showWindow(),
    userData: () => app.getPath('userData'),
    identity: () => ({ name: app.getName(), version: app.getVersion(), appPath: app.getAppPath() }),
    traySupported: () => deps.traySupported(),
    logFile: () => deps.logFile(),
  });
}
