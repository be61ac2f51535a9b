// `npm run dev` / `npm run preview`: electron-vite's own commands (hot reload; the built
// app), with the Electron binary obtained first. electron-vite looks for
// node_modules/electron/path.txt, which only exists after the lazy download, so on a
// fresh clone it would stop with "Electron uninstall"; it takes ELECTRON_EXEC_PATH instead.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronBinaryOrExit, runExplainingSandbox } from './lib/project-electron';

const root = process.cwd();
const [command = 'dev', ...rest] = process.argv.slice(2);
const binary = electronBinaryOrExit(root);
// The connection thread is built apart (electron-vite knows only main, preload and
// renderer); without it the app would connect from its main thread and log why.
const worker = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    'src/core/connection-thread/vite.config.ts',
  ],
  { cwd: root, stdio: 'inherit' },
);
if (worker.status !== 0) process.exit(worker.status ?? 1);
const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const code = await runExplainingSandbox(process.execPath, [cli, command, ...rest], {
  cwd: root,
  env: { ...process.env, ELECTRON_EXEC_PATH: binary },
  electronBinary: binary,
});
process.exit(code);
