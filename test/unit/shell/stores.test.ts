// The Electron host's files: electron-store documents in userData (electron-store is
// conf plus Electron's paths, so conf itself stands in for it here), AUZAP_DATA_DIR,
// and the notification icon drawn once.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const paths = new Map<string, string>();
  return {
    paths,
    app: {
      getPath: vi.fn((name: string) => paths.get(name) ?? '/nowhere'),
      setPath: vi.fn((name: string, value: string) => void paths.set(name, value)),
    },
    ipcMain: { removeAllListeners: vi.fn() },
  };
});
vi.mock('electron', () => electron);
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  // electron-store: `name` → configName, cwd defaults to userData.
  class FakeElectronStore extends Conf<Record<string, unknown>> {
    constructor(options: { name: string } & Record<string, unknown>) {
      const { name, ...rest } = options;
      super({ ...rest, configName: name, cwd: electron.app.getPath('userData'), projectName: 'auzap-test' });
    }
  }
  return { default: FakeElectronStore };
});

import { STATE_FILE_NAME } from '../../../src/core/persistence/state-file';
import {
  ensureIconFile,
  NOTIFICATION_ICON_FILE,
  openKeyValueStore,
  openStoreFile,
  useDataDirFromEnv,
} from '../../../src/main/shell/stores';

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'auzap-stores-'));
  electron.paths.clear();
  vi.clearAllMocks();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('AUZAP_DATA_DIR', () => {
  it('becomes userData, created if needed', () => {
    const target = join(dir, 'nested', 'data');
    useDataDirFromEnv(target, logger);
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', target);
    expect(statSync(target).isDirectory()).toBe(true);
  });

  it('leaves userData alone when unset', () => {
    useDataDirFromEnv(undefined, logger);
    expect(electron.app.setPath).not.toHaveBeenCalled();
  });
});

describe('openStoreFile', () => {
  it('keeps a compact JSON document in userData/<name>.json', () => {
    electron.paths.set('userData', dir);
    const file = openStoreFile(STATE_FILE_NAME, logger);
    expect(file.path).toBe(join(dir, `${STATE_FILE_NAME}.json`));
    file.save({ version: 1, hello: 'world' });
    expect(readFileSync(file.path, 'utf8')).toBe('{"version":1,"hello":"world"}');
    expect(openStoreFile(STATE_FILE_NAME, logger).load()).toEqual({
      data: { version: 1, hello: 'world' },
      problem: null,
    });
    // electron-store's renderer-side IPC answer is not left registered.
    expect(electron.ipcMain.removeAllListeners).toHaveBeenCalledWith('electron-store-get-data');
  });

  it('moves a damaged file aside and starts from defaults', () => {
    electron.paths.set('userData', dir);
    writeFileSync(join(dir, `${STATE_FILE_NAME}.json`), '{ not json');
    const file = openStoreFile(STATE_FILE_NAME, logger);
    expect(file.load().problem).toMatch(/could not be read/);
    expect(logger.warn).toHaveBeenCalled();
  });
});

describe('openKeyValueStore', () => {
  it('reads back what it wrote', () => {
    electron.paths.set('userData', dir);
    openKeyValueStore('auzap-window', logger).set('closeToTrayNoticeShown', true);
    expect(openKeyValueStore('auzap-window', logger).get('closeToTrayNoticeShown')).toBe(true);
  });
});

describe('ensureIconFile', () => {
  it('draws the icon once and reuses the file', () => {
    const render = vi.fn(() => Buffer.from('png'));
    const path = ensureIconFile(dir, logger, render);
    expect(path).toBe(join(dir, NOTIFICATION_ICON_FILE));
    expect(ensureIconFile(dir, logger, render)).toBe(path);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('draws the real app icon by default', () => {
    const path = ensureIconFile(dir, logger) as string;
    expect(readFileSync(path).subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(readFileSync(path).readUInt32BE(16)).toBe(256);
  });

  it('gives no icon, and says why, when the folder is not writable', () => {
    writeFileSync(join(dir, 'file'), 'x');
    expect(ensureIconFile(join(dir, 'file', 'sub'), logger)).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('notification icon'));
  });
});
