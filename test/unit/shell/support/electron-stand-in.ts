/**
 * A stand-in for the Electron binary that electron-builder can package (its `electronDist`):
 * a shell script carrying Electron's fuse wire, so @electron/fuses flips it exactly as it
 * would flip the real one. The real binary cannot be downloaded on our machines.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's shipped defaults, fuse by fuse ('1' on, '0' off), as in a real binary's wire. */
const SHIPPED_FUSES = '10110011';

/** Writes `<dir>/electron`; returns `dir`. */
export function writeStandInElectron(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(SENTINEL),
    Buffer.from([1, SHIPPED_FUSES.length]),
    Buffer.from(SHIPPED_FUSES),
  ]);
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([Buffer.from('#!/bin/sh\necho stand-in\nexit 0\n# '), wire, Buffer.from('\n')]),
    { mode: 0o755 },
  );
  return dir;
}
