// The SecretBox over (a fake of) Electron's safeStorage: base64 round trip, and honest
// about when there is no real keychain.
import { describe, expect, it } from 'vitest';
import { readSavedSettings, DEFAULT_SETTINGS } from '../../../src/core/settings-model';
import { createSafeStorageSecretBox, type SafeStorageLike } from '../../../src/main/shell/secret-box';

/** Reversible but not the identity, like the real thing: XOR with a per-keychain byte plus a header. */
function fakeSafeStorage(options: { available?: boolean; backend?: string; key?: number } = {}): SafeStorageLike {
  const key = options.key ?? 0x5a;
  const header = Buffer.from('v10');
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (plain: string) => Buffer.concat([header, Buffer.from(plain, 'utf8').map((b) => b ^ key)]),
    decryptString: (encrypted: Buffer) => {
      if (!encrypted.subarray(0, 3).equals(header)) throw new Error('Error while decrypting the ciphertext provided');
      return Buffer.from(encrypted.subarray(3).map((b) => b ^ key)).toString('utf8');
    },
    getSelectedStorageBackend: () => (options.backend ?? 'gnome_libsecret') as never,
  };
}

const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('the safeStorage SecretBox', () => {
  it('encrypts to base64 and decrypts back', () => {
    const box = createSafeStorageSecretBox(fakeSafeStorage(), 'linux');
    expect(box.available()).toBe(true);
    const sealed = box.encrypt('token-ção-🔑');
    expect(sealed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('token');
    expect(box.decrypt(sealed)).toBe('token-ção-🔑');
  });

  it('is unavailable without a keychain, and refuses to pretend', () => {
    const box = createSafeStorageSecretBox(fakeSafeStorage({ available: false }), 'darwin');
    expect(box.available()).toBe(false);
    expect(() => box.encrypt('x')).toThrow();
    expect(() => box.decrypt('eA==')).toThrow();
  });

  it('treats Linux "basic_text" (a hard-coded key) as no keychain', () => {
    expect(createSafeStorageSecretBox(fakeSafeStorage({ backend: 'basic_text' }), 'linux').available()).toBe(false);
    expect(createSafeStorageSecretBox(fakeSafeStorage({ backend: 'kwallet5' }), 'linux').available()).toBe(true);
    // The backend question only exists on Linux.
    expect(createSafeStorageSecretBox(fakeSafeStorage({ backend: 'basic_text' }), 'win32').available()).toBe(true);
  });

  it('is unavailable when safeStorage throws (not ready yet)', () => {
    const broken = {
      ...fakeSafeStorage(),
      isEncryptionAvailable: () => {
        throw new Error('not ready');
      },
    };
    expect(createSafeStorageSecretBox(broken, 'linux').available()).toBe(false);
  });

  it('works with the settings model: the saved token is encrypted, and another keychain cannot read it', () => {
    const box = createSafeStorageSecretBox(fakeSafeStorage(), 'linux');
    const doc = DEFAULT_SETTINGS.with({
      serverUrl: 'https://api.auzap.com',
      organizationId: 'o',
      token: 'secret-token',
    }).toDocument(box);
    expect(doc.token).toMatchObject({ storage: 'encrypted' });
    expect(JSON.stringify(doc)).not.toContain('secret-token');
    const file = {
      path: 'x',
      load: () => ({ data: doc, problem: null }),
      save: () => undefined,
      preserveCopy: () => null,
    };
    expect(readSavedSettings(file, box, logger).token).toBe('secret-token');

    const otherUser = createSafeStorageSecretBox(
      {
        ...fakeSafeStorage({ key: 0x11 }),
        decryptString: () => {
          throw new Error('bad key');
        },
      },
      'linux',
    );
    expect(readSavedSettings(file, otherUser, logger).token).toBeNull();
  });
});
