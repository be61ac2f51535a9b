// `npm run lint:electron`: Electronegativity (Doyensec's Electron security scanner) over
// src/, with the checks for the Electron version in package.json. Fails on any HIGH or
// MEDIUM finding that is not explained in place with electronegativity's own
// `eng-disable CHECK_ID: reason` comment, and on any file it could not parse (a scanner
// that skipped a file proved nothing about it).
//
// Offline: the one check that downloads Electron's release list
// (AvailableSecurityFixesGlobalCheck) is left out; `npm audit` covers known-vulnerable
// versions instead.
import { resolve } from 'node:path';
import { scanElectronSecurity } from './lib/electronegativity';

const input = resolve(process.argv[2] ?? 'src');
const report = await scanElectronSecurity(input);
for (const line of report.lines) console.log(line);
process.exit(report.ok ? 0 : 1);
