/**
 * The bridge over one WebSocket per page: commands in, results and pushes out, the
 * same messages Electron carries over IPC. Only the host's own page may connect.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { HostRuntime } from '../core/host-runtime';
import type { Logger } from '../core/ports';
import type { OwnOrigin } from './own-origin';
import { BRIDGE_SOCKET_PATH, type ClientFrame, type HostFrame } from './wire';

/** A frame from the page is untrusted input like any other. */
const clientFrame = z.object({
  kind: z.literal('invoke'),
  id: z.number().int(),
  channel: z.string(),
  args: z.array(z.unknown()),
});

function parseClientFrame(raw: string): ClientFrame | null {
  try {
    const parsed = clientFrame.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface BridgeSocket {
  /** For the HTTP server's 'upgrade' event. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

export function createBridgeSocket(options: { runtime: HostRuntime; logger: Logger; own: OwnOrigin }): BridgeSocket {
  const { runtime, logger, own } = options;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const clients = new Set<WebSocket>();
  const send = (ws: WebSocket, frame: HostFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };

  const serve = (ws: WebSocket) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('message', (data) => {
      const frame = parseClientFrame(String(data));
      if (!frame) {
        logger.warn('ignored a malformed bridge frame');
        return;
      }
      void runtime
        .dispatch(frame.channel, frame.args)
        .then((outcome) => send(ws, { kind: 'result', id: frame.id, outcome }));
    });
    // A page that (re)connects gets the current state straight away.
    void runtime.dispatch('app:get-snapshot', []).then((outcome) => {
      if (outcome.ok) send(ws, { kind: 'push', channel: 'app:snapshot', payload: outcome.value });
    });
  };

  const unsubscribe = runtime.onPush((push) => {
    for (const ws of clients) send(ws, { kind: 'push', channel: push.channel, payload: push.payload });
  });

  return {
    upgrade(req, socket, head) {
      const path = new URL(req.url ?? '/', own.origin).pathname;
      // Any web page in the user's browser could try ws://127.0.0.1:port; only our own page may.
      if (path !== BRIDGE_SOCKET_PATH || !own.is(req.headers.origin)) {
        logger.warn(`refused a bridge connection from origin ${req.headers.origin ?? '(none)'}`);
        socket.destroy();
        return;
      }
      sockets.handleUpgrade(req, socket, head, serve);
    },
    close() {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      sockets.close();
    },
  };
}
