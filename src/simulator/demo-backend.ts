/**
 * The built-in demo backend both hosts hand to the core when no server is configured:
 * the simulator, in-process, with a demo shop's chats and a slow trickle of messages.
 */
import { startSimulator } from './simulator';

export const DEMO_ACCOUNT = { token: 'demo-token', organizationId: 'org-demo', organizationName: 'Demo Store' };

export interface RunningDemoBackend {
  url: string;
  token: string;
  organizationId: string;
  close(): Promise<void>;
}

export async function startDemoBackend(log: (line: string) => void): Promise<RunningDemoBackend> {
  const simulator = await startSimulator({
    port: 0,
    accounts: [DEMO_ACCOUNT],
    ambientMessageEveryMs: 45_000,
    log,
  });
  return {
    url: simulator.url,
    token: DEMO_ACCOUNT.token,
    organizationId: DEMO_ACCOUNT.organizationId,
    close: () => simulator.close(),
  };
}
