// Obtains the Electron binary (downloading it on first use) or says plainly why the suite
// is skipped; fails the run when a download was allowed and failed. On a Linux machine
// without a display it starts a private one, with a session bus and a notification daemon
// (test/support/notification-bus.ts), so the suite runs unchanged under plain `npm test`.
import { resolve } from 'node:path';
import { missingNotificationTools, startNotificationSession } from '../support/notification-bus';
import { BINARY_ENV, planElectronSuite, SKIP_ENV } from './support/electron-binary';

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  const root = resolve(import.meta.dirname, '../..');
  const plan = planElectronSuite(root);
  if (!plan.run) {
    console.log(`Electron suite ${plan.reason}`);
    process.env[SKIP_ENV] = plan.reason;
    return undefined;
  }
  console.log(`Electron suite: using ${plan.binary}`);
  process.env[BINARY_ENV] = plan.binary;
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  const missing = missingNotificationTools();
  if (missing.length > 0) {
    throw new Error(
      `The Electron suite needs a display: install ${missing.join(', ')} (as .ci/run does) or run it under xvfb-run -a.`,
    );
  }
  const session = await startNotificationSession();
  Object.assign(process.env, session.env);
  return () => session.stop();
}
