/**
 * Start-up shared by both hosts: decide where to connect, start the built-in demo
 * backend when no server is configured, and build the core.
 */
import { startSimulator, type Simulator } from '../../simulator/simulator';
import { createAppCore, type AppCore, type AppCoreOptions } from './app-core';
import { planConnection, type EnvSettings } from './host-config';

export const DEMO_ACCOUNT = { token: 'demo-token', organizationId: 'org-demo', organizationName: 'Demo Store' };

export interface BootedCore {
  core: AppCore;
  /** The in-process demo backend, when running in demo mode. */
  demoBackend: Simulator | null;
  shutdown(): Promise<void>;
}

export async function bootCore(
  settings: EnvSettings,
  options: Omit<AppCoreOptions, 'plan' | 'demo'>,
): Promise<BootedCore> {
  const plan = planConnection(settings);
  let demoBackend: Simulator | null = null;
  let resolved: AppCoreOptions['plan'];
  if (plan.kind === 'demo') {
    demoBackend = await startSimulator({
      port: 0,
      accounts: [DEMO_ACCOUNT],
      ambientMessageEveryMs: 45_000,
      log: (line) => options.logger.info(`[demo backend] ${line}`),
    });
    options.logger.info(`no server configured: demo mode against the built-in backend at ${demoBackend.url}`);
    resolved = {
      kind: 'server',
      target: { serverUrl: demoBackend.url, token: DEMO_ACCOUNT.token, organizationId: DEMO_ACCOUNT.organizationId },
    };
  } else {
    resolved = plan;
  }
  const core = createAppCore({
    ...options,
    plan: resolved,
    demo: plan.kind === 'demo',
    codeWaitMs: options.codeWaitMs ?? settings.connectWaitMs,
  });
  core.start();
  return {
    core,
    demoBackend,
    async shutdown() {
      core.stop();
      await demoBackend?.close();
    },
  };
}
