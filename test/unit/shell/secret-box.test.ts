// The SecretBox over (a fake of) Electron's safeStorage, asynchronous API only: base64
// round trip, a key rotation that re-encrypts the saved token, and honest about when
// there is no real keychain.
import { describe, expect, it, vi } from 'vitest';
import type { StateFile } from '../../../src/core/persistence/state-file';
import { readSavedSettings, DEFAULT_SETTINGS } from '../../../src/core/settings-model';
import { createSafeStorageSecretBox, type SafeStorageLike } from '../../../src/main/shell/secret-box';

/**
 * Reversible but not the identity, like the real thing: XOR with a per-keychain byte plus
 * a version header. Data sealed under an older header opens, with shouldReEncrypt. Only
 * the asynchronous API exists here: using the deprecated synchronous one would fail.
 */
function fakeSafeStorage(options: { available?: boolean; backend?: string; key?: number; version?: string } = {}) {
  const key = options.key ?? 0x5a;
  const current = Buffer.from(options.version ?? 'v11');
  const calls: string[] = [];
  const storage: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => (calls.push('available'), options.available ?? true),
    encryptStringAsync: async (plain: string) => (
      calls.push('encrypt'),
      Buffer.concat([current, Buffer.from(plain, 'utf8').map((b) => b ^ key)])
    ),
    decryptStringAsync: async (encrypted: Buffer) => {
      calls.push('decrypt');
      const header = encrypted.subarray(0, 3).toString();
      if (!/^v1\d$/.test(header)) throw new Error('Error while decrypting the ciphertext provided');
      return {
        result: Buffer.from(encrypted.subarray(3).map((b) => b ^ key)).toString('utf8'),
        shouldReEncrypt: header !== current.toString(),
      };
    },
    getSelectedStorageBackend: () => (options.backend ?? 'gnome_libsecret') as never,
  };
  return { storage, calls };
}

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function memoryFile(data: unknown): StateFile & { saved: unknown[] } {
  const saved: unknown[] = [];
  return {
    saved,
    path: 'x',
    load: () => ({ data: saved.at(-1) ?? data, problem: null }),
    save: (doc) => void saved.push(doc),
    preserveCopy: () => null,
  };
}

describe('the safeStorage SecretBox', () => {
  it('encrypts to base64 and decrypts back, through the asynchronous API', async () => {
    const { storage, calls } = fakeSafeStorage();
    const box = await createSafeStorageSecretBox(storage, 'linux');
    expect(box.available()).toBe(true);
    const sealed = await box.encrypt('token-ção-🔑');
    expect(sealed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('token');
    expect(await box.decrypt(sealed)).toEqual({ plain: 'token-ção-🔑', reseal: false });
    expect(calls).toEqual(['available', 'encrypt', 'decrypt']);
  });

  it('is unavailable without a keychain, and refuses to pretend', async () => {
    const box = await createSafeStorageSecretBox(fakeSafeStorage({ available: false }).storage, 'darwin');
    expect(box.available()).toBe(false);
    await expect(box.encrypt('x')).rejects.toThrow('keychain');
    await expect(box.decrypt('eA==')).rejects.toThrow('keychain');
  });

  it('treats Linux "basic_text" (a hard-coded key) as no keychain', async () => {
    const box = (backend: string, platform: NodeJS.Platform) =>
      createSafeStorageSecretBox(fakeSafeStorage({ backend }).storage, platform);
    expect((await box('basic_text', 'linux')).available()).toBe(false);
    expect((await box('kwallet5', 'linux')).available()).toBe(true);
    // The backend question only exists on Linux.
    expect((await box('basic_text', 'win32')).available()).toBe(true);
  });

  it('is unavailable when safeStorage throws', async () => {
    const broken = {
      ...fakeSafeStorage().storage,
      isAsyncEncryptionAvailable: async () => {
        throw new Error('not ready');
      },
    };
    expect((await createSafeStorageSecretBox(broken, 'linux')).available()).toBe(false);
  });

  it('works with the settings model: the saved token is encrypted, and another keychain cannot read it', async () => {
    const box = await createSafeStorageSecretBox(fakeSafeStorage().storage, 'linux');
    const doc = await DEFAULT_SETTINGS.with({
      serverUrl: 'https://api.auzap.com',
      organizationId: 'o',
      token: 'secret-token',
    }).toDocument(box);
    expect(doc.token).toMatchObject({ storage: 'encrypted' });
    expect(JSON.stringify(doc)).not.toContain('secret-token');
    const file = memoryFile(doc);
    expect((await readSavedSettings(file, box, logger)).token).toBe('secret-token');

    const otherUser = await createSafeStorageSecretBox(
      {
        ...fakeSafeStorage({ key: 0x11 }).storage,
        decryptStringAsync: async () => {
          throw new Error('bad key');
        },
      },
      'linux',
    );
    expect((await readSavedSettings(file, otherUser, logger)).token).toBeNull();
  });

  it('says when the keychain rotated its key, so the token is encrypted again', async () => {
    const before = await createSafeStorageSecretBox(fakeSafeStorage({ version: 'v10' }).storage, 'linux');
    const sealedBefore = await before.encrypt('secret-token');
    const after = await createSafeStorageSecretBox(fakeSafeStorage({ version: 'v11' }).storage, 'linux');
    expect(await after.decrypt(sealedBefore)).toEqual({ plain: 'secret-token', reseal: true });
    const settings = await readSavedSettings(
      memoryFile({
        ...(await DEFAULT_SETTINGS.toDocument(undefined)),
        token: { storage: 'encrypted', value: sealedBefore },
      }),
      after,
      logger,
    );
    expect(settings).toMatchObject({ token: 'secret-token', resealToken: true });
  });
});
