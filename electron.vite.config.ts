import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { RENDERER_CSP } from './src/shared/csp';

const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/;

/**
 * What `npm run dev` needs on top of the app's CSP: Vite's client and React's refresh
 * preamble are inline scripts and injected styles, and hot reload talks to the dev
 * server over a WebSocket. Never in a build.
 */
export const DEV_RENDERER_CSP = RENDERER_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'none'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");

/**
 * src/renderer/index.html carries the CSP itself (scanners and readers see it there); the
 * build refuses a page whose CSP drifted from RENDERER_CSP, and the dev server serves
 * the relaxed one above.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'auzap-csp',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        const match = CSP_META.exec(html);
        if (match?.[1] !== RENDERER_CSP) {
          throw new Error('src/renderer/index.html must carry RENDERER_CSP (src/shared/csp.ts) in its CSP <meta> tag.');
        }
        if (!context.server) return html;
        return html.replace(match[0], `<meta http-equiv="Content-Security-Policy" content="${DEV_RENDERER_CSP}" />`);
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
      // electron-vite leaves bundles unminified; the window parses every byte on each start.
      minify: true,
    },
    plugins: [react(), contentSecurityPolicy()],
  },
});
