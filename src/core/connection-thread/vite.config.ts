// Builds the connection's thread as one self-contained CommonJS script
// (out/connection-thread/connection-worker.cjs), socket.io-client bundled in. The app reads it and
// starts it as an eval worker (built-worker.ts): nothing is resolved from inside app.asar
// on the worker's side, so the worker does not depend on how a given Electron loads
// modules for worker threads from an archive.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    // Its own folder: electron-vite empties out/main on every build, also in `npm run dev`.
    outDir: resolve(import.meta.dirname, '../../../out/connection-thread'),
    emptyOutDir: true,
    ssr: resolve(import.meta.dirname, 'connection-worker.ts'),
    target: 'node20',
    minify: false,
    rollupOptions: {
      // ws tries these optional native speed-ups in a try/catch; without them it runs in JavaScript.
      external: ['bufferutil', 'utf-8-validate'],
      output: { format: 'cjs', entryFileNames: 'connection-worker.cjs' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
