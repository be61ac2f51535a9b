/** Every bench prints one table and keeps it in bench/results/<name>-<timestamp>.json, with the machine. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';

export function report(name: string, results: Record<string, number | string>): void {
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  for (const [key, value] of Object.entries(results)) console.log(`${key.padEnd(width)}  ${value}`);
  const dir = resolve(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  // The load average says whether the figures came from a quiet machine.
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
  };
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2));
  console.log(`\nwritten to ${file}`);
}
