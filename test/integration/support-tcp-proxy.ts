/**
 * A loopback TCP proxy that can go silent: while stalled it forwards nothing in either
 * direction and closes nothing — the network black hole of a Wi-Fi that hangs or a NAT
 * that forgot the connection. Only a heartbeat can notice it.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  url: string;
  /** Stop forwarding; held connections and new ones wait. */
  stall(): void;
  /** Forward again: connections from before the stall are cut (as a real network would after so long), new ones go through. */
  resume(): void;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket | null;
  /** Bytes from the client while the pair waits for the stall to end. */
  held: Buffer[];
  stalled: boolean;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let stalled = false;

  const open = (pair: Pair) => {
    const upstream = connect(targetPort, '127.0.0.1');
    pair.upstream = upstream;
    for (const chunk of pair.held.splice(0)) upstream.write(chunk);
    upstream.on('data', (chunk: Buffer) => {
      if (!pair.stalled) pair.client.write(chunk);
    });
    const end = () => {
      pair.client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    upstream.on('close', end);
    upstream.on('error', end);
  };

  const server: Server = createServer((client) => {
    const pair: Pair = { client, upstream: null, held: [], stalled: false };
    pairs.add(pair);
    client.on('data', (chunk: Buffer) => {
      if (pair.stalled) return; // swallowed: the black hole
      if (pair.upstream) pair.upstream.write(chunk);
      else pair.held.push(chunk);
    });
    const end = () => {
      pair.upstream?.destroy();
      client.destroy();
      pairs.delete(pair);
    };
    client.on('close', end);
    client.on('error', end);
    if (!stalled) open(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    stall() {
      stalled = true;
      for (const pair of pairs) pair.stalled = true;
    },
    resume() {
      stalled = false;
      for (const pair of [...pairs]) {
        if (pair.stalled) {
          pair.client.destroy();
          pair.upstream?.destroy();
          pairs.delete(pair);
        } else if (!pair.upstream) {
          open(pair);
        }
      }
    },
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream?.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
