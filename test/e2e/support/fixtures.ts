/**
 * The `apps` fixture: simulators, browser hosts (and anything else a test starts, such
 * as a notification session) are stopped after each test, newest first, whatever the
 * test did. Specs import `test` and `expect` from here.
 */
import { test as base } from '@playwright/test';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/simulator/simulator';
import { startHost, type RunningHost } from './hosts';

export { expect } from '@playwright/test';

export interface Account {
  token: string;
  organizationId: string;
}

export interface Apps {
  simulator(options?: SimulatorOptions): Promise<Simulator>;
  /** The browser host as `npm run web` starts it, with these AUZAP_* variables. */
  host(env?: Record<string, string | undefined>): Promise<RunningHost>;
  /** The browser host configured for `sim` as `account`. */
  hostFor(sim: Simulator, account: Account, env?: Record<string, string>): Promise<RunningHost>;
  /** Something else to stop after the test. */
  defer(stop: () => Promise<void>): void;
}

export const test = base.extend<{ apps: Apps }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  apps: async ({}, use) => {
    const stops: Array<() => Promise<void>> = [];
    const apps: Apps = {
      async simulator(options) {
        const sim = await startSimulator(options);
        stops.push(() => sim.close());
        return sim;
      },
      async host(env) {
        const host = await startHost(env);
        stops.push(() => host.stop());
        return host;
      },
      hostFor: (sim, account, env = {}) =>
        apps.host({
          AUZAP_SERVER_URL: sim.url,
          AUZAP_TOKEN: account.token,
          AUZAP_ORGANIZATION_ID: account.organizationId,
          ...env,
        }),
      defer(stop) {
        stops.push(stop);
      },
    };
    await use(apps);
    const failures: unknown[] = [];
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  },
});
