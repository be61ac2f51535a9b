/**
 * Where the Electron host keeps things: Electron's userData folder (or AUZAP_DATA_DIR),
 * with electron-store — the same conf engine as the browser host — for the state file,
 * the settings file and the window's own small store.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app, ipcMain } from 'electron';
import Store from 'electron-store';
import { createStateFile, STATE_FILE_FORMAT, type StateFile } from '../../core/persistence/state-file';
import type { Logger } from '../../core/ports';
import { decideUserDataFolder } from './user-data';
import type { KeyValueStore } from './window-state';

/**
 * Sets userData: AUZAP_DATA_DIR when given, else the folder user-data.ts decides (and
 * migrates into). Call before the app is ready and before the single-instance lock (the
 * lock lives in userData: two data folders, two instances).
 */
export function chooseUserDataFolder(dataDir: string | undefined, logger: Logger): void {
  const standard = () => decideUserDataFolder(app.getPath('appData'), logger).folder;
  const dir = dataDir ? resolve(dataDir) : standard();
  try {
    mkdirSync(dir, { recursive: true });
    app.setPath('userData', dir);
  } catch (error) {
    const fallback = dataDir ? standard() : app.getPath('userData');
    logger.warn(`${dataDir ? 'AUZAP_DATA_DIR ' : ''}${dir} is not usable (${String(error)}); using ${fallback}`);
    if (fallback !== app.getPath('userData')) app.setPath('userData', fallback);
  }
}

/** electron-store registers a sync IPC answer for renderer-side stores; we have none, so it goes. */
function dropStoreIpc(): void {
  ipcMain.removeAllListeners('electron-store-get-data');
}

/** The core's StateFile in userData/<name>.json, written by electron-store. */
export function openStoreFile(name: string, logger: Logger): StateFile {
  const path = join(app.getPath('userData'), `${name}.json`);
  const file = createStateFile(
    () =>
      new Store<Record<string, unknown>>({
        name,
        ...STATE_FILE_FORMAT,
      }),
    path,
    logger,
  );
  dropStoreIpc();
  return file;
}

/** A small key-value store (the window's bounds, the one-time notice); in memory when the disk refuses. */
export function openKeyValueStore(name: string, logger: Logger): KeyValueStore {
  try {
    const store = new Store<Record<string, unknown>>({ name, clearInvalidConfig: true });
    dropStoreIpc();
    return {
      get: (key) => store.get(key),
      set: (key, value) => store.set(key, value),
    };
  } catch (error) {
    logger.warn(`${name}.json could not be opened (${String(error)}); window placement is not remembered`);
    const memory = new Map<string, unknown>();
    return { get: (key) => memory.get(key), set: (key, value) => void memory.set(key, value) };
  }
}
