/**
 * Where AuZap keeps its data, decided here on purpose rather than left to whatever the
 * app's name happens to be: Electron derives userData from package.json's productName
 * (else its name), so renaming the product would silently start every user from scratch.
 *
 *   Linux    ~/.config/AuZap                        ($XDG_CONFIG_HOME when set)
 *   Windows  %APPDATA%\AuZap
 *   macOS    ~/Library/Application Support/AuZap
 *
 * Builds before productName existed kept it under the package name, "auzap-desktop". On
 * the first start of this version, that folder's contents move over (entry by entry, so
 * an already created new folder is no obstacle); if the move fails (a file held open by
 * a still-running old build on Windows), or an old build still runs with that folder
 * (Linux, macOS: its Chromium lock names a live process here, and a move would pull the
 * folder from under it), this run uses the old folder and the next start tries again. AUZAP_DATA_DIR, when set, wins over both (stores.ts).
 *
 * Note: the keychain entry that protects the saved sign-in token is named after the app
 * (macOS Keychain, Linux Secret Service), so after the move the token may need to be
 * entered once more there; Windows keeps its key in the moved "Local State" file.
 */
import { existsSync, readdirSync, readlinkSync, renameSync, rmdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SETTINGS_FILE_NAME, STATE_FILE_NAME } from '../../core/persistence/state-file';
import type { Logger } from '../../core/ports';

export const USER_DATA_FOLDER = 'AuZap';
const LEGACY_USER_DATA_FOLDERS: readonly string[] = ['auzap-desktop'];

/** Files only AuZap writes: a folder holding one of them holds a user's AuZap data. */
const OUR_FILES = [`${SETTINGS_FILE_NAME}.json`, `${STATE_FILE_NAME}.json`, 'auzap-window.json'];

const holdsOurData = (dir: string) => OUR_FILES.some((file) => existsSync(join(dir, file)));

export type UserDataDecision =
  | { folder: string; migrated: 'no' }
  | { folder: string; migrated: 'moved'; from: string }
  | { folder: string; migrated: 'failed'; from: string; reason: string };

/**
 * The userData folder inside `appData`, after moving a legacy folder's contents there when
 * only the legacy folder holds AuZap data. Never throws.
 */
export function decideUserDataFolder(
  appData: string,
  logger: Logger,
  move: (from: string, to: string) => void = moveContents,
): UserDataDecision {
  const target = join(appData, USER_DATA_FOLDER);
  if (holdsOurData(target)) return { folder: target, migrated: 'no' };
  const legacy = LEGACY_USER_DATA_FOLDERS.map((name) => join(appData, name)).find(holdsOurData);
  if (!legacy) return { folder: target, migrated: 'no' };
  if (inUseByRunningApp(legacy)) {
    const reason = 'an older AuZap still runs with it';
    logger.warn(`AuZap's data stays in ${legacy} this time (${reason}); it moves to ${target} on a later start`);
    return { folder: legacy, migrated: 'failed', from: legacy, reason };
  }
  try {
    move(legacy, target);
    logger.info(`moved AuZap's data from ${legacy} to ${target}`);
    return { folder: target, migrated: 'moved', from: legacy };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn(`AuZap's data could not be moved from ${legacy} to ${target} (${reason}); using ${legacy} this time`);
    return { folder: legacy, migrated: 'failed', from: legacy, reason };
  }
}

/**
 * Whether a running Electron app holds `dir`: Chromium's SingletonLock there (Linux,
 * macOS) is a link to "<host>-<pid>" while the app runs. Windows has no such link (there,
 * an open file makes the move fail instead).
 */
function inUseByRunningApp(dir: string): boolean {
  let owner: string;
  try {
    owner = readlinkSync(join(dir, 'SingletonLock'));
  } catch {
    return false;
  }
  const dash = owner.lastIndexOf('-');
  const pid = Number(owner.slice(dash + 1));
  return dash > 0 && owner.slice(0, dash) === hostname() && Number.isInteger(pid) && pid > 0 && processIsAlive(pid);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function moveContents(from: string, to: string): void {
  if (!existsSync(to)) {
    renameSync(from, to);
    return;
  }
  // Our files last: until they arrive, the next start still sees the data as the old folder's.
  const entries = readdirSync(from).sort((a, b) => Number(OUR_FILES.includes(a)) - Number(OUR_FILES.includes(b)));
  for (const entry of entries) {
    if (existsSync(join(to, entry))) continue;
    renameSync(join(from, entry), join(to, entry));
  }
  try {
    rmdirSync(from);
  } catch {
    // Left behind: entries the new folder already had. Harmless.
  }
}
