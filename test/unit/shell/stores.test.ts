// The Electron host's files: electron-store documents in userData (electron-store is
// conf plus Electron's paths, so conf itself stands in for it here), the userData folder
// (AUZAP_DATA_DIR, else "AuZap" in appData), and the app's runtime assets.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
import { PNG } from 'pngjs';
import { APP_ICON, resourcePath } from '../../../src/main/shell/runtime-assets';
import { chooseUserDataFolder, openKeyValueStore, openStoreFile } from '../../../src/main/shell/stores';
import { renderAppIcon } from '../../../src/main/shell/tray-icon';

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'auzap-stores-'));
  electron.paths.clear();
  vi.clearAllMocks();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the userData folder', () => {
  it('is AUZAP_DATA_DIR when set, created if needed', () => {
    const target = join(dir, 'nested', 'data');
    chooseUserDataFolder(target, logger);
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', target);
    expect(statSync(target).isDirectory()).toBe(true);
  });

  it('is appData/AuZap otherwise, with an earlier build’s data moved in', () => {
    electron.paths.set('appData', dir);
    mkdirSync(join(dir, 'auzap-desktop'));
    writeFileSync(join(dir, 'auzap-desktop', `${STATE_FILE_NAME}.json`), '{}');
    chooseUserDataFolder(undefined, logger);
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', join(dir, 'AuZap'));
    expect(existsSync(join(dir, 'AuZap', `${STATE_FILE_NAME}.json`))).toBe(true);
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

describe('runtime assets (resources/)', () => {
  const root = join(import.meta.dirname, '../../..');

  it('the app icon is there, drawn by the same code as the tray icon', () => {
    const path = resourcePath(APP_ICON, { getAppPath: () => root, isPackaged: false });
    expect(path).toBe(join(root, 'resources', 'icon.png'));
    expect(PNG.sync.read(readFileSync(path)).data.equals(PNG.sync.read(renderAppIcon(512)).data)).toBe(true);
  });

  it('are read from app.asar.unpacked when packaged (the OS cannot open a file inside an asar)', () => {
    const appPath = join('/opt', 'AuZap', 'resources', 'app.asar');
    expect(resourcePath(APP_ICON, { getAppPath: () => appPath, isPackaged: true })).toBe(
      join('/opt', 'AuZap', 'resources', 'app.asar.unpacked', 'resources', 'icon.png'),
    );
  });
});
