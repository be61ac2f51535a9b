// The architecture is enforced by lint (eslint.layers.js): a wrong import in a layer must
// fail `npm run lint`, however it is written.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => m.message);
}

describe('layering lint rules', () => {
  it.each([
    // Relative paths are resolved: the core cannot climb into the Electron host.
    ['src/core/inbox/x.ts', "import { x } from '../../main/shell/tray';\nexport const y = x;\n"],
    ['src/core/inbox/x.ts', "import { x } from '../../main/index';\nexport const y = x;\n"],
    ['src/core/x.ts', "import { startSimulator } from '../simulator/simulator';\nexport const y = startSimulator;\n"],
    ['src/core/x.ts', "import { app } from 'electron';\nexport const y = app;\n"],
    // require() and import() are imports too.
    ['src/core/x.ts', "const tray = require('../main/shell/tray');\nexport const y = tray;\n"],
    ['src/core/x.ts', "export const host = () => import('../host-web/web-host');\n"],
    ['src/renderer/src/x.ts', "const fs = require('fs');\nexport const y = fs;\n"],
    ['src/shared/x.ts', "export const f = () => import('node:fs');\n"],
    // Every Node built-in, not a hand-written few.
    ['src/shared/x.ts', "import { StringDecoder } from 'string_decoder';\nexport const y = StringDecoder;\n"],
    ['src/renderer/src/x.ts', "import { StringDecoder } from 'string_decoder';\nexport const y = StringDecoder;\n"],
    ['src/shared/x.ts', "import { app } from 'electron';\nexport const y = app;\n"],
    // Re-exports count.
    ['src/renderer/src/x.ts', "export * from '../../core/ports';\n"],
    ['src/renderer/src/x.ts', "import { io } from 'socket.io-client';\nexport const y = io;\n"],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;\n"],
    // The preload loads no zod, not even through the shared bridge module.
    ['src/preload/x.ts', "import { z } from 'zod';\nexport const y = z;\n"],
    ['src/preload/x.ts', "import { commandContracts } from '../shared/bridge';\nexport const y = commandContracts;\n"],
    ['src/preload/x.ts', "const bridge = require('../shared/bridge');\nexport const y = bridge;\n"],
    // The browser host and the Electron shell have rules of their own.
    ['src/host-web/x.ts', "import { app } from 'electron';\nexport const y = app;\n"],
    ['src/host-web/x.ts', "import { createTray } from '../main/shell/tray';\nexport const y = createTray;\n"],
    [
      'src/host-web/x.ts',
      "import { startSimulator } from '../simulator/simulator';\nexport const y = startSimulator;\n",
    ],
    ['src/host-web/bridge-script/x.ts', "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n"],
    [
      'src/host-web/bridge-script/x.ts',
      "import { startWebHost } from '../web-host';\nexport const y = startWebHost;\n",
    ],
    ['src/main/shell/x.ts', "import { x } from '../index';\nexport const y = x;\n"],
    ['src/main/shell/x.ts', "import { WebSocketServer } from 'ws';\nexport const y = WebSocketServer;\n"],
    ['src/simulator/x.ts', "import { createAppCore } from '../core/app-core';\nexport const y = createAppCore;\n"],
    // A new folder must join a layer before it can hold code.
    ['src/elsewhere/x.ts', 'export const y = 1;\n'],
  ])('%s may not import that: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).not.toHaveLength(0);
  });

  it.each([
    ['src/core/x.ts', "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n"],
    ['src/core/x.ts', "import { describeZodError } from '../shared/events';\nexport const y = describeZodError;\n"],
    ['src/shared/x.ts', "import { isoTimestamp } from './events';\nexport const y = isoTimestamp;\n"],
    [
      'src/renderer/src/x.ts',
      "import { BRIDGE_GLOBAL } from '../../shared/bridge';\nexport const y = BRIDGE_GLOBAL;\n",
    ],
    ['src/preload/x.ts', "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;\n"],
    [
      'src/preload/x.ts',
      "import { isCommandChannel } from '../shared/bridge-channels';\nexport const y = isCommandChannel;\n",
    ],
    // Types are erased at build time: the preload may be typed by the shared bridge.
    ['src/preload/x.ts', "import type { AuzapBridge } from '../shared/bridge';\nexport type Y = AuzapBridge;\n"],
    [
      'src/host-web/x.ts',
      "import { startDemoBackend } from '../simulator/demo-backend';\nexport const y = startDemoBackend;\n",
    ],
    [
      'src/main/x.ts',
      "import { startDemoBackend } from '../simulator/demo-backend';\nexport const y = startDemoBackend;\n",
    ],
    [
      'src/host-web/bridge-script/x.ts',
      "import { BRIDGE_SOCKET_PATH } from '../wire';\nexport const y = BRIDGE_SOCKET_PATH;\n",
    ],
  ])('%s may import that: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});

describe('size lint rules', () => {
  const ruleIds = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };
  const body = (lines: number) => Array.from({ length: lines }, (_, i) => `  const v${i} = ${i};`).join('\n');

  it('a function over 120 lines fails anywhere in src', async () => {
    const long = `export function f(): number {\n${body(119)}\n  return v0;\n}\n`;
    expect(await ruleIds('src/renderer/src/x.ts', long)).toContain('max-lines-per-function');
    const fits = `export function f(): number {\n${body(117)}\n  return v0;\n}\n`;
    expect(await ruleIds('src/renderer/src/x.ts', fits)).not.toContain('max-lines-per-function');
  });

  it('a file over 400 lines fails', async () => {
    const lines = Array.from({ length: 401 }, (_, i) => `export const v${i} = ${i};`).join('\n');
    expect(await ruleIds('src/core/x.ts', `${lines}\n`)).toContain('max-lines');
  });
});
