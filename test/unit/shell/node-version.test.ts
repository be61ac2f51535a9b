// Which Node the project needs, told truthfully: package.json's engines, the .ci/run check
// and what the Electron download actually requires (require() of an ES module).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/electron-package';

const require = createRequire(import.meta.url);
const { supported } = require('../../../scripts/check-node.cjs') as { supported(version: string): boolean };
const engines = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } })
  .engines.node;

describe('the Node version', () => {
  it('engines and the CI check agree, version by version', () => {
    for (const version of ['18.20.4', '20.18.3', '20.19.0', '20.20.2', '21.7.3', '22.11.0', '22.12.0', '24.1.0']) {
      expect(supported(version), version).toBe(semver.satisfies(version, engines));
    }
    // The lines that matter: require(esm) arrived unflagged in 20.19 and 22.12.
    expect(semver.satisfies('20.18.3', engines)).toBe(false);
    expect(semver.satisfies('22.11.0', engines)).toBe(false);
    expect(semver.satisfies(process.versions.node, engines)).toBe(true);
  });

  it('is enough for the Electron download: install.js can require() @electron/get (an ES module) here', () => {
    const fromInstall = createRequire(join(repoRoot, 'node_modules', 'electron', 'install.js'));
    const get = fromInstall('@electron/get') as { downloadArtifact?: unknown };
    expect(typeof get.downloadArtifact).toBe('function');
    expect(readFileSync(join(repoRoot, '.ci', 'run'), 'utf8')).toContain('node scripts/check-node.cjs');
  });
});
