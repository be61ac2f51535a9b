/**
 * Stand-ins for the Electron binary and package, for tests that must not (and here
 * cannot) download Electron:
 *   - a copy of the real `electron` package (index.js, package.json, …) whose install.js
 *     is ours: it "downloads" by writing a stand-in executable and path.txt, or it is the
 *     real install.js pointed at a mirror that refuses;
 *   - the stand-in executable: a shell script that records its arguments and exits with
 *     the code (or the Chromium message) it is told to.
 */
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../../../..');
export const realElectronDir = join(repoRoot, 'node_modules', 'electron');

/** A shell script standing in for Electron: appends "$@" (one per line) to $AUZAP_STANDIN_RECORD. */
export function standInExecutable(options: { stderr?: string; exit?: number; signal?: 'TRAP' } = {}): string {
  const lines = [
    '#!/bin/sh',
    'if [ -n "$AUZAP_STANDIN_RECORD" ]; then',
    '  for arg in "$@"; do printf "%s\\n" "$arg" >> "$AUZAP_STANDIN_RECORD"; done',
    '  printf "ELECTRON_RENDERER_URL=%s\\n" "$ELECTRON_RENDERER_URL" >> "$AUZAP_STANDIN_RECORD"',
    'fi',
    'echo "stand-in electron running"',
  ];
  if (options.stderr) lines.push(`printf '%s\\n' '${options.stderr.replace(/'/g, "'\\''")}' >&2`);
  if (options.signal) lines.push(`kill -${options.signal} $$`);
  lines.push(`exit ${options.exit ?? 0}`);
  return `${lines.join('\n')}\n`;
}

/** An install.js that chats on stdout like @electron/get, then "installs" the stand-in. */
export function standInInstallScript(executable: string = standInExecutable()): string {
  return `
const fs = require('node:fs');
const path = require('node:path');
console.log('fetching electron-v45.5.0-linux-x64.zip ... done');
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), ${JSON.stringify(executable)}, { mode: 0o755 });
fs.writeFileSync(path.join(__dirname, 'dist', 'version'), 'v45.5.0');
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
`;
}

/**
 * Copies the real `electron` package to `<projectDir>/node_modules/electron`, with
 * `install` as its install.js ('real' keeps electron's own), and gives the project a
 * package.json. Returns the package folder.
 */
export function copyElectronPackage(projectDir: string, install: string | 'real'): string {
  const dir = join(projectDir, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'index.js', 'cli.js', 'checksums.json']) {
    copyFileSync(join(realElectronDir, file), join(dir, file));
  }
  if (install === 'real') copyFileSync(join(realElectronDir, 'install.js'), join(dir, 'install.js'));
  else writeFileSync(join(dir, 'install.js'), install);
  writeFileSync(
    join(projectDir, 'package.json'),
    JSON.stringify({ name: 'stand-in-project', version: '1.0.0', main: 'out/main/index.js' }),
  );
  return dir;
}

/** A folder holding just a stand-in `electron` executable (for ELECTRON_OVERRIDE_DIST_PATH). */
export function standInDist(dir: string, executable: string = standInExecutable()): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'electron');
  writeFileSync(file, executable);
  chmodSync(file, 0o755);
  return dir;
}

export function recorded(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * A Node script standing in for Electron (absolute shebang to this Node): records its
 * arguments, ELECTRON_RENDERER_URL and — when that is set — the page the dev server
 * serves there, as JSON in $AUZAP_STANDIN_RECORD.
 */
export function standInNodeExecutable(): string {
  return `#!${process.execPath}
const url = process.env.ELECTRON_RENDERER_URL || '';
const record = (page) =>
  require('node:fs').writeFileSync(process.env.AUZAP_STANDIN_RECORD, JSON.stringify({ args: process.argv.slice(2), url, page }));
if (url) fetch(url).then((r) => r.text()).then(record, (e) => record('fetch failed: ' + e.message));
else record(null);
`;
}
