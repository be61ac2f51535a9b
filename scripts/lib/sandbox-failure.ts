/**
 * Ubuntu 23.10+ (and other distributions with AppArmor's
 * `kernel.apparmor_restrict_unprivileged_userns=1`) refuse Chromium the user namespaces
 * its sandbox needs, and the development Electron in node_modules has no setuid
 * chrome-sandbox to fall back on: Electron aborts at start with one of the messages
 * below. The installed .deb is not affected (it ships an AppArmor profile, see the
 * README's Platforms section); `npm start` recognises the abort and says what to do.
 */
import { join } from 'node:path';

const SIGNS = [
  // Chromium without a usable namespace sandbox and no setuid helper.
  'No usable sandbox!',
  // Chromium that found node_modules/electron/dist/chrome-sandbox, not owned by root / not setuid.
  'The SUID sandbox helper binary was found, but is not configured correctly',
];

export function isSandboxFailure(output: string): boolean {
  return SIGNS.some((sign) => output.includes(sign));
}

/** The advice, naming this checkout's chrome-sandbox. */
export function sandboxAdvice(electronDistDir: string): string {
  const helper = join(electronDistDir, 'chrome-sandbox');
  return [
    'AuZap Desktop stopped at start: this Linux does not let Electron build its sandbox.',
    'Ubuntu 23.10+ restricts unprivileged user namespaces with AppArmor, and the development copy of Electron',
    'has no setuid sandbox helper. Either give it one (once per Electron download):',
    `  sudo chown root:root "${helper}" && sudo chmod 4755 "${helper}"`,
    'or allow it through AppArmor (see "Platforms" in the README). Do not run it with --no-sandbox.',
    'The installed .deb package brings its own AppArmor profile and is not affected.',
  ].join('\n');
}
