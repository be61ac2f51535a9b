// The AppUserModelId the app sets on Windows is electron-builder's appId, and the name the
// shell uses is the product name Electron reads from package.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID, APP_NAME } from '../../../src/main/shell/app-identity';

const root = join(import.meta.dirname, '../../..');

describe('the app identity', () => {
  it("equals electron-builder's appId", () => {
    const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    expect(/^appId:\s*(\S+)\s*$/m.exec(yml)?.[1]).toBe(APP_ID);
  });

  it('is named as package.json names it (app.name, the notification sender)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { productName?: string };
    expect(pkg.productName).toBe(APP_NAME);
  });
});
