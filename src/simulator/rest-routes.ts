/**
 * The backend's REST calls (contract: src/shared/rest.ts). Every call is scoped to the
 * organization of the bearer token: another organization's ids answer 404, exactly like
 * unknown ones, so the simulator never confirms that a foreign id exists.
 */
import type { IncomingMessage } from 'node:http';
import { isoTimestamp } from '../shared/events';
import {
  connectRequest,
  sendMessageRequest,
  type ConnectResponse,
  type ConversationDto,
  type InstanceDto,
} from '../shared/rest';
import type { ConnectionAttempts } from './connection-attempts';
import type { FailureRules } from './failure-injection';
import { HttpError, parseOr400, type RouteContext, type RouteResult, type Router } from './http-router';
import type { SimulatorAccount, SimulatorState, StoredMessage } from './state';
import {
  MAX_MESSAGE_PAGE,
  DEFAULT_MESSAGE_PAGE,
  listConversations,
  listMessages,
  requireConversation,
} from './state-conversations';
import { listInstances, requireInstance } from './state-instances';
import { storeReply } from './state-messages';

export interface RestDependencies {
  state: SimulatorState;
  authenticate(token: string): SimulatorAccount | undefined;
  attempts: ConnectionAttempts;
  failures: FailureRules;
}

type AuthenticatedHandler = (ctx: RouteContext, account: SimulatorAccount) => RouteResult | Promise<RouteResult>;

const INVALID_TOKEN = 'Invalid or expired token';

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function registerRestRoutes(router: Router, deps: RestDependencies): void {
  // Scripted failures win over everything, auth included, so "the next call fails" holds
  // whatever the call looks like.
  const authenticated =
    (handler: AuthenticatedHandler) =>
    async (ctx: RouteContext): Promise<RouteResult> => {
      const failure = deps.failures.take(ctx.method, ctx.url.pathname);
      if (failure && !failure.afterHandling) return { status: failure.status, body: { error: failure.error } };
      const token = bearerToken(ctx.req);
      if (token === undefined) throw new HttpError(401, 'Missing bearer token');
      const account = deps.authenticate(token);
      if (!account) throw new HttpError(401, INVALID_TOKEN);
      if (!failure) return handler(ctx, account);
      // The call is carried out, only its answer is lost: what a client sees when a reply times out.
      await handler(ctx, account);
      return { status: failure.status, body: { error: failure.error } };
    };

  router.get(
    '/instances',
    authenticated((_ctx, account) => {
      const body: InstanceDto[] = listInstances(deps.state, account.organizationId);
      return { status: 200, body };
    }),
  );

  router.post(
    '/instances/:id/connect',
    authenticated(async (ctx, account) => {
      const instance = requireInstance(deps.state, account.organizationId, ctx.params.id ?? '');
      const request = parseOr400(connectRequest, await ctx.readBody());
      deps.attempts.start(instance, request);
      const body: ConnectResponse = { instanceId: instance.id, method: request.method };
      return { status: 202, body };
    }),
  );

  router.post(
    '/instances/:id/disconnect',
    authenticated((ctx, account) => {
      const instance = requireInstance(deps.state, account.organizationId, ctx.params.id ?? '');
      deps.attempts.disconnect(instance, 'manual');
      return { status: 202, body: { instanceId: instance.id } };
    }),
  );

  router.get(
    '/conversations',
    authenticated((ctx, account) => {
      const updatedSince = isoQuery(ctx.url, 'updatedSince');
      const body: ConversationDto[] = listConversations(deps.state, account.organizationId, updatedSince);
      return { status: 200, body };
    }),
  );

  router.get(
    '/conversations/:id/messages',
    authenticated((ctx, account) => {
      const before = isoQuery(ctx.url, 'before');
      const limit = limitQuery(ctx.url);
      const body: StoredMessage[] = listMessages(deps.state, account.organizationId, ctx.params.id ?? '', {
        ...(before !== undefined ? { before } : {}),
        limit,
      });
      return { status: 200, body };
    }),
  );

  router.post(
    '/conversations/:id/messages',
    authenticated(async (ctx, account) => {
      const conversationId = ctx.params.id ?? '';
      // Resolve the conversation before the body so an unknown id is a 404 whatever was sent.
      requireConversation(deps.state, account.organizationId, conversationId);
      const reply = parseOr400(sendMessageRequest, await ctx.readBody());
      const { message, created } = storeReply(deps.state, account.organizationId, conversationId, reply);
      const body: StoredMessage = message;
      return { status: created ? 201 : 200, body };
    }),
  );
}

function isoQuery(url: URL, name: string): Date | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (!isoTimestamp.safeParse(raw).success) {
    throw new HttpError(400, `${name} must be an ISO 8601 date-time, got ${JSON.stringify(raw)}`);
  }
  return new Date(raw);
}

function limitQuery(url: URL): number {
  const raw = url.searchParams.get('limit');
  if (raw === null || raw === '') return DEFAULT_MESSAGE_PAGE;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new HttpError(400, `limit must be a positive integer, got ${JSON.stringify(raw)}`);
  }
  return Math.min(Number(raw), MAX_MESSAGE_PAGE);
}
