/**
 * `/sim/*`: the levers a demo or a test pulls to play the WhatsApp side (the phone scans
 * the QR, a customer writes, the network blips, the backend fails). No auth, so they are
 * only answered on loopback connections. Bodies are strict (control-bodies.ts).
 */
import type { IncomingMessage } from 'node:http';
import { burstBody, dropBody, emitBody, failBody, injectBody, scanBody } from './control-bodies';
import { describeSimulatorState, listEmittedEvents } from './control-inspection';
import type { ConnectionAttempts } from './connection-attempts';
import type { EmittedEvent, OrganizationEmitter } from './emitter';
import type { FailureRules } from './failure-injection';
import { HttpError, parseOr400, type RouteHandler, type Router } from './http-router';
import type { MessageTraffic } from './message-traffic';
import type { SocketServer } from './socket-server';
import { findOrganization, type SimulatorAccount, type SimulatorState } from './state';
import { requireInstance } from './state-instances';

export interface ControlDependencies {
  state: SimulatorState;
  accounts: SimulatorAccount[];
  attempts: ConnectionAttempts;
  traffic: MessageTraffic;
  failures: FailureRules;
  emitter: OrganizationEmitter;
  emitted: EmittedEvent[];
  sockets: Pick<SocketServer, 'dropAllConnections' | 'socketCounts'>;
}

function isLoopback(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

const loopbackOnly =
  (handler: RouteHandler): RouteHandler =>
  (ctx) => {
    if (!isLoopback(ctx.req)) throw new HttpError(403, 'Control endpoints are only served on loopback');
    return handler(ctx);
  };

/** The organization a body names, else the first account's; a 404 for one the simulator does not serve. */
function organizationResolver(deps: ControlDependencies): (organizationId: string | undefined) => string {
  return (organizationId) => {
    const id = organizationId ?? deps.accounts[0]?.organizationId;
    if (id === undefined) throw new HttpError(500, 'The simulator serves no organization');
    if (!findOrganization(deps.state, id)) throw new HttpError(404, `Unknown organization ${id}`);
    return id;
  };
}

/** The phone's side of linking: scanning the QR, and the number dropping off. */
function registerInstanceControls(router: Router, deps: ControlDependencies): void {
  router.post(
    '/sim/instances/:id/scan',
    loopbackOnly(async (ctx) => {
      const instance = requireInstance(deps.state, undefined, ctx.params.id ?? '');
      const body = parseOr400(scanBody, await ctx.readBody());
      const phoneNumber = deps.attempts.complete(instance, body?.phoneNumber);
      return {
        status: 200,
        body: { instanceId: instance.id, status: instance.status, phoneNumber },
      };
    }),
  );

  router.post(
    '/sim/instances/:id/drop',
    loopbackOnly(async (ctx) => {
      const instance = requireInstance(deps.state, undefined, ctx.params.id ?? '');
      const body = parseOr400(dropBody, await ctx.readBody());
      deps.attempts.disconnect(instance, body?.reason ?? undefined);
      return { status: 200, body: { instanceId: instance.id, status: instance.status } };
    }),
  );
}

/** What customers send: one message, a burst, or any raw event (valid or not). */
function registerTrafficControls(router: Router, deps: ControlDependencies): void {
  const requireOrganizationId = organizationResolver(deps);
  router.post(
    '/sim/messages',
    loopbackOnly(async (ctx) => {
      const body = parseOr400(injectBody, await ctx.readBody()) ?? {};
      const organizationId = requireOrganizationId(body.organizationId);
      const messages = deps.traffic.inject({ ...body, organizationId });
      return { status: 201, body: { messages } };
    }),
  );

  router.post(
    '/sim/burst',
    loopbackOnly(async (ctx) => {
      const body = parseOr400(burstBody, await ctx.readBody());
      const organizationId = requireOrganizationId(body.organizationId);
      const { conversationIds } = deps.traffic.startBurst({ ...body, organizationId });
      return { status: 202, body: { conversationIds } };
    }),
  );

  router.post(
    '/sim/emit',
    loopbackOnly(async (ctx) => {
      const raw = await ctx.readBody();
      const body = parseOr400(emitBody, raw);
      const organizationId = requireOrganizationId(body.organizationId);
      // `{ event }` without a payload emits the event with no argument at all.
      const hasPayload = typeof raw === 'object' && raw !== null && 'payload' in raw;
      try {
        deps.emitter.emitRaw(organizationId, body.event, hasPayload ? [body.payload] : []);
      } catch (error) {
        throw new HttpError(400, `Cannot emit ${JSON.stringify(body.event)}: ${String(error)}`);
      }
      return { status: 202, body: { organizationId, event: body.event } };
    }),
  );
}

/** The backend and the network misbehaving: dropped sockets, failing REST calls. */
function registerFailureControls(router: Router, deps: ControlDependencies): void {
  router.post(
    '/sim/sockets/drop',
    loopbackOnly(() => ({ status: 202, body: { dropped: deps.sockets.dropAllConnections() } })),
  );

  router.post(
    '/sim/fail',
    loopbackOnly(async (ctx) => {
      const body = parseOr400(failBody, await ctx.readBody());
      const times = body.times ?? 1;
      deps.failures.add({
        method: body.method,
        path: body.path,
        status: body.status,
        error: body.error ?? `Simulated failure (${body.status})`,
        times,
        afterHandling: body.afterHandling ?? false,
      });
      return {
        status: 202,
        body: { method: body.method, path: body.path, status: body.status, times },
      };
    }),
  );
}

export function registerControlRoutes(router: Router, deps: ControlDependencies): void {
  registerInstanceControls(router, deps);
  registerTrafficControls(router, deps);
  registerFailureControls(router, deps);
  router.get('/sim/events', loopbackOnly(listEmittedEvents(deps)));
  router.get('/sim/state', loopbackOnly(describeSimulatorState(deps)));
}
