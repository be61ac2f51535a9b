/**
 * Files the running app hands to the OS by path, kept in the top-level resources/ folder
 * (the electron-vite layout): the app icon, for the Linux window and for notifications.
 * build/ holds only what electron-builder needs to package.
 *
 * electron-builder.yml packs resources/** into app.asar and unpacks it again
 * (asarUnpack): a notification daemon or the window manager cannot read inside an asar
 * archive, so a packaged app points at app.asar.unpacked/resources/….
 */
import { join, sep } from 'node:path';
import type { App } from 'electron';

export const APP_ICON = 'icon.png';

/** The path of resources/<name>: next to package.json unpackaged, app.asar.unpacked when packaged. */
export function resourcePath(name: string, app: Pick<App, 'getAppPath' | 'isPackaged'>): string {
  const inApp = join(app.getAppPath(), 'resources', name);
  return app.isPackaged ? inApp.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`) : inApp;
}
