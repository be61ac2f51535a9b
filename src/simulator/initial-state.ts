import { seedOrganization } from './demo-seed';
import { addAccount, createEmptyState, type SimulatorAccount, type SimulatorState } from './state';
import { resetInterruptedConnections } from './state-instances';

export const DEFAULT_ACCOUNT: SimulatorAccount = {
  token: 'demo-token',
  organizationId: 'org-demo',
  organizationName: 'Demo Store',
};

export interface CreateSimulatorStateOptions {
  /** Default: the demo account. */
  accounts?: SimulatorAccount[];
  /** Default true: every organization gets demo instances and conversations. */
  seedDemoData?: boolean;
  now?: Date;
}

export function createSimulatorState(options: CreateSimulatorStateOptions = {}): SimulatorState {
  const state = createEmptyState();
  adoptAccounts(state, options.accounts ?? [DEFAULT_ACCOUNT], options.seedDemoData ?? true, options.now);
  return state;
}

/**
 * Makes `state` ready to be served with `accounts`: organizations it has not seen yet are
 * added (and seeded), data of known ones is kept untouched.
 */
export function adoptAccounts(
  state: SimulatorState,
  accounts: SimulatorAccount[],
  seedDemoData: boolean,
  now: Date = new Date(),
): void {
  for (const account of accounts) {
    const isNewOrganization = addAccount(state, account);
    if (isNewOrganization && seedDemoData) seedOrganization(state, account.organizationId, now);
  }
}

/** Prepares a state carried over from a stopped simulator. */
export function prepareStateForRestart(state: SimulatorState): void {
  resetInterruptedConnections(state);
}
