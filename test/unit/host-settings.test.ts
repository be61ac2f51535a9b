import { describe, expect, it } from 'vitest';
import { openHostSettings } from '../../src/core/host-settings';
import type { StateFile } from '../../src/core/persistence/state-file';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

function memoryFile(): StateFile & { data: unknown } {
  const file = {
    path: '/memory',
    data: undefined as unknown,
    load: () => ({ data: file.data, problem: null }),
    save: (data: unknown) => void (file.data = data),
    preserveCopy: () => null,
  };
  return file;
}

const open = (file: StateFile, env = {}) =>
  openHostSettings({ env, settingsFile: file, logger: silent, launchAtLoginSupported: true, updatesSupported: true });

describe('host settings', () => {
  it('one preference changed leaves the others as they were, and survives a restart', async () => {
    const file = memoryFile();
    await (await open(file)).changePreferences({ launchAtLogin: true });
    await (await open(file)).changePreferences({ updateChannel: 'beta' });
    expect((await open(file)).view()).toMatchObject({ launchAtLogin: true, updateChannel: 'beta' });
  });

  it('a saved connection is what the core connects with, and an empty server means demo mode', async () => {
    const file = memoryFile();
    const settings = await open(file);
    expect(
      await settings.changeConnection({ serverUrl: ' https://api.example.com/ ', organizationId: 'org', token: 't' }),
    ).toBe('https://api.example.com');
    expect((await open(file)).effective()).toMatchObject({
      serverUrl: 'https://api.example.com',
      organizationId: 'org',
      token: 't',
    });
    expect(await settings.changeConnection({ serverUrl: '', organizationId: '' })).toBeNull();
    expect((await open(file)).effective().serverUrl).toBeUndefined();
    expect((await open(file)).effective().token).toBe('t');
  });

  it('the environment wins and cannot be changed from the window', async () => {
    const settings = await open(memoryFile(), {
      serverUrl: 'https://env.example.com',
      token: 'x',
      organizationId: 'o',
    });
    expect(settings.view()).toMatchObject({ setByEnvironment: true, tokenStorage: 'environment' });
    await expect(
      settings.changeConnection({ serverUrl: 'https://other.example.com', organizationId: 'o' }),
    ).rejects.toThrow('config.setByEnvironment');
  });

  it('a token typed in the window replaces a refused AUZAP_TOKEN, keeping the server and organization', async () => {
    const file = memoryFile();
    const env = { serverUrl: 'https://env.example.com', token: 'refused', organizationId: 'o' };
    const settings = await open(file, env);
    await settings.changeConnection({ serverUrl: 'https://typed.example.com', organizationId: 'x', token: ' fresh ' });
    expect(settings.effective()).toMatchObject({
      serverUrl: 'https://env.example.com',
      organizationId: 'o',
      token: 'fresh',
    });
    // Only for this run: the environment is the operator's configuration.
    expect((await open(file, env)).effective().token).toBe('refused');
  });
});
