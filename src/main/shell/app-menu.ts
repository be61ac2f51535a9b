/**
 * The app's own menu, replacing Electron's default one (whose View menu reloads the page
 * on Ctrl+R and opens DevTools on Ctrl+Shift+I in every build):
 *
 *   macOS            AuZap (About, Hide, Quit …) · Edit · Window
 *   Windows / Linux  File (Quit AuZap, Ctrl+Q) · Edit   — hidden until Alt is pressed
 *
 * The Edit roles give text fields their shortcuts (macOS has no Cmd+C without them).
 * Reload and DevTools exist only in unpackaged builds; packaged windows also have
 * `devTools: false` (window.ts), so no shortcut can open them.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Unpackaged (`npm start`, `npm run dev`): Reload and DevTools in a Develop menu. */
  developerTools: boolean;
  /** Quit for real (sets the quitting flag first: closing the window only hides it). */
  quit(): void;
}

export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const quit: MenuItemConstructorOptions = {
    id: 'quit',
    label: `Quit ${options.appName}`,
    accelerator: 'CmdOrCtrl+Q',
    click: () => options.quit(),
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? ([{ role: 'pasteAndMatchStyle' }] as const) : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
  const template: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            quit,
          ],
        },
        edit,
        {
          label: 'Window',
          submenu: [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }],
        },
      ]
    : [{ label: 'File', submenu: [quit] }, edit];
  if (options.developerTools) {
    template.push({
      label: 'Develop',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    });
  }
  return template;
}
