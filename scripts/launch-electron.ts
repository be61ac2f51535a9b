// `npm start` (after `npm run build`): launch the desktop app with this project as the app
// folder, so Electron reads its package.json — name "AuZap", version, desktopName — as
// the packaged app will. The first run downloads Electron (see lib/electron-binary.ts).
import { electronBinaryOrExit, runExplainingSandbox } from './lib/project-electron';

const root = process.cwd();
const binary = electronBinaryOrExit(root);
const code = await runExplainingSandbox(binary, [root, ...process.argv.slice(2)], {
  cwd: root,
  electronBinary: binary,
});
process.exit(code);
