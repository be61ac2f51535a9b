/**
 * `npm run simulator -- --port 3000 [--host H] [--account TOKEN:ORGID]... [--fast] [--ambient MS] [--verbose]`
 */
import { parseArgs } from 'node:util';
import { startSimulator, DEFAULT_ACCOUNT, FAST_TIMING, type SimulatorAccount } from './simulator';

const USAGE = `Usage: npm run simulator -- [options]

  --port N               port to listen on (default 3000; 0 = any free port)
  --host H               interface to bind (default 127.0.0.1)
  --account TOKEN:ORGID  an account the simulator accepts (repeatable; default demo-token:org-demo)
  --fast                 short QR / pairing-code lifetimes (6 s first QR, 4 s refresh, 20 s code)
  --ambient MS           inject a random incoming message every MS milliseconds
  --verbose              log requests, sockets and emissions
  --help                 show this help`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function parseNonNegativeInt(flag: string, raw: string): number {
  if (!/^\d+$/.test(raw)) fail(`${flag} expects a non-negative integer, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

function parseAccount(raw: string): SimulatorAccount {
  const separator = raw.indexOf(':');
  const token = raw.slice(0, separator);
  const organizationId = raw.slice(separator + 1);
  if (separator < 0 || token === '' || organizationId === '') {
    fail(`--account expects TOKEN:ORGID, got ${JSON.stringify(raw)}`);
  }
  return { token, organizationId };
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '3000' },
        host: { type: 'string', default: '127.0.0.1' },
        account: { type: 'string', multiple: true },
        fast: { type: 'boolean', default: false },
        ambient: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  const values = parseCommandLine();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  const port = parseNonNegativeInt('--port', values.port);
  const accounts = values.account?.map(parseAccount) ?? [DEFAULT_ACCOUNT];
  const ambientMessageEveryMs =
    values.ambient === undefined ? undefined : parseNonNegativeInt('--ambient', values.ambient);

  const simulator = await startSimulator({
    port,
    host: values.host,
    accounts,
    ...(values.fast ? { timing: FAST_TIMING } : {}),
    ...(ambientMessageEveryMs !== undefined ? { ambientMessageEveryMs } : {}),
    ...(values.verbose ? { log: (line: string) => process.stdout.write(`[sim] ${line}\n`) } : {}),
  });

  const who = accounts.map((a) => `token ${a.token}, organization ${a.organizationId}`).join('; ');
  process.stdout.write(`AuZap simulator listening on ${simulator.url} (${who})\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    if (values.verbose) process.stdout.write(`[sim] ${signal}: shutting down\n`);
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  process.stderr.write(
    code === 'EADDRINUSE' ? `Port already in use: ${String(error)}\n` : `Simulator failed: ${String(error)}\n`,
  );
  process.exit(1);
});
