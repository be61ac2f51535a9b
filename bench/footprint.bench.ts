/**
 * Footprint (issue 13, benchmark 5): what the user downloads and the window loads.
 * Renderer JavaScript per chunk (raw and gzipped), the main and preload bundles, and the
 * packaged app without the Electron runtime (app.asar + app.asar.unpacked), packaged here
 * by electron-builder's own `build()` (Linux dir target) with a stand-in Electron binary,
 * since the real one cannot be downloaded on our machines. Needs `npm run build` first.
 * Prints a table and writes bench/results/footprint-<timestamp>.json. Numbers, not verdicts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Arch, build, Platform } from 'electron-builder';
import { writeStandInElectron } from '../test/unit/shell/support/electron-stand-in';
import { report } from './report';

const root = resolve(import.meta.dirname, '..');
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const sizeOf = (path: string) =>
  statSync(path).isDirectory() ? filesUnder(path).reduce((sum, f) => sum + statSync(f).size, 0) : statSync(path).size;

/** The chunks index.html loads itself (its module script and modulepreloads): the first load. */
function firstLoadChunks(): Set<string> {
  const html = readFileSync(join(root, 'out', 'renderer', 'index.html'), 'utf8');
  return new Set([...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].flatMap((match) => match[1] ?? []));
}

function bundles(results: Record<string, number | string>) {
  const assets = join(root, 'out', 'renderer', 'assets');
  const firstLoad = firstLoadChunks();
  let totalGz = 0;
  let firstLoadGz = 0;
  for (const name of readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const content = readFileSync(join(assets, name));
    const gz = gzipSync(content, { level: 9 }).length;
    totalGz += gz;
    if (firstLoad.has(name)) firstLoadGz += gz;
    const when = firstLoad.has(name) ? 'first load' : 'lazy';
    results[`renderer ${name}, ${when} (KB raw / gz)`] = `${kb(content.length)} / ${kb(gz)}`;
  }
  results['renderer JavaScript, first load gzipped (KB)'] = kb(firstLoadGz);
  results['renderer JavaScript, all chunks gzipped (KB)'] = kb(totalGz);
  results['main bundle out/main (KB)'] = kb(sizeOf(join(root, 'out', 'main')));
  results['preload bundle out/preload (KB)'] = kb(sizeOf(join(root, 'out', 'preload')));
}

async function packaged(results: Record<string, number | string>) {
  const scratch = mkdtempSync(join(tmpdir(), 'auzap-footprint-'));
  try {
    const dist = writeStandInElectron(join(scratch, 'electron-dist'));
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget(['dir'], Arch.x64),
      publish: 'never',
      config: { electronDist: dist, directories: { output: join(scratch, 'dist') } },
    });
    const resources = join(scratch, 'dist', 'linux-unpacked', 'resources');
    const asar = sizeOf(join(resources, 'app.asar'));
    const unpacked = sizeOf(join(resources, 'app.asar.unpacked'));
    results['package: app.asar (MB)'] = Math.round(asar / 1024 / 102.4) / 10;
    results['package: app.asar.unpacked (MB)'] = Math.round(unpacked / 1024 / 102.4) / 10;
    results['package: the app without Electron itself (MB)'] = Math.round(sizeOf(resources) / 1024 / 102.4) / 10;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const results: Record<string, number | string> = {};
  bundles(results);
  await packaged(results);
  report('footprint', results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
