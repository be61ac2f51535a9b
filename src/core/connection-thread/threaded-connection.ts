/**
 * The server connection run on its own thread (connection-worker.ts): the same
 * ServerConnection to the core, while socket.io's frame reading and JSON decoding leave
 * the main thread to the windows, the tray and the inbox (issue 13: the core kept up with
 * only 75 % of the bare transport's rate when both shared one thread).
 *
 * A thread that cannot start or dies is not an outage: the connection carries on in this
 * thread, and its first connect catches up on whatever the thread had not handed over.
 */
import type { Worker } from 'node:worker_threads';
import { describeError } from '../../shared/errors';
import { SERVER_EVENT_NAMES, type ServerEventName } from '../../shared/events';
import type { ConnectionState } from '../../shared/bridge';
import {
  createServerConnection,
  followingState,
  initialConnectionState,
  type ConnectionFactory,
  type ServerConnection,
  type ServerConnectionOptions,
} from '../server-connection';
import type { UserText } from '../../shared/i18n/user-text';
import type { FromConnection, ToConnection } from './protocol';

const EVENT_NAMES = new Set<string>(SERVER_EVENT_NAMES);
/** How long a stopping thread may take to say goodbye to the server before it is ended. */
const STOP_GRACE_MS = 1_000;

/**
 * The events of one batch, in the order they came; every payload still passes the core's
 * event gate. One event the core fails on costs that event, not the thousands after it.
 */
function handOverEvents(json: string, options: ServerConnectionOptions): void {
  const events: unknown = JSON.parse(json);
  if (!Array.isArray(events)) return;
  for (let i = 0; i < events.length; i += 2) {
    const name: unknown = events[i];
    if (typeof name !== 'string' || !EVENT_NAMES.has(name)) continue;
    try {
      options.onEvent(name as ServerEventName, events[i + 1]);
    } catch (error) {
      options.logger.error(`handling a ${name} event failed: ${describeError(error, { stack: true })}`);
    }
  }
}

/** Only settings cross to the thread: it has its own clock, and talks back in messages. */
function startMessage(options: ServerConnectionOptions): ToConnection {
  const { serverUrl, token, organizationId, transports, backoff } = options;
  return { type: 'start', settings: { serverUrl, token, organizationId, transports, backoff } };
}

/** Connections on a thread each, started by `spawn` (the built script in the app, the sources in tests). */
export function threadedConnections(spawn: () => Worker): ConnectionFactory {
  return (options) => createThreadedConnection(options, spawn);
}

export function createThreadedConnection(options: ServerConnectionOptions, spawn: () => Worker): ServerConnection {
  const { logger, clock } = options;
  let worker: Worker | null = null;
  /** Once the thread failed: the connection carries on here. */
  let inThread: ServerConnection | null = null;
  let stopped = false;
  let everConnected = false;
  /** Asked to sign in again: a fallback must not reconnect with the refused token. */
  let signInNeeded: UserText | null = null;
  let state = initialConnectionState(clock);

  // Commands change the state at once here, as the in-thread connection does: the core
  // asks it right after (is it online? may a reply go out?), before the thread answers.
  const setState = (next: Omit<ConnectionState, 'since'>) => {
    state = followingState(state, next, clock);
    options.onState(state);
  };

  const receive = (message: FromConnection) => {
    switch (message.type) {
      case 'events':
        handOverEvents(message.json, options);
        return;
      case 'state':
        state = message.state;
        options.onState(state);
        return;
      case 'connected':
        everConnected = true;
        options.onConnected?.(message.info);
        return;
      case 'log':
        logger[message.level](message.text);
        return;
      case 'stopped':
        return;
    }
  };

  const carryOnHere = (why: string) => {
    if (stopped || inThread) return;
    const failed = worker;
    worker = null;
    if (failed) void failed.terminate();
    logger.error(`the connection's thread ${why}; connecting from the main thread instead`);
    inThread = createServerConnection(options);
    if (signInNeeded) inThread.requireSignIn(signInNeeded);
    else inThread.start();
  };

  const startThread = () => {
    let w: Worker;
    try {
      w = spawn();
    } catch (error) {
      carryOnHere(`could not start (${describeError(error)})`);
      return;
    }
    worker = w;
    w.on('message', (message: FromConnection) => {
      if (worker === w) receive(message);
    });
    w.on('error', (error) => {
      if (worker === w) carryOnHere(`failed (${describeError(error)})`);
    });
    w.on('exit', (code) => {
      if (worker === w) carryOnHere(`ended (exit code ${code})`);
    });
    // The thread's socket must not keep a quitting process alive: stop() says goodbye when there is time.
    w.unref();
    w.postMessage(startMessage(options));
  };

  const post = (message: ToConnection) => worker?.postMessage(message);

  return {
    start() {
      if (worker || inThread || stopped) return;
      startThread();
    },
    stop() {
      stopped = true;
      inThread?.stop();
      const w = worker;
      worker = null;
      if (!w) return;
      w.postMessage({ type: 'stop' } satisfies ToConnection);
      // The socket says goodbye to the server first; a thread that does not answer is ended anyway.
      const end = setTimeout(() => void w.terminate(), STOP_GRACE_MS);
      end.unref();
      w.on('message', (message: FromConnection) => {
        if (message.type !== 'stopped') return;
        clearTimeout(end);
        void w.terminate();
      });
    },
    retryNow() {
      if (inThread) return inThread.retryNow();
      if (!worker || state.status === 'online') return;
      setState({ status: everConnected ? 'offline' : 'connecting', detail: state.detail, attempt: 0, transport: null });
      post({ type: 'retry-now' });
    },
    requireSignIn(detail) {
      if (inThread) return inThread.requireSignIn(detail);
      signInNeeded = detail;
      setState({ status: 'auth_failed', detail, attempt: 0, transport: null });
      post({ type: 'require-sign-in', detail });
    },
    get state() {
      return inThread ? inThread.state : state;
    },
  };
}
