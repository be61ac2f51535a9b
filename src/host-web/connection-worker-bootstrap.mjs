// The connection's thread run from its TypeScript sources (the browser host, tests and
// benches run under tsx): a worker thread does not inherit tsx's loader, so it is
// registered here before the worker's source is imported.
import { register } from 'tsx/esm/api';

register();
await import('../core/connection-thread/connection-worker.ts');
