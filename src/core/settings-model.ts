/**
 * Connection settings and app preferences, as saved between runs. The sign-in token
 * is encrypted by the OS keychain (Electron's safeStorage) when one is available;
 * otherwise it is kept in clear and the settings page says so.
 */
import { z } from 'zod';
import { languageChoice, type LanguageChoice } from '../shared/i18n/locale';
import { updateChannel, type UpdateChannel } from '../shared/updates';
import type { StateFile } from './persistence/state-file';
import type { Logger } from './ports';

/**
 * Encrypts small secrets with the OS keychain (Electron: safeStorage's asynchronous API).
 * `available()` is known before the runtime starts (the host awaits it).
 */
export interface SecretBox {
  available(): boolean;
  /** base64 of the encrypted bytes */
  encrypt(plain: string): Promise<string>;
  /** `reseal`: the keychain rotated its key (or has a better one); encrypt the secret again. */
  decrypt(encrypted: string): Promise<{ plain: string; reseal: boolean }>;
}

const savedDocument = z.object({
  version: z.literal(1),
  serverUrl: z.string().nullable(),
  organizationId: z.string().nullable(),
  token: z
    .discriminatedUnion('storage', [
      z.object({ storage: z.literal('encrypted'), value: z.string() }),
      z.object({ storage: z.literal('plain'), value: z.string() }),
    ])
    .nullable(),
  launchAtLogin: z.boolean(),
  updateChannel,
  // Added after version 1 shipped: a file without it follows the system.
  language: languageChoice.default('system'),
});
type SavedDocument = z.infer<typeof savedDocument>;

interface SettingsValues {
  serverUrl: string | null;
  organizationId: string | null;
  token: string | null;
  /**
   * A saved token this run could not decrypt (keychain locked at login, say). Kept as
   * is and written back, so changing a preference does not erase a valid sign-in.
   */
  lockedToken: SavedDocument['token'];
  tokenStorage: 'encrypted' | 'plain';
  launchAtLogin: boolean;
  updateChannel: UpdateChannel;
  language: LanguageChoice;
  /** The keychain asked, while decrypting, for the token to be encrypted again: save once. */
  resealToken?: boolean;
}

export interface SavedSettings extends Readonly<SettingsValues> {
  with(patch: Partial<SettingsValues>): SavedSettings;
  toDocument(secretBox: SecretBox | undefined): Promise<SavedDocument>;
}

function savedSettings(values: SettingsValues): SavedSettings {
  return {
    ...values,
    // A token typed by the user replaces whatever was locked.
    with: (patch) => savedSettings({ ...values, ...patch, ...('token' in patch ? { lockedToken: null } : {}) }),
    async toDocument(secretBox) {
      const encrypt = secretBox?.available() ?? false;
      return {
        version: 1,
        serverUrl: values.serverUrl,
        organizationId: values.organizationId,
        token: values.token
          ? encrypt && secretBox
            ? { storage: 'encrypted', value: await secretBox.encrypt(values.token) }
            : { storage: 'plain', value: values.token }
          : values.lockedToken,
        launchAtLogin: values.launchAtLogin,
        updateChannel: values.updateChannel,
        language: values.language,
      };
    },
  };
}

export const DEFAULT_SETTINGS = savedSettings({
  serverUrl: null,
  organizationId: null,
  token: null,
  lockedToken: null,
  tokenStorage: 'plain',
  launchAtLogin: false,
  updateChannel: 'stable',
  language: 'system',
});

export async function readSavedSettings(
  file: StateFile | undefined,
  secretBox: SecretBox | undefined,
  logger: Logger,
): Promise<SavedSettings> {
  const data = file?.load().data;
  if (data === undefined || (typeof data === 'object' && data !== null && Object.keys(data).length === 0)) {
    return DEFAULT_SETTINGS;
  }
  const parsed = savedDocument.safeParse(data);
  if (!parsed.success) {
    logger.warn('the saved settings have an unexpected shape; using defaults (demo mode)');
    return DEFAULT_SETTINGS;
  }
  const doc = parsed.data;
  let token: string | null = null;
  let lockedToken: SavedDocument['token'] = null;
  let tokenStorage: 'encrypted' | 'plain' = secretBox?.available() ? 'encrypted' : 'plain';
  let resealToken = false;
  if (doc.token?.storage === 'plain') {
    token = doc.token.value;
    tokenStorage = 'plain';
  } else if (doc.token?.storage === 'encrypted') {
    try {
      if (!secretBox?.available()) throw new Error('no keychain');
      const opened = await secretBox.decrypt(doc.token.value);
      token = opened.plain;
      resealToken = opened.reseal;
      tokenStorage = 'encrypted';
    } catch {
      // A locked or different keychain: ask to sign in, but keep the sealed token.
      lockedToken = doc.token;
      logger.warn('the saved sign-in token could not be decrypted (is the system keychain unlocked?); sign in again');
    }
  }
  return savedSettings({
    serverUrl: doc.serverUrl,
    organizationId: doc.organizationId,
    token,
    lockedToken,
    tokenStorage,
    launchAtLogin: doc.launchAtLogin,
    updateChannel: doc.updateChannel,
    language: doc.language,
    resealToken,
  });
}
