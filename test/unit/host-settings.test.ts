import { describe, expect, it } from 'vitest';
import { createHostSettings } from '../../src/core/host-settings';
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
  createHostSettings({ env, settingsFile: file, logger: silent, launchAtLoginSupported: true, updatesSupported: true });

describe('host settings', () => {
  it('one preference changed leaves the others as they were, and survives a restart', () => {
    const file = memoryFile();
    open(file).changePreferences({ launchAtLogin: true });
    open(file).changePreferences({ updateChannel: 'beta' });
    expect(open(file).view()).toMatchObject({ launchAtLogin: true, updateChannel: 'beta' });
  });

  it('a saved connection is what the core connects with, and an empty server means demo mode', () => {
    const file = memoryFile();
    const settings = open(file);
    expect(
      settings.changeConnection({ serverUrl: ' https://api.example.com/ ', organizationId: 'org', token: 't' }),
    ).toBe('https://api.example.com');
    expect(open(file).effective()).toMatchObject({
      serverUrl: 'https://api.example.com',
      organizationId: 'org',
      token: 't',
    });
    expect(settings.changeConnection({ serverUrl: '', organizationId: '' })).toBeNull();
    expect(open(file).effective().serverUrl).toBeUndefined();
    expect(open(file).effective().token).toBe('t');
  });

  it('the environment wins and cannot be changed from the window', () => {
    const settings = open(memoryFile(), { serverUrl: 'https://env.example.com', token: 'x', organizationId: 'o' });
    expect(settings.view()).toMatchObject({ setByEnvironment: true, tokenStorage: 'environment' });
    expect(() => settings.changeConnection({ serverUrl: 'https://other.example.com', organizationId: 'o' })).toThrow(
      /set by AUZAP_SERVER_URL/,
    );
  });
});
