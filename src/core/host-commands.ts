/**
 * The commands the host answers itself, because they outlive one core: settings
 * (changing the connection builds a fresh core) and updates.
 */
import type { HostCommandChannel } from '../shared/bridge';
import { initialUpdateState } from '../shared/updates';
import { createCommandDispatcher, type CommandDispatcher, type CommandHandlers } from './command-dispatcher';
import type { HostLocale } from './host-locale';
import type { HostSettings } from './host-settings';
import type { Logger, PlatformPort, UpdatesPort } from './ports';
import { UserFacingError } from './user-facing-error';
import { text } from '../shared/i18n/user-text';

export interface HostCommandDeps {
  settings: HostSettings;
  locale: HostLocale;
  updates?: UpdatesPort;
  platform?: PlatformPort;
  logger: Logger;
  /** Stops the current core and boots one with the new settings. */
  reconnect(): Promise<void>;
}

const NO_UPDATES = initialUpdateState('stable');

export function createHostCommands(deps: HostCommandDeps): CommandDispatcher {
  const { settings, locale, updates, platform, logger } = deps;
  const handlers: Pick<CommandHandlers, HostCommandChannel> = {
    'settings:get': () => settings.view(),
    'settings:update-connection': async (change) => {
      const url = await settings.changeConnection(change);
      logger.info(`connection settings changed: ${url ?? 'demo mode'}; reconnecting`);
      await deps.reconnect();
      return settings.view();
    },
    'settings:update-preferences': async ({ launchAtLogin, updateChannel, language }) => {
      if (launchAtLogin !== undefined) {
        if (!platform?.setLaunchAtLogin) throw new UserFacingError(text('config.launchAtLoginUnavailable'));
        platform.setLaunchAtLogin(launchAtLogin);
      }
      if (updateChannel !== undefined) updates?.setChannel(updateChannel);
      await settings.changePreferences({ launchAtLogin, updateChannel, language });
      locale.recheck();
      return settings.view();
    },
    'locale:get': ({ pageLanguages }) => {
      locale.pageLanguages(pageLanguages);
      return locale.state();
    },
    'updates:get-state': () => updates?.state() ?? NO_UPDATES,
    'updates:check-now': () => {
      if (!updates) throw new UserFacingError(text('config.updatesUnavailable'), 'unavailable');
      updates.checkNow();
      return null;
    },
    'updates:restart': () => {
      updates?.restartToUpdate();
      return null;
    },
    'updates:later': () => {
      updates?.later();
      return null;
    },
  };
  return createCommandDispatcher(handlers, logger);
}
