/**
 * Which notifier the desktop app hands the core: Electron's own notifications (clicks on
 * all three OSes, the app's name and icon), node-notifier where Electron has none, and —
 * in an unpackaged test run only — a recorder around it for the Electron suite.
 */
import { app, Notification } from 'electron';
import { createOsNotifier } from '../../core/os-notifier';
import type { DesktopNotification, Logger, Notifier } from '../../core/ports';
import { APP_ID, APP_NAME } from '../shell/app-identity';
import { chooseNotifier } from '../shell/native-notifications';
import { APP_ICON, resourcePath } from '../shell/runtime-assets';
import { recordNotifications, testHooksEnabled, type RecordingNotifier } from '../shell/test-hooks';

export interface DesktopNotifier {
  notifier: Notifier;
  /** Set when the test hooks are on: what went to the OS. */
  recorder: RecordingNotifier | null;
}

export function createDesktopNotifier(
  logger: Logger,
  onClick: (notification: DesktopNotification) => void,
  showWindow: () => void,
): DesktopNotifier {
  const icon = resourcePath(APP_ICON, app);
  const choice = chooseNotifier(
    {
      api: {
        isSupported: () => Notification.isSupported(),
        create: (options) => new Notification(options),
        // Windows only (undefined elsewhere, as in Electron before 39).
        ...(typeof Notification.handleActivation === 'function'
          ? { handleActivation: (callback: () => void) => Notification.handleActivation(() => callback()) }
          : {}),
      },
      platform: process.platform,
      appName: APP_NAME,
      icon,
      logger,
      onClick,
      onActivated: showWindow,
    },
    () => createOsNotifier({ appName: APP_NAME, appId: APP_ID, iconPath: icon, logger, onClick }),
  );
  logger.info(`desktop notifications through ${choice.kind}`);
  const recorder = testHooksEnabled(process.env, app.isPackaged) ? recordNotifications(choice.notifier) : null;
  return { notifier: recorder ?? choice.notifier, recorder };
}
