import { Worker } from 'node:worker_threads';

// Not written inline in `new Worker(...)`: Vite (under vitest) would take that for a web
// worker of its own and import the script into the test instead.
const bootstrap = new URL('./connection-worker-bootstrap.mjs', import.meta.url);

/** The connection's thread from the sources (connection-worker-bootstrap.mjs); the app runs the built one. */
export const connectionWorkerFromSource = (): Worker => new Worker(bootstrap, { name: 'auzap-connection' });
