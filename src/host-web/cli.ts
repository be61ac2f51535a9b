/**
 * `npm run web -- --port N`: the same core as Electron, in plain Node, serving the
 * built renderer to a browser. Configured by the same AUZAP_* variables.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHostRuntime, type HostRuntime } from '../core/host-runtime';
import { readEnvSettings } from '../core/host-config';
import { languagesFromEnv } from '../core/host-locale';
import { describeError } from '../shared/errors';
import { openConfStateFile, SETTINGS_FILE_NAME } from '../core/persistence/state-file';
import { createBoundedLogger } from '../core/logging';
import { createConsoleLogger, systemClock } from '../core/ports';
import { startDemoBackend } from '../simulator/demo-backend';
import { threadedConnections } from '../core/connection-thread/threaded-connection';
import { connectionWorkerFromSource } from './connection-worker-from-source';
import { createWebShell } from './host-shell';
import { logUncaughtErrors } from './process-errors';
import { startWebHost } from './web-host';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5180' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number, got "${values.port}"`);
    process.exit(2);
  }
  const rendererDir = resolve(root, 'out/renderer');
  const bridgeScriptFile = resolve(root, 'out/host-web/bridge.js');
  if (!existsSync(resolve(rendererDir, 'index.html')) || !existsSync(bridgeScriptFile)) {
    console.error('The app is not built yet. Run "npm run build" (or use "npm run web", which builds first).');
    process.exit(2);
  }
  const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
  // stderr gets what a log file would: every line bounded, repeats counted, floods cut.
  const logger = createBoundedLogger(createConsoleLogger('web-host'));
  let shutdown = (code: number): void => process.exit(code);
  logUncaughtErrors(process, logger, () => shutdown(1));
  // Real desktop notifications too (notify-send on Linux), so the browser host proves the
  // same path the desktop app takes; /host/state keeps a copy for tests.
  // A clicked notification (where node-notifier reports clicks) opens its chat or number.
  let clickTarget: HostRuntime | null = null;
  const shell = createWebShell({ logger, clicked: (notification) => clickTarget?.notificationClicked(notification) });
  const settings = readEnvSettings(process.env);
  const dataDir =
    settings.dataDir ?? join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'auzap-desktop-web');
  mkdirSync(dataDir, { recursive: true });
  // The browser host has no OS keychain: a token saved from its settings page is kept
  // in clear, and the page says so.
  const runtime = await startHostRuntime({
    env: settings,
    version,
    logger,
    clock: systemClock,
    tray: shell,
    notifier: shell,
    stateFile: openConfStateFile(dataDir, logger),
    startDemoBackend,
    settingsFile: openConfStateFile(dataDir, logger, SETTINGS_FILE_NAME),
    processLanguages: () => languagesFromEnv(process.env),
    // The connection on its own thread, as in the desktop app (from the sources here).
    connect: threadedConnections(connectionWorkerFromSource),
  });
  clickTarget = runtime;
  const web = await startWebHost({ runtime, shell, logger, rendererDir, bridgeScriptFile, port, host: values.host });
  console.log(`AuZap web host: open ${web.url}${runtime.demoBackendUrl() ? ' (demo mode, built-in backend)' : ''}`);

  let closing = false;
  shutdown = (code) => {
    if (closing) return;
    closing = true;
    void Promise.all([web.close(), runtime.shutdown()]).finally(() => process.exit(code));
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exit(1);
});
