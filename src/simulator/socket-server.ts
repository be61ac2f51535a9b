/**
 * The Socket.IO side of the backend: token auth in the handshake, organization rooms,
 * and the emitter every server → client event goes through.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type DefaultEventsMap, type ExtendedError } from 'socket.io';
import { CLIENT_EVENT_JOIN_ORGANIZATION, joinOrganizationPayload } from '../shared/events';
import { organizationRoom, recordEmission, type EmittedEvent, type OrganizationEmitter } from './emitter';
import type { SimulatorAccount } from './state';
import type { SimulatorTiming } from './timing';

interface SocketData {
  organizationId: string;
}

export type SimulatorIo = Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

/**
 * Acknowledgement of `join-organization`, sent only if the client passes an ack callback.
 * The real backend does not acknowledge: the app must not rely on it, but tests can use it
 * to know the join was processed before they trigger events.
 */
export type JoinReply = { ok: true; organizationId: string } | { ok: false; error: string };

export interface SocketCounts {
  /** Authenticated sockets of the organization. */
  connected: number;
  /** Those that joined the organization room. */
  joined: number;
}

export interface SocketServer {
  io: SimulatorIo;
  emitter: OrganizationEmitter;
  /** Abruptly closes every client's transport, like a network blip. Returns how many. */
  dropAllConnections(): number;
  socketCounts(): Record<string, SocketCounts>;
}

export interface SocketServerOptions {
  authenticate(token: string): SimulatorAccount | undefined;
  timing: Pick<SimulatorTiming, 'pingIntervalMs' | 'pingTimeoutMs'>;
  emitted: EmittedEvent[];
  log: (line: string) => void;
}

export const AUTH_FAILED_MESSAGE = 'Invalid or expired token';

export function createSocketServer(httpServer: HttpServer, options: SocketServerOptions): SocketServer {
  const { log } = options;
  const io: SimulatorIo = new Server(httpServer, {
    cors: { origin: true },
    transports: ['polling', 'websocket'],
    pingInterval: options.timing.pingIntervalMs,
    pingTimeout: options.timing.pingTimeoutMs,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
  });

  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth.token;
    const account = typeof token === 'string' ? options.authenticate(token) : undefined;
    if (!account) {
      log(`socket ${socket.id}: handshake refused (bad token)`);
      const error: ExtendedError = new Error(AUTH_FAILED_MESSAGE);
      error.data = { code: 'auth_failed' };
      next(error);
      return;
    }
    socket.data.organizationId = account.organizationId;
    next();
  });

  io.on('connection', (socket) => {
    log(`socket ${socket.id}: connected for ${socket.data.organizationId}${socket.recovered ? ' (recovered)' : ''}`);

    socket.on(CLIENT_EVENT_JOIN_ORGANIZATION, (payload: unknown, ack?: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (reply: JoinReply) => void) : undefined;
      const parsed = joinOrganizationPayload.safeParse(payload);
      if (!parsed.success || parsed.data !== socket.data.organizationId) {
        // Ignored, as a backend must: a token only ever opens its own organization's room.
        log(`socket ${socket.id}: join-organization ${JSON.stringify(payload)} refused`);
        reply?.({ ok: false, error: 'Not a member of that organization' });
        return;
      }
      void socket.join(organizationRoom(parsed.data));
      log(`socket ${socket.id}: joined ${parsed.data}`);
      reply?.({ ok: true, organizationId: parsed.data });
    });

    socket.on('disconnect', (reason) => {
      log(`socket ${socket.id}: disconnected (${reason})`);
    });
  });

  const emitter: OrganizationEmitter = {
    emit(organizationId, event, payload) {
      emitter.emitRaw(organizationId, event, [payload]);
    },
    emitRaw(organizationId, event, args) {
      // Emit first: a reserved name throws, and a failed emission must not be logged as sent.
      io.to(organizationRoom(organizationId)).emit(event, ...args);
      recordEmission(options.emitted, {
        organizationId,
        event,
        payload: args[0],
        at: new Date().toISOString(),
      });
    },
  };

  return {
    io,
    emitter,
    dropAllConnections() {
      const sockets = [...io.of('/').sockets.values()];
      for (const socket of sockets) socket.conn.close();
      return sockets.length;
    },
    socketCounts() {
      const counts: Record<string, SocketCounts> = {};
      for (const socket of io.of('/').sockets.values()) {
        const orgId = socket.data.organizationId;
        const entry = (counts[orgId] ??= { connected: 0, joined: 0 });
        entry.connected += 1;
        if (socket.rooms.has(organizationRoom(orgId))) entry.joined += 1;
      }
      return counts;
    },
  };
}
