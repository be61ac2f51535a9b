/**
 * The host's settings: where to connect (AUZAP_* from the environment win over what
 * the settings page saved) and the app preferences, read once, changed by the settings
 * commands and saved at once.
 */
import type { SettingsView } from '../shared/bridge';
import type { LanguageChoice } from '../shared/i18n/locale';
import type { UpdateChannel } from '../shared/updates';
import { normaliseServerUrl, type EnvSettings } from './host-config';
import type { StateFile } from './persistence/state-file';
import type { Logger } from './ports';
import { readSavedSettings, type SavedSettings, type SecretBox } from './settings-model';
import { UserFacingError } from './user-facing-error';
import { text } from '../shared/i18n/user-text';

export interface HostSettingsOptions {
  env: EnvSettings;
  settingsFile?: StateFile;
  secretBox?: SecretBox;
  logger: Logger;
  launchAtLoginSupported: boolean;
  updatesSupported: boolean;
}

export interface ConnectionChange {
  serverUrl: string;
  organizationId: string;
  /** Omitted: keep the current token. */
  token?: string;
}

export interface PreferencesChange {
  launchAtLogin?: boolean;
  updateChannel?: UpdateChannel;
  language?: LanguageChoice;
}

export interface HostSettings {
  /** What the core connects with: the environment, or what was saved. */
  effective(): EnvSettings;
  view(): SettingsView;
  updateChannel(): UpdateChannel;
  language(): LanguageChoice;
  /** Validates and saves a new connection; the caller reconnects. Returns the new server, or null for demo mode. */
  changeConnection(change: ConnectionChange): Promise<string | null>;
  changePreferences(patch: PreferencesChange): Promise<void>;
}

export async function openHostSettings(options: HostSettingsOptions): Promise<HostSettings> {
  const { env, secretBox, logger } = options;
  let saved: SavedSettings = await readSavedSettings(options.settingsFile, secretBox, logger);
  const envWins = Boolean(env.serverUrl);
  // A token typed in Settings while the server comes from the environment: it replaces
  // AUZAP_TOKEN (typically the one the server just refused) until the app restarts.
  let envTokenReplacement: string | null = null;
  // One save at a time, in order: encrypting the token is asynchronous.
  let saving: Promise<void> = Promise.resolve();
  const save = (next: SavedSettings): Promise<void> => {
    saved = next;
    const write = async () => options.settingsFile?.save(await next.toDocument(secretBox));
    const done = saving.then(write, write);
    saving = done.catch(() => undefined);
    return done;
  };
  if (saved.resealToken) {
    await save(saved.with({ resealToken: false })).then(
      () => logger.info('the saved sign-in token was encrypted again, as the keychain asked'),
      (error: unknown) => logger.warn(`the sign-in token could not be encrypted again: ${String(error)}`),
    );
  }

  return {
    effective: () =>
      envWins
        ? { ...env, token: envTokenReplacement ?? env.token }
        : {
            ...env,
            serverUrl: saved.serverUrl ?? undefined,
            token: saved.token ?? undefined,
            organizationId: saved.organizationId ?? undefined,
          },
    view: () => ({
      serverUrl: envWins ? (env.serverUrl ?? '') : (saved.serverUrl ?? ''),
      organizationId: envWins ? (env.organizationId ?? '') : (saved.organizationId ?? ''),
      hasToken: envWins ? Boolean(envTokenReplacement ?? env.token) : Boolean(saved.token),
      tokenStorage: envWins ? 'environment' : saved.token ? saved.tokenStorage : 'none',
      encryptionAvailable: secretBox?.available() ?? false,
      setByEnvironment: envWins,
      launchAtLogin: saved.launchAtLogin,
      launchAtLoginSupported: options.launchAtLoginSupported,
      updateChannel: saved.updateChannel,
      updatesSupported: options.updatesSupported,
      language: saved.language,
    }),
    updateChannel: () => saved.updateChannel,
    language: () => saved.language,
    async changeConnection({ serverUrl, organizationId, token }) {
      if (envWins) {
        if (!token?.trim()) {
          throw new UserFacingError(text('config.setByEnvironment'));
        }
        envTokenReplacement = token.trim();
        return env.serverUrl ?? null;
      }
      let url: string | null = null;
      if (serverUrl.trim()) {
        const normalised = normaliseServerUrl(serverUrl.trim());
        if (!normalised.ok) throw new UserFacingError(normalised.reason);
        url = normalised.url;
      }
      await save(
        saved.with({
          serverUrl: url,
          organizationId: organizationId.trim() || null,
          ...(token === undefined
            ? {}
            : { token: token.trim() || null, tokenStorage: secretBox?.available() ? 'encrypted' : 'plain' }),
        }),
      );
      return url;
    },
    changePreferences({ launchAtLogin, updateChannel, language }) {
      return save(
        saved.with({
          ...(launchAtLogin === undefined ? {} : { launchAtLogin }),
          ...(updateChannel === undefined ? {} : { updateChannel }),
          ...(language === undefined ? {} : { language }),
        }),
      );
    },
  };
}
