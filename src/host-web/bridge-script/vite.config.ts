// Builds the browser host's bridge script (its stand-in for the preload) as one
// classic script, so it runs before the renderer's module script.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, '../../../out/host-web'),
    emptyOutDir: true,
    lib: {
      entry: resolve(import.meta.dirname, 'bridge-client.ts'),
      formats: ['iife'],
      name: 'auzapBridgeScript',
      fileName: () => 'bridge.js',
    },
    minify: false,
  },
});
