/** The WhatsApp numbers (instances) in the simulator's state: add, find, list, reset. */
import { randomUUID } from 'node:crypto';
import type { InstanceDto, InstanceStatus } from '../shared/rest';
import { requireOrganization, SimulatorStateError, type SimInstance, type SimulatorState } from './state';

export function addInstance(
  state: SimulatorState,
  organizationId: string,
  name: string,
  init: { status?: InstanceStatus; phoneNumber?: string } = {},
): SimInstance {
  requireOrganization(state, organizationId);
  const instance: SimInstance = {
    id: randomUUID(),
    organizationId,
    name,
    status: init.status ?? 'disconnected',
    ...(init.phoneNumber !== undefined ? { phoneNumber: init.phoneNumber } : {}),
  };
  state.instances.push(instance);
  return instance;
}

/** `organizationId` undefined means "any organization" (control endpoints are not scoped). */
export function findInstance(
  state: SimulatorState,
  organizationId: string | undefined,
  instanceId: string,
): SimInstance | undefined {
  return state.instances.find(
    (i) => i.id === instanceId && (organizationId === undefined || i.organizationId === organizationId),
  );
}

export function requireInstance(
  state: SimulatorState,
  organizationId: string | undefined,
  instanceId: string,
): SimInstance {
  const instance = findInstance(state, organizationId, instanceId);
  if (!instance) throw new SimulatorStateError('not_found', `Unknown instance ${instanceId}`);
  return instance;
}

export function listInstances(state: SimulatorState, organizationId: string): InstanceDto[] {
  return state.instances
    .filter((i) => i.organizationId === organizationId)
    .map((i) => ({
      id: i.id,
      name: i.name,
      status: i.status,
      ...(i.phoneNumber !== undefined ? { phoneNumber: i.phoneNumber } : {}),
    }));
}

/**
 * A restarted backend has lost its in-flight WhatsApp handshakes; without this an
 * instance would claim to be connecting forever with no QR ever coming.
 */
export function resetInterruptedConnections(state: SimulatorState): void {
  for (const instance of state.instances) {
    if (instance.status === 'connecting') instance.status = 'disconnected';
  }
}
