/**
 * Main's words follow the app's language: the app menu, the tray (tooltip, status, menu)
 * and the window title are rebuilt the moment the runtime's language changes (a switch in
 * Settings), not at the next restart; the tray menu also follows the pause and the updater.
 */
import { Menu } from 'electron';
import type { HostRuntime } from '../../core/host-runtime';
import type { Locale } from '../../shared/i18n/locale';
import { appMenuTemplate } from '../shell/app-menu';
import { APP_NAME } from '../shell/app-identity';
import type { BadgeSink } from '../shell/badge';
import type { MainLocale } from '../shell/system-locale';
import type { TrayController } from '../shell/tray';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  developerTools: boolean;
  quit(): void;
}

/** Sets the application menu in a language; asking again for the same one does nothing. */
export function createAppMenu(options: AppMenuOptions): (locale: Locale) => void {
  let shown: Locale | null = null;
  return (locale) => {
    if (locale === shown) return;
    shown = locale;
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ ...options, appName: APP_NAME, locale })));
  };
}

export interface FollowDeps {
  locale: MainLocale;
  showAppMenu(locale: Locale): void;
  tray: Pick<TrayController, 'refresh'>;
  badge: Pick<BadgeSink, 'relabel'>;
}

/** Keeps main's words and the tray menu in step with the runtime; returns the unsubscribe. */
export function followRuntime(runtime: Pick<HostRuntime, 'onPush' | 'locale'>, deps: FollowDeps): () => void {
  const speak = (locale: Locale) => {
    deps.locale.set(locale);
    deps.showAppMenu(locale);
    deps.tray.refresh();
    deps.badge.relabel();
  };
  // The saved Settings choice may differ from the system's language main started with.
  if (runtime.locale() !== deps.locale.current()) speak(runtime.locale());
  return runtime.onPush((push) => {
    if (push.channel === 'locale:changed') {
      speak(push.payload.locale);
      return;
    }
    // The pause (also switched from the window) and the update state show in the tray menu.
    const pauseMayHaveChanged =
      push.channel === 'app:snapshot' || (push.channel === 'app:snapshot-patch' && push.payload.notifications);
    if (pauseMayHaveChanged || push.channel === 'updates:state') deps.tray.refresh();
  });
}
