/**
 * The SecretBox port (core/settings-model.ts) over Electron's safeStorage: the sign-in
 * token is encrypted with a key the OS keychain holds (Keychain on macOS, DPAPI on
 * Windows, libsecret / KWallet on Linux) and stored as base64.
 *
 * On Linux without a keyring, Chromium falls back to "basic_text": a key hard-coded in
 * Chromium, i.e. no protection at all. That is reported as "not available", so the
 * settings page says honestly that the token is kept in clear.
 */
import type { SafeStorage } from 'electron';
import type { SecretBox } from '../../core/settings-model';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export function createSafeStorageSecretBox(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretBox {
  const available = () => {
    try {
      if (!safeStorage.isEncryptionAvailable()) return false;
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
      return true;
    } catch {
      return false;
    }
  };
  return {
    available,
    encrypt(plain) {
      if (!available()) throw new Error('The OS keychain is not available.');
      return safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(encrypted) {
      if (!available()) throw new Error('The OS keychain is not available.');
      return safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
    },
  };
}
