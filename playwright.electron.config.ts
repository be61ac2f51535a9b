import { defineConfig } from '@playwright/test';

// The Electron smoke suite: the real app (out/main/index.js, so `npm run build` first)
// against the simulator, driven by Playwright's `_electron`. Where the Electron binary
// is missing (ELECTRON_SKIP_BINARY_DOWNLOAD machines) every test reports itself skipped
// and the run succeeds. On Linux it needs a display (run it under `xvfb-run -a`).
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/electron/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
