/**
 * Runs Electronegativity programmatically (its CLI always exits 0) and judges the result.
 */
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..', '..');

interface Level {
  value: number;
  name: string;
}
interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: Level;
  confidence: Level;
  sample?: string;
  description?: string;
}
interface ScanResult {
  issues: Issue[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}
type Run = (options: Record<string, unknown>, forCli?: boolean) => Promise<ScanResult>;

/** The one check that goes to the network (GitHub's Electron release list). */
const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
const MEDIUM = 2;

export interface SecurityReport {
  ok: boolean;
  findings: Issue[];
  lines: string[];
}

function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * The scanner fetches translations from GitHub on every run (and, in the excluded check,
 * Electron's release list) through `got`. Lint must not depend on the network, nor wait
 * for DNS to fail: its copy of `got` is replaced, in this process only, by one that
 * fails at once — which the scanner already handles ("could not retrieve translations").
 */
function keepScannerOffline(): void {
  const scanner = require.resolve('@doyensec/electronegativity');
  const gotPath = createRequire(scanner).resolve('got');
  const offline = Object.assign(() => Promise.reject(new Error('offline: lint does not use the network')), {
    __esModule: true,
    head: () => Promise.reject(new Error('offline: lint does not use the network')),
  });
  Object.assign(offline, { default: offline });
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  require.cache[gotPath] = stub;
}

export async function scanElectronSecurity(input: string): Promise<SecurityReport> {
  keepScannerOffline();
  const run = require('@doyensec/electronegativity') as Run;
  // It prints its own banner lines (translations it cannot fetch offline); keep them out.
  const log = console.log;
  console.log = () => undefined;
  let result: ScanResult;
  try {
    result = await run({
      input,
      electronVersionOverride: electronVersion(),
      excludeFromScan: OFFLINE_EXCLUDED,
      isRelative: false,
    });
  } finally {
    console.log = log;
  }
  const findings = result.issues.filter((issue) => issue.severity.value >= MEDIUM);
  const unparsed = result.errors.filter((error) => !error.tolerable);
  const where = (file: string) => relative(root, file) || file;
  const lines = [
    ...findings.map(
      (issue) =>
        `${issue.severity.name} ${issue.id} ${where(issue.file)}:${issue.location.line}:${issue.location.column} ${issue.description ?? ''}`,
    ),
    ...unparsed.map((error) => `could not scan ${where(error.file)}: ${error.message}`),
  ];
  const ok = findings.length === 0 && unparsed.length === 0;
  lines.push(
    ok
      ? `Electronegativity (Electron ${electronVersion()}): no unexplained high or medium finding in ${where(input)}.`
      : `Electronegativity: fix these, or explain each on its line with /* eng-disable CHECK_ID: reason */.`,
  );
  return { ok, findings, lines };
}
