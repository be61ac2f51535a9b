import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // A ceiling for a loaded 2-core machine, not a speed check (speed lives in bench/).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration suites bind loopback ports and run real servers; two cores here.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
