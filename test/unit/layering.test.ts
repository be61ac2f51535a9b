// The architecture is enforced by lint: a wrong import in a layer must fail `npm run lint`.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rules', () => {
  it.each([
    ['src/shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/shared/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/core/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/renderer/src/x.ts', "import { io } from 'socket.io-client';\nexport const x = io;\n"],
    ['src/renderer/src/x.ts', "import { readFile } from 'fs';\nexport const x = readFile;\n"],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['src/preload/x.ts', "import { z } from 'zod';\nexport const x = z;\n"],
  ])('%s may not import that: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).not.toHaveLength(0);
  });

  it.each([
    ['src/core/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/shared/x.ts', "import { isoTimestamp } from './events';\nexport const x = isoTimestamp;\n"],
    [
      'src/renderer/src/x.ts',
      "import { BRIDGE_GLOBAL } from '../../shared/bridge';\nexport const x = BRIDGE_GLOBAL;\n",
    ],
    ['src/preload/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
  ])('%s may import that: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
