// `npm start`: build, then launch the real Electron app. Where the Electron binary
// cannot be had (no internet, ELECTRON_SKIP_BINARY_DOWNLOAD), say so in one sentence
// and point at the browser host, which runs the same app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const NO_ELECTRON =
  'AuZap Desktop cannot start here because the Electron binary is not available on this machine; run "npm run web" to use the same app in your browser instead.';

const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const electronDir = dirname(require.resolve('electron/package.json'));
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD && !existsSync(join(electronDir, 'path.txt'))) {
  console.error(NO_ELECTRON);
  process.exit(1);
}

// Electron fetches its binary on first use. Ask in a child process so a failed
// download's stack trace stays out of the way of the one sentence that matters.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  cwd: root,
  encoding: 'utf8',
});
const electronBinary = probe.status === 0 ? probe.stdout.trim() : '';
if (!electronBinary || !existsSync(electronBinary)) {
  console.error(NO_ELECTRON);
  process.exit(1);
}

const child = spawn(electronBinary, [root, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
