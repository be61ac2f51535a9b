import { defineConfig } from '@playwright/test';

// The Electron smoke suite: the real app (the project folder, as `npm start` launches it;
// `npm run build` first) against the simulator, driven by Playwright's `_electron`. The
// global setup downloads Electron on first use; only where ELECTRON_SKIP_BINARY_DOWNLOAD
// is set does every test report itself skipped. On Linux without a display the setup
// starts a private Xvfb, session bus and notification daemon.
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
