/**
 * The app's own menu, replacing Electron's default one (whose View menu reloads the page
 * on Ctrl+R and opens DevTools on Ctrl+Shift+I in every build):
 *
 *   macOS            AuZap (About, Hide, Quit …) · Edit · Window (Close Window, Cmd+W …)
 *   Windows / Linux  File (Quit AuZap, Ctrl+Q) · Edit   — hidden until Alt is pressed
 *
 * The Edit roles give text fields their shortcuts (macOS has no Cmd+C without them).
 * Reload and DevTools exist only in unpackaged builds; packaged windows also have
 * `devTools: false` (window.ts), so no shortcut can open them.
 *
 * Every item has its label from the catalogs: Electron names role items itself, in
 * English whatever the language, so a role gets our label (its behaviour stays the role's).
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/i18n/locale';
import { translator, type MessageKey } from '../../shared/i18n/translate';

type Role = NonNullable<MenuItemConstructorOptions['role']>;

/** The catalog's name for each role the menus use. */
const ROLE_WORDS = {
  undo: 'menu.undo',
  redo: 'menu.redo',
  cut: 'menu.cut',
  copy: 'menu.copy',
  paste: 'menu.paste',
  pasteAndMatchStyle: 'menu.pasteAndMatchStyle',
  delete: 'menu.delete',
  selectAll: 'menu.selectAll',
  about: 'menu.about',
  services: 'menu.services',
  hide: 'menu.hide',
  hideOthers: 'menu.hideOthers',
  unhide: 'menu.unhide',
  close: 'menu.close',
  minimize: 'menu.minimize',
  zoom: 'menu.zoom',
  front: 'menu.front',
  reload: 'menu.reload',
  forceReload: 'menu.forceReload',
  toggleDevTools: 'menu.devTools',
} as const satisfies Partial<Record<Role, MessageKey>>;

export type LabelledRole = keyof typeof ROLE_WORDS;

/** A role item with its label in `locale` ("{app}" in About / Hide is the app's name). */
export function roleItem(
  role: LabelledRole,
  locale: Locale,
  extra: Omit<MenuItemConstructorOptions, 'role' | 'label'> = {},
  appName = 'AuZap',
): MenuItemConstructorOptions {
  return { role, label: translator(locale).t(ROLE_WORDS[role], { app: appName }), ...extra };
}

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  locale: Locale;
  /** Unpackaged (`npm start`, `npm run dev`): Reload and DevTools in a Develop menu. */
  developerTools: boolean;
  /** Quit for real (sets the quitting flag first: closing the window only hides it). */
  quit(): void;
}

export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const { locale, appName } = options;
  const { t } = translator(locale);
  const role = (name: LabelledRole) => roleItem(name, locale, {}, appName);
  const quit: MenuItemConstructorOptions = {
    id: 'quit',
    label: t('menu.quit', { app: appName }),
    accelerator: 'CmdOrCtrl+Q',
    click: () => options.quit(),
  };
  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      role('undo'),
      role('redo'),
      { type: 'separator' },
      role('cut'),
      role('copy'),
      role('paste'),
      ...(mac ? [role('pasteAndMatchStyle')] : []),
      role('delete'),
      { type: 'separator' },
      role('selectAll'),
    ],
  };
  const template: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: appName,
          submenu: [
            role('about'),
            { type: 'separator' },
            role('services'),
            { type: 'separator' },
            role('hide'),
            role('hideOthers'),
            role('unhide'),
            { type: 'separator' },
            quit,
          ],
        },
        edit,
        {
          label: t('menu.window'),
          // Close (Cmd+W) hides the window as its red button does; the dock brings it back.
          submenu: [role('close'), role('minimize'), role('zoom'), { type: 'separator' }, role('front')],
        },
      ]
    : [{ label: t('menu.file'), submenu: [quit] }, edit];
  if (options.developerTools) {
    template.push({
      label: t('menu.develop'),
      submenu: [role('reload'), role('forceReload'), role('toggleDevTools')],
    });
  }
  return template;
}
