/**
 * `GET /sim/events` and `GET /sim/state`: what a test or a demo reads back to check what
 * the simulator did (the events it emitted, the statuses, counts and sockets it holds).
 */
import type { ControlDependencies } from './control-routes';
import type { RouteHandler } from './http-router';
import { countMessages } from './state-conversations';

export function listEmittedEvents(deps: ControlDependencies): RouteHandler {
  return (ctx) => {
    const organizationId = ctx.url.searchParams.get('organizationId');
    const event = ctx.url.searchParams.get('event');
    const body = deps.emitted.filter(
      (e) => (!organizationId || e.organizationId === organizationId) && (!event || e.event === event),
    );
    return { status: 200, body };
  };
}

function describeOrganizations(deps: ControlDependencies): unknown[] {
  const sockets = deps.sockets.socketCounts();
  return deps.state.organizations.map((org) => ({
    id: org.id,
    name: org.name,
    instances: deps.state.instances
      .filter((i) => i.organizationId === org.id)
      .map((i) => ({
        id: i.id,
        name: i.name,
        status: i.status,
        phoneNumber: i.phoneNumber ?? null,
      })),
    conversationCount: deps.state.conversations.filter((c) => c.organizationId === org.id).length,
    messageCount: countMessages(deps.state, org.id),
    sockets: sockets[org.id] ?? { connected: 0, joined: 0 },
  }));
}

export function describeSimulatorState(deps: ControlDependencies): RouteHandler {
  return () => ({
    status: 200,
    body: {
      accounts: deps.accounts.map((a) => ({
        token: a.token,
        organizationId: a.organizationId,
        organizationName: a.organizationName ?? null,
      })),
      organizations: describeOrganizations(deps),
      burstsInFlight: deps.traffic.burstsInFlight,
      connectionAttempts: deps.attempts.activeCount,
      pendingFailures: deps.failures.pending(),
      emittedCount: deps.emitted.length,
    },
  });
}
