/**
 * The one Socket.IO connection to the AuZap backend.
 *
 * A desktop client never gives up: the Manager retries forever with a 1 s → 5 s
 * jittered backoff, and a server-initiated disconnect (which socket.io does not
 * retry) is retried by us. Only an auth refusal stops the loop, because retrying a
 * rejected token just hammers the server; it waits for the user to sign in again.
 * The organization room is re-joined on every `connect`, since rooms die with the
 * connection on the server side.
 */
import { io, type Socket } from 'socket.io-client';
import { CLIENT_EVENT_JOIN_ORGANIZATION, SERVER_EVENT_NAMES, type ServerEventName } from '../shared/events';
import type { ConnectionState } from '../shared/bridge';
import type { Clock, Logger, Scheduler, Timer } from './ports';
import { describeConnectError, describeDisconnectReason, describeRefusal } from './connection-words';
import type { UserText } from '../shared/i18n/user-text';

export type Transport = 'websocket' | 'polling';

export interface ServerConnectionOptions {
  serverUrl: string;
  token: string;
  organizationId: string;
  transports?: Transport[];
  logger: Logger;
  clock: Scheduler;
  onState: (state: ConnectionState) => void;
  onEvent: (name: ServerEventName, payload: unknown) => void;
  /** Every successful connect; `recovered` is socket.io's connection-state recovery flag. */
  onConnected?: (info: { firstConnect: boolean; recovered: boolean }) => void;
  /** Reconnection backoff; the defaults are what users get (1 s → 5 s, jittered). */
  backoff?: { minMs: number; maxMs: number };
}

export interface ServerConnection {
  start(): void;
  stop(): void;
  /** Skip the backoff wait (network came back, machine resumed, user clicked retry). */
  retryNow(): void;
  /** The backend rejected our token over REST: stop and ask the user to sign in again. */
  requireSignIn(detail: UserText): void;
  readonly state: ConnectionState;
}

/** How a core opens its connection: in this thread by default, or on a thread of its own. */
export type ConnectionFactory = (options: ServerConnectionOptions) => ServerConnection;

/** Where every connection starts: connecting, no attempt yet. */
export function initialConnectionState(clock: Clock): ConnectionState {
  return {
    status: 'connecting',
    detail: null,
    since: new Date(clock.now()).toISOString(),
    attempt: 0,
    transport: null,
  };
}

/** The next state; `since` moves only when the status changes. */
export function followingState(
  current: ConnectionState,
  next: Omit<ConnectionState, 'since'>,
  clock: Clock,
): ConnectionState {
  return { ...next, since: next.status === current.status ? current.since : new Date(clock.now()).toISOString() };
}

export const RECONNECT_DELAY_MS = 1_000;
export const RECONNECT_DELAY_MAX_MS = 5_000;

export function createServerConnection(options: ServerConnectionOptions): ServerConnection {
  const { logger, clock } = options;
  const backoff = options.backoff ?? { minMs: RECONNECT_DELAY_MS, maxMs: RECONNECT_DELAY_MAX_MS };
  let socket: Socket | null = null;
  let everConnected = false;
  let serverRetryTimer: Timer | null = null;
  let state = initialConnectionState(clock);

  const setState = (next: Omit<ConnectionState, 'since'>) => {
    state = followingState(state, next, clock);
    options.onState(state);
  };

  const clearServerRetry = () => {
    serverRetryTimer?.cancel();
    serverRetryTimer = null;
  };

  const link: SocketLink = {
    options,
    state: () => state,
    setState,
    connected: () => {
      const firstConnect = !everConnected;
      everConnected = true;
      return firstConnect;
    },
    everConnected: () => everConnected,
    // socket.io does not retry a disconnect the server chose: we do, after the longest backoff.
    serverDisconnected: (s) => {
      clearServerRetry();
      serverRetryTimer = clock.setTimeout(() => {
        serverRetryTimer = null;
        if (socket === s && !s.connected) s.connect();
      }, backoff.maxMs);
    },
  };

  return {
    start() {
      if (socket) return;
      const s = io(options.serverUrl, {
        auth: { token: options.token },
        transports: options.transports ?? ['websocket', 'polling'],
        // A proxy that blocks WebSocket must not leave us offline: fall back to polling.
        tryAllTransports: true,
        reconnection: true,
        reconnectionAttempts: Infinity,
        reconnectionDelay: backoff.minMs,
        reconnectionDelayMax: backoff.maxMs,
        randomizationFactor: 0.5,
        timeout: 10_000,
        autoConnect: false,
      });
      socket = s;
      listenTo(s, link);
      setState({ status: 'connecting', detail: null, attempt: 0, transport: null });
      s.connect();
    },
    stop() {
      clearServerRetry();
      const s = socket;
      socket = null;
      if (!s) return;
      s.removeAllListeners();
      s.io.removeAllListeners();
      s.disconnect();
    },
    retryNow() {
      const s = socket;
      if (!s || s.connected) return;
      clearServerRetry();
      logger.info('retrying the connection now');
      // disconnect() cancels the pending backoff timer; connect() opens straight away.
      s.disconnect();
      setState({ status: everConnected ? 'offline' : 'connecting', detail: state.detail, attempt: 0, transport: null });
      s.connect();
    },
    requireSignIn(detail) {
      clearServerRetry();
      socket?.disconnect();
      setState({ status: 'auth_failed', detail, attempt: 0, transport: null });
    },
    get state() {
      return state;
    },
  };
}

/** What the socket's event handlers may see and change of their connection. */
interface SocketLink {
  options: ServerConnectionOptions;
  state(): ConnectionState;
  setState(next: Omit<ConnectionState, 'since'>): void;
  /** Records a successful connect; true when it is the first one. */
  connected(): boolean;
  everConnected(): boolean;
  serverDisconnected(socket: Socket): void;
}

function transportOf(s: Socket): Transport | null {
  const name = s.io.engine?.transport?.name;
  return name === 'websocket' || name === 'polling' ? name : null;
}

/** Turns socket.io's events into connection states, room joins and server events. */
function listenTo(s: Socket, link: SocketLink): void {
  const { options } = link;
  const { logger } = options;
  s.on('connect', () => {
    const firstConnect = link.connected();
    s.emit(CLIENT_EVENT_JOIN_ORGANIZATION, options.organizationId);
    link.setState({ status: 'online', detail: null, attempt: 0, transport: transportOf(s) });
    logger.info(
      `connected to ${options.serverUrl} over ${transportOf(s) ?? 'unknown transport'}` +
        `${s.recovered ? ' (session recovered)' : ''}; joined organization ${options.organizationId}`,
    );
    options.onConnected?.({ firstConnect, recovered: s.recovered });
    s.io.engine?.once('upgrade', () => {
      if (link.state().status === 'online') link.setState({ ...link.state(), transport: transportOf(s) });
    });
  });

  s.on('connect_error', (error: Error) => {
    const { attempt } = link.state();
    // `active` is false only when the server's middleware refused us (the spec's
    // auth refusal). No retry follows: a rejected token stays rejected.
    if (!s.active) {
      logger.warn(`server refused the connection: ${error.message}`);
      link.setState({ status: 'auth_failed', detail: describeRefusal(error), attempt, transport: null });
      return;
    }
    // An attempt that failed is offline, also before the first connect: a server never
    // reached (a wrong address, the backend down) must not look like a slow start.
    if (link.state().status !== 'offline') {
      logger.warn(`cannot reach ${options.serverUrl}: ${error.message}; retrying until it answers`);
    }
    link.setState({
      status: 'offline',
      detail: describeConnectError(error, options.serverUrl),
      attempt,
      transport: null,
    });
  });

  s.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return;
    logger.warn(`disconnected: ${reason}`);
    link.setState({ status: 'offline', detail: describeDisconnectReason(reason), attempt: 0, transport: null });
    if (reason === 'io server disconnect') link.serverDisconnected(s);
  });

  s.io.on('reconnect_attempt', (attempt) => {
    link.setState({ ...link.state(), attempt, transport: null });
  });

  for (const name of SERVER_EVENT_NAMES) {
    s.on(name, (payload: unknown) => options.onEvent(name, payload));
  }
}
