/**
 * A fake AuZap backend: Socket.IO + the REST calls of the spec on one HTTP server,
 * with a fake WhatsApp side that tests and the demo mode drive through `/sim/*`.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ConnectionAttempts } from './connection-attempts';
import { registerControlRoutes } from './control-routes';
import type { EmittedEvent } from './emitter';
import { FailureRules } from './failure-injection';
import { Router } from './http-router';
import { adoptAccounts, DEFAULT_ACCOUNT, prepareStateForRestart, createSimulatorState } from './initial-state';
import { MessageTraffic, type InjectMessageInput } from './message-traffic';
import { registerRestRoutes } from './rest-routes';
import { createSocketServer } from './socket-server';
import type { InjectedMessage, SimulatorAccount, SimulatorState } from './state';
import { resolveTiming, type SimulatorTiming } from './timing';

export interface SimulatorOptions {
  /** 0 (default): an ephemeral port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default: the accounts of `state` if given, else the demo account. */
  accounts?: SimulatorAccount[];
  timing?: Partial<SimulatorTiming>;
  /** The state of a previous (stopped) simulator: "restart the backend" with its data. */
  state?: SimulatorState;
  /** Default true: every organization gets demo instances and conversations. */
  seedDemoData?: boolean;
  /** Inject a random incoming message into a random chat this often. Default off. */
  ambientMessageEveryMs?: number;
  /** Default: no logging. */
  log?: (line: string) => void;
}

export interface Simulator {
  url: string;
  port: number;
  state: SimulatorState;
  timing: SimulatorTiming;
  accounts: SimulatorAccount[];
  /** Every server → client emission, oldest first. */
  emitted: EmittedEvent[];
  /** Same as `POST /sim/messages`. Throws `SimulatorStateError` for unknown ids. */
  injectMessage(input?: InjectMessageInput): InjectedMessage[];
  /**
   * Same as `POST /sim/emit`, without the HTTP round trip (for tests that send thousands):
   * emits anything to an organization's room (default: the first account's).
   */
  emitRaw(event: string, payload: unknown, organizationId?: string): void;
  /** Stops timers, disconnects sockets and frees the port. Idempotent. */
  close(): Promise<void>;
  /**
   * The backend process dies: every connection is cut at once, with no goodbye (no
   * Socket.IO disconnect packet, no HTTP answer), then the port is freed.
   */
  kill(): Promise<void>;
}

/** How long closing waits for clients to finish their close handshakes before cutting them. */
const CLOSE_GRACE_MS = 250;

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const log = options.log ?? (() => {});
  const timing = resolveTiming(options.timing);
  const accounts = (options.accounts ?? options.state?.accounts ?? [DEFAULT_ACCOUNT]).map((a) => ({
    ...a,
  }));
  if (accounts.length === 0) throw new Error('The simulator needs at least one account');
  const seedDemoData = options.seedDemoData ?? true;

  let state: SimulatorState;
  if (options.state) {
    state = options.state;
    prepareStateForRestart(state);
    adoptAccounts(state, accounts, seedDemoData);
  } else {
    state = createSimulatorState({ accounts, seedDemoData });
  }

  // Auth checks the accounts this simulator was started with, not every account the state
  // has ever known: restarting with other accounts revokes the old tokens.
  const authenticate = (token: string): SimulatorAccount | undefined => accounts.find((a) => a.token === token);

  const emitted: EmittedEvent[] = [];
  const router = new Router(log);
  const httpServer = createServer(router.handle);
  const openConnections = trackConnections(httpServer);
  const sockets = createSocketServer(httpServer, { authenticate, emitted, log, timing });
  const attempts = new ConnectionAttempts(timing, sockets.emitter, log);
  const failures = new FailureRules();
  const traffic = new MessageTraffic({
    state,
    emitter: sockets.emitter,
    organizationIds: [...new Set(accounts.map((a) => a.organizationId))],
    log,
  });

  registerRestRoutes(router, { state, authenticate, attempts, failures });
  registerControlRoutes(router, {
    state,
    accounts,
    attempts,
    traffic,
    failures,
    emitter: sockets.emitter,
    emitted,
    sockets,
  });

  const host = options.host ?? '127.0.0.1';
  try {
    await listen(httpServer, options.port ?? 0, host);
  } catch (error) {
    await sockets.io.close().catch(() => {});
    throw error;
  }
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  if (options.ambientMessageEveryMs !== undefined && options.ambientMessageEveryMs > 0) {
    traffic.startAmbient(options.ambientMessageEveryMs);
  }
  log(`listening on ${url}`);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      traffic.stop();
      attempts.cancelAll();
      // Stop accepting first so the port is free at once, even while clients linger.
      const drained = new Promise<void>((resolve) => httpServer.once('close', () => resolve()));
      httpServer.close();
      httpServer.closeAllConnections();
      // Sockets end as "server shutting down", a transport close for clients: they reconnect,
      // which is what a backend restart looks like to the app.
      const ioClosed = sockets.io.close();
      const cutLingering = setTimeout(() => {
        for (const connection of openConnections) connection.destroy();
      }, CLOSE_GRACE_MS);
      await Promise.all([drained, ioClosed]);
      clearTimeout(cutLingering);
      log('closed');
    })();
    return closing;
  };

  return {
    url,
    port,
    state,
    timing,
    accounts,
    emitted,
    injectMessage: (input = {}) => traffic.inject(input),
    emitRaw: (event, payload, organizationId) =>
      sockets.emitter.emitRaw(organizationId ?? accounts[0]?.organizationId ?? '', event, [payload]),
    close,
    kill() {
      for (const connection of openConnections) connection.destroy();
      return close();
    },
  };
}

function listen(server: HttpServer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** Upgraded (WebSocket) connections are invisible to `closeAllConnections`; track them all. */
function trackConnections(server: HttpServer): Set<NetSocket> {
  const connections = new Set<NetSocket>();
  server.on('connection', (connection: NetSocket) => {
    connections.add(connection);
    connection.once('close', () => connections.delete(connection));
  });
  return connections;
}

export { createSimulatorState, DEFAULT_ACCOUNT, type CreateSimulatorStateOptions } from './initial-state';
export {
  countMessages,
  createConversation,
  findConversation,
  listConversations,
  listMessages,
  type NewContact,
} from './state-conversations';
export { addInstance, findInstance, listInstances } from './state-instances';
export { storeIncomingMessages, storeOutgoingMessage, storeReply, type IncomingMessageInput } from './state-messages';
export {
  SimulatorStateError,
  type InjectedMessage,
  type SimConversation,
  type SimInstance,
  type SimOrganization,
  type SimulatorAccount,
  type SimulatorState,
  type StoredMessage,
  type WhatsAppMessageEventWire,
} from './state';
export type { InjectMessageInput, BurstInput } from './message-traffic';
export type { EmittedEvent, WirePayloads, WireEventName } from './emitter';
export type { JoinReply } from './socket-server';
export { DEFAULT_TIMING, FAST_TIMING, type SimulatorTiming } from './timing';
export {
  PAIRING_CODE_ALPHABET,
  generateMessageId,
  generatePairingCode,
  generateQrString,
  generateBrazilianPhoneNumber,
} from './baileys-like';
