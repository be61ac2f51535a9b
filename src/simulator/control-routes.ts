/**
 * `/sim/*`: the levers a demo or a test pulls to play the WhatsApp side (the phone scans
 * the QR, a customer writes, the network blips, the backend fails). No auth, so they are
 * only answered on loopback connections. Bodies are strict: a misspelt field is a 400,
 * not a silently ignored option that makes a test pass for the wrong reason.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { isoTimestamp } from '../shared/events';
import { phoneNumberDigits } from '../shared/rest';
import type { ConnectionAttempts } from './connection-attempts';
import type { EmittedEvent, OrganizationEmitter } from './emitter';
import type { FailureRules } from './failure-injection';
import { HttpError, parseOr400, type RouteHandler, type Router } from './http-router';
import type { MessageTraffic } from './message-traffic';
import type { SocketServer } from './socket-server';
import { countMessages, findOrganization, requireInstance, type SimulatorAccount, type SimulatorState } from './state';

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

const nonEmpty = z.string().min(1);

const scanBody = z.strictObject({ phoneNumber: phoneNumberDigits.optional() }).optional();

const dropBody = z.strictObject({ reason: z.string().nullable().optional() }).optional();

const injectBody = z
  .strictObject({
    organizationId: nonEmpty.optional(),
    conversationId: nonEmpty.optional(),
    contactName: z.string().optional(),
    contactPhone: nonEmpty.optional(),
    content: z.string().optional(),
    contentType: nonEmpty.optional(),
    mediaUrl: z.string().optional(),
    id: nonEmpty.optional(),
    timestamp: isoTimestamp.optional(),
    count: z.number().int().min(1).max(10_000).optional(),
    duplicate: z.boolean().optional(),
  })
  .optional();

const burstBody = z
  .strictObject({
    organizationId: nonEmpty.optional(),
    messages: z.number().int().min(1).max(100_000),
    conversations: z.number().int().min(1).max(10_000),
    intervalMs: z.number().int().min(0).optional(),
  })
  .refine((b) => b.conversations <= b.messages, {
    error: 'conversations must not exceed messages',
    path: ['conversations'],
  });

const emitBody = z.strictObject({
  organizationId: nonEmpty.optional(),
  event: nonEmpty,
  payload: z.unknown(),
});

const failBody = z.strictObject({
  method: z.enum(['GET', 'POST']),
  path: z.string().startsWith('/'),
  status: z.number().int().min(400).max(599),
  error: z.string().optional(),
  times: z.number().int().min(1).optional(),
});

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

export function registerControlRoutes(router: Router, deps: ControlDependencies): void {
  const defaultOrganizationId = (): string => {
    const first = deps.accounts[0]?.organizationId;
    if (first === undefined) throw new HttpError(500, 'The simulator serves no organization');
    return first;
  };
  const requireOrganizationId = (organizationId: string | undefined): string => {
    const id = organizationId ?? defaultOrganizationId();
    if (!findOrganization(deps.state, id)) throw new HttpError(404, `Unknown organization ${id}`);
    return id;
  };

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
      });
      return {
        status: 202,
        body: { method: body.method, path: body.path, status: body.status, times },
      };
    }),
  );

  router.get(
    '/sim/events',
    loopbackOnly((ctx) => {
      const organizationId = ctx.url.searchParams.get('organizationId');
      const event = ctx.url.searchParams.get('event');
      const body = deps.emitted.filter(
        (e) => (!organizationId || e.organizationId === organizationId) && (!event || e.event === event),
      );
      return { status: 200, body };
    }),
  );

  router.get(
    '/sim/state',
    loopbackOnly(() => {
      const sockets = deps.sockets.socketCounts();
      const organizations = deps.state.organizations.map((org) => ({
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
      return {
        status: 200,
        body: {
          accounts: deps.accounts.map((a) => ({
            token: a.token,
            organizationId: a.organizationId,
            organizationName: a.organizationName ?? null,
          })),
          organizations,
          burstsInFlight: deps.traffic.burstsInFlight,
          connectionAttempts: deps.attempts.activeCount,
          pendingFailures: deps.failures.pending(),
          emittedCount: deps.emitted.length,
        },
      };
    }),
  );
}
