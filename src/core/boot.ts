/**
 * Start-up shared by both hosts: decide where to connect, start the demo backend the
 * host hands in when no server is configured, and build the core.
 */
import { createAppCore, type AppCore, type AppCoreOptions } from './app-core';
import { planConnection, type EnvSettings } from './host-config';

/** A backend to run against when no server is configured (the hosts pass the simulator). */
export interface DemoBackend {
  url: string;
  token: string;
  organizationId: string;
  close(): Promise<void>;
}
export type StartDemoBackend = (log: (line: string) => void) => Promise<DemoBackend>;

export interface BootedCore {
  core: AppCore;
  /** The in-process demo backend, when running in demo mode. */
  demoBackend: DemoBackend | null;
  shutdown(): Promise<void>;
}

export async function bootCore(
  settings: EnvSettings,
  options: Omit<AppCoreOptions, 'plan' | 'demo'>,
  startDemoBackend: StartDemoBackend,
): Promise<BootedCore> {
  const plan = planConnection(settings);
  let demoBackend: DemoBackend | null = null;
  let resolved: AppCoreOptions['plan'];
  if (plan.kind === 'demo') {
    demoBackend = await startDemoBackend((line) => options.logger.info(`[demo backend] ${line}`));
    options.logger.info(`no server configured: demo mode against the built-in backend at ${demoBackend.url}`);
    resolved = {
      kind: 'server',
      target: { serverUrl: demoBackend.url, token: demoBackend.token, organizationId: demoBackend.organizationId },
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
