/**
 * The whole app as the browser benchmarks drive it: a simulator serving the bench
 * account, the browser host configured for it (as `npm run web` starts it) and Debian
 * Chromium with one page, stopped together, newest first.
 */
import { chromium, type Page } from '@playwright/test';
import { startSimulator, type Simulator } from '../src/simulator/simulator';
import { startHost, type RunningHost } from '../test/e2e/support/hosts';

export const BENCH_ORGANIZATION = 'org-bench';

/** An empty simulator for the bench account; the bench seeds what it measures before `openInChromium`. */
export function startBenchSimulator(): Promise<Simulator> {
  return startSimulator({ accounts: [{ token: 'bench', organizationId: BENCH_ORGANIZATION }], seedDemoData: false });
}

export interface AppInChromium {
  page: Page;
  /** The browser host: its process id, and its state as the tests read it. */
  host: RunningHost;
  /** The browser host's page, not opened yet: a bench may time the opening. */
  url: string;
  /** Closes the browser, stops the host, then the simulator. */
  close(): Promise<void>;
}

/** `env` adds to the host's environment (e.g. AUZAP_DATA_DIR holding a saved inbox). */
export async function openInChromium(sim: Simulator, env: Record<string, string> = {}): Promise<AppInChromium> {
  const host = await startHost({
    AUZAP_SERVER_URL: sim.url,
    AUZAP_TOKEN: 'bench',
    AUZAP_ORGANIZATION_ID: BENCH_ORGANIZATION,
    ...env,
  });
  const browser = await chromium
    .launch({
      executablePath: process.env.AUZAP_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
    .catch(async (error: unknown) => {
      await host.stop();
      throw error;
    });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  return {
    page,
    host,
    url: host.url,
    async close() {
      await browser.close();
      await host.stop();
      await sim.close();
    },
  };
}
