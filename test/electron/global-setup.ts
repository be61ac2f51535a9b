// Says once, plainly, why the Electron suite did nothing on a machine without the binary.
import { resolve } from 'node:path';
import { findElectronBinary, SKIP_MESSAGE } from './support/electron-binary';

export default function globalSetup(): void {
  const root = resolve(import.meta.dirname, '../..');
  const binary = findElectronBinary(root);
  console.log(binary ? `Electron smoke suite: using ${binary}` : `Electron smoke suite ${SKIP_MESSAGE}`);
}
