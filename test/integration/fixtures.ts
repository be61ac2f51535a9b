/**
 * The `backend` fixture for the core-against-simulator suites: simulators and cores a
 * test starts are tracked and stopped after it, whatever the test did (restarted a
 * simulator, stopped a core itself, failed half-way).
 */
import { test as base } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/simulator';
import { startCore, waitForJoined, type CoreUnderTest } from './support';

export interface Backend {
  /** A simulator; restarting one is `simulator({ port, state })` again. */
  simulator(options?: SimulatorOptions): Promise<Simulator>;
  /** A started core (see startCore for the extra options). */
  core(...args: Parameters<typeof startCore>): CoreUnderTest;
  /** A core that is online and whose socket the simulator has put in the organization room. */
  onlineCore(
    sim: Simulator,
    account: { token: string; organizationId: string },
    extra?: Parameters<typeof startCore>[3],
  ): Promise<CoreUnderTest>;
}

export const test = base.extend<{ backend: Backend }>({
  // eslint-disable-next-line no-empty-pattern -- vitest reads the fixture's dependencies from this pattern
  backend: async ({}, use) => {
    const sims: Simulator[] = [];
    const cores: CoreUnderTest[] = [];
    const backend: Backend = {
      async simulator(options = {}) {
        const sim = await startSimulator(options);
        sims.push(sim);
        return sim;
      },
      core(...args) {
        const core = startCore(...args);
        cores.push(core);
        return core;
      },
      async onlineCore(sim, account, extra) {
        const core = backend.core({ serverUrl: sim.url, ...account }, undefined, undefined, extra);
        await core.waitForStatus('online');
        await waitForJoined(sim.url, account.organizationId);
        return core;
      },
    };
    await use(backend);
    for (const core of cores) core.core.stop();
    await Promise.all(sims.map((sim) => sim.close()));
  },
});
