/**
 * The connection's own thread: socket.io's frames are read and decoded here, off the
 * thread that serves the windows, and the events reach the main thread in batches.
 */
import { parentPort } from 'node:worker_threads';
import { systemClock } from '../ports';
import { createServerConnection, type ServerConnection } from '../server-connection';
import type { FromConnection, ToConnection } from './protocol';

const port = parentPort;
if (!port) throw new Error('connection-worker runs as a worker thread');

let batch: unknown[] = [];
let flushQueued = false;
const flush = () => {
  flushQueued = false;
  if (batch.length === 0) return;
  const events = batch;
  batch = [];
  port.postMessage({ type: 'events', json: JSON.stringify(events) } satisfies FromConnection);
};
// Everything else goes after the events that came before it.
const send = (message: FromConnection) => {
  flush();
  port.postMessage(message);
};

let connection: ServerConnection | null = null;
port.on('message', (message: ToConnection) => {
  switch (message.type) {
    case 'start':
      connection ??= createServerConnection({
        ...message.settings,
        clock: systemClock,
        logger: {
          info: (text) => send({ type: 'log', level: 'info', text }),
          warn: (text) => send({ type: 'log', level: 'warn', text }),
          error: (text) => send({ type: 'log', level: 'error', text }),
        },
        onState: (state) => send({ type: 'state', state }),
        onConnected: (info) => send({ type: 'connected', info }),
        onEvent: (name, payload) => {
          batch.push(name, payload);
          if (!flushQueued) {
            flushQueued = true;
            setImmediate(flush);
          }
        },
      });
      connection.start();
      return;
    case 'stop':
      connection?.stop();
      connection = null;
      send({ type: 'stopped' });
      return;
    case 'retry-now':
      connection?.retryNow();
      return;
    case 'require-sign-in':
      connection?.requireSignIn(message.detail);
      return;
  }
});
