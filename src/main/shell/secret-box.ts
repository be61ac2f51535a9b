/**
 * The SecretBox port (core/settings-model.ts) over Electron's safeStorage: the sign-in
 * token is encrypted with a key the OS keychain holds (Keychain on macOS, DPAPI on
 * Windows, libsecret / KWallet on Linux) and stored as base64.
 *
 * The asynchronous API only: Electron 45 deprecates the synchronous one (removed in 46).
 * It also supports key rotation — decryptStringAsync says `shouldReEncrypt` when the
 * keychain has a newer or better key — and the runtime then saves the token again.
 *
 * On Linux without a keyring, Chromium falls back to "basic_text": a key hard-coded in
 * Chromium, i.e. no protection at all. That is reported as "not available", so the
 * settings page says honestly that the token is kept in clear.
 */
import type { SafeStorage } from 'electron';
import type { SecretBox } from '../../core/settings-model';

export type SafeStorageLike = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'
> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/** Resolves once safeStorage has said whether it can encrypt (call after the app is ready). */
export async function createSafeStorageSecretBox(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): Promise<SecretBox> {
  let available = false;
  try {
    available =
      (await safeStorage.isAsyncEncryptionAvailable()) &&
      !(platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text');
  } catch {
    available = false;
  }
  const requireKeychain = () => {
    if (!available) throw new Error('The OS keychain is not available.');
  };
  return {
    available: () => available,
    async encrypt(plain) {
      requireKeychain();
      return (await safeStorage.encryptStringAsync(plain)).toString('base64');
    },
    async decrypt(encrypted) {
      requireKeychain();
      const opened = await safeStorage.decryptStringAsync(Buffer.from(encrypted, 'base64'));
      return { plain: opened.result, reseal: opened.shouldReEncrypt };
    },
  };
}
