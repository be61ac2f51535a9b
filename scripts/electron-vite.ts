// `npm run dev` / `npm run preview`: electron-vite's own commands (hot reload; the built
// app), with the Electron binary obtained first. electron-vite looks for
// node_modules/electron/path.txt, which only exists after the lazy download, so on a
// fresh clone it would stop with "Electron uninstall"; it takes ELECTRON_EXEC_PATH instead.
import { join } from 'node:path';
import { electronBinaryOrExit, runExplainingSandbox } from './lib/project-electron';

const root = process.cwd();
const [command = 'dev', ...rest] = process.argv.slice(2);
const binary = electronBinaryOrExit(root);
const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const code = await runExplainingSandbox(process.execPath, [cli, command, ...rest], {
  cwd: root,
  env: { ...process.env, ELECTRON_EXEC_PATH: binary },
  electronBinary: binary,
});
process.exit(code);
