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
 * a still-running old build on Windows), this run uses the old folder and the next start
 * tries again. AUZAP_DATA_DIR, when set, wins over both (stores.ts).
 *
 * Note: the keychain entry that protects the saved sign-in token is named after the app
 * (macOS Keychain, Linux Secret Service), so after the move the token may need to be
 * entered once more there; Windows keeps its key in the moved "Local State" file.
 */
import { existsSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
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
