// The userData folder is decided on purpose ("AuZap"), and data of builds that kept it
// under the package name ("auzap-desktop") moves there once.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decideUserDataFolder, USER_DATA_FOLDER } from '../../../src/main/shell/user-data';

const dirs: string[] = [];
const appData = () => {
  const dir = mkdtempSync(join(tmpdir(), 'auzap-appdata-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });
const write = (file: string, text: string) => {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
};

describe('decideUserDataFolder', () => {
  it('is "AuZap" on a first install, whatever package.json says', () => {
    const root = appData();
    expect(USER_DATA_FOLDER).toBe('AuZap');
    expect(decideUserDataFolder(root, logger())).toEqual({ folder: join(root, 'AuZap'), migrated: 'no' });
  });

  it('moves an earlier build’s folder over, Chromium’s files (the Windows token key) included', () => {
    const root = appData();
    write(join(root, 'auzap-desktop', 'auzap-settings.json'), '{"version":1}');
    write(join(root, 'auzap-desktop', 'Local State'), '{"os_crypt":{}}');
    write(join(root, 'auzap-desktop', 'Local Storage', 'leveldb', 'CURRENT'), 'x');
    const log = logger();
    expect(decideUserDataFolder(root, log)).toEqual({
      folder: join(root, 'AuZap'),
      migrated: 'moved',
      from: join(root, 'auzap-desktop'),
    });
    expect(readFileSync(join(root, 'AuZap', 'auzap-settings.json'), 'utf8')).toBe('{"version":1}');
    expect(existsSync(join(root, 'AuZap', 'Local State'))).toBe(true);
    expect(existsSync(join(root, 'AuZap', 'Local Storage', 'leveldb', 'CURRENT'))).toBe(true);
    expect(existsSync(join(root, 'auzap-desktop'))).toBe(false);
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining('moved AuZap'));
    // The next start finds it where it belongs.
    expect(decideUserDataFolder(root, logger())).toEqual({ folder: join(root, 'AuZap'), migrated: 'no' });
  });

  it('moves into a new folder Electron already created, without overwriting what is there', () => {
    const root = appData();
    write(join(root, 'auzap-desktop', 'auzap-state.json'), 'old state');
    write(join(root, 'auzap-desktop', 'Crashpad', 'settings.dat'), 'old');
    write(join(root, 'AuZap', 'Crashpad', 'settings.dat'), 'new');
    expect(decideUserDataFolder(root, logger()).migrated).toBe('moved');
    expect(readFileSync(join(root, 'AuZap', 'auzap-state.json'), 'utf8')).toBe('old state');
    expect(readFileSync(join(root, 'AuZap', 'Crashpad', 'settings.dat'), 'utf8')).toBe('new');
  });

  it('never moves over data the new folder already has', () => {
    const root = appData();
    write(join(root, 'auzap-desktop', 'auzap-settings.json'), 'old');
    write(join(root, 'AuZap', 'auzap-settings.json'), 'current');
    expect(decideUserDataFolder(root, logger())).toEqual({ folder: join(root, 'AuZap'), migrated: 'no' });
    expect(readFileSync(join(root, 'AuZap', 'auzap-settings.json'), 'utf8')).toBe('current');
    expect(readFileSync(join(root, 'auzap-desktop', 'auzap-settings.json'), 'utf8')).toBe('old');
  });

  it('keeps using the old folder when the move fails (a file held open on Windows), and says why', () => {
    const root = appData();
    write(join(root, 'auzap-desktop', 'auzap-settings.json'), 'old');
    const log = logger();
    const busy = () => {
      throw Object.assign(new Error("EBUSY: resource busy or locked, rename 'Local State'"), { code: 'EBUSY' });
    };
    expect(decideUserDataFolder(root, log, busy)).toEqual({
      folder: join(root, 'auzap-desktop'),
      migrated: 'failed',
      from: join(root, 'auzap-desktop'),
      reason: "EBUSY: resource busy or locked, rename 'Local State'",
    });
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining(`using ${join(root, 'auzap-desktop')} this time`));
  });

  it('leaves the old folder where it is while an older AuZap still runs with it, and moves it once that one is gone', () => {
    const root = appData();
    const legacy = join(root, 'auzap-desktop');
    write(join(legacy, 'auzap-state.json'), '{"version":3}');
    // Chromium's lock of the running old build: this very (live) process.
    symlinkSync(`${hostname()}-${process.pid}`, join(legacy, 'SingletonLock'));
    const log = logger();
    expect(decideUserDataFolder(root, log)).toMatchObject({ folder: legacy, migrated: 'failed' });
    expect(existsSync(join(legacy, 'auzap-state.json'))).toBe(true);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('an older AuZap still runs with it'));

    // It quit (the lock names a process that is gone): the next start moves the data.
    rmSync(join(legacy, 'SingletonLock'));
    symlinkSync(`${hostname()}-2147483646`, join(legacy, 'SingletonLock'));
    expect(decideUserDataFolder(root, logger())).toMatchObject({ folder: join(root, 'AuZap'), migrated: 'moved' });
    expect(readFileSync(join(root, 'AuZap', 'auzap-state.json'), 'utf8')).toBe('{"version":3}');
  });
});
