import { createAppCore, type AppCore, type AppCoreOptions } from '../../src/core/app-core';
import type { DesktopNotification, Logger, TrayState } from '../../src/core/ports';
import type { Transport } from '../../src/core/server-connection';
import type { CommandArgs, CommandChannel, CommandResult, ConnectionStatus } from '../../src/shared/bridge';
import type { ServerEvent } from '../../src/shared/events';
import { createWarpScheduler, type WarpScheduler } from '../support/fake-scheduler';
import { inEnglish } from '../support/words';

export const quietLogger = (): Logger & { lines: string[] } => {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`INFO ${m}`),
    warn: (m) => lines.push(`WARN ${m}`),
    error: (m) => lines.push(`ERROR ${m}`),
  };
};

export interface CoreUnderTest {
  core: AppCore;
  events: ServerEvent[];
  logger: ReturnType<typeof quietLogger>;
  tray: TrayState[];
  notifications: DesktopNotification[];
  /** The core's timers: real time, and `skip(ms)` to jump over a debounce or a coalescing window. */
  clock: WarpScheduler;
  waitForStatus(status: ConnectionStatus, timeoutMs?: number): Promise<void>;
}

export function startCore(
  target: { serverUrl: string; token: string; organizationId: string },
  transports?: Transport[],
  backoff?: { minMs: number; maxMs: number },
  extra: Partial<AppCoreOptions> = {},
): CoreUnderTest {
  const events: ServerEvent[] = [];
  const tray: TrayState[] = [];
  const notifications: DesktopNotification[] = [];
  const logger = quietLogger();
  const clock = createWarpScheduler();
  const core = createAppCore({
    plan: { kind: 'server', target },
    demo: false,
    version: 'test',
    logger,
    clock,
    tray: { update: (s) => tray.push(s) },
    notifier: { notify: (n) => notifications.push(n) },
    transports,
    backoff,
    onServerEvent: (e) => events.push(e),
    ...extra,
  });
  core.start();
  return {
    core,
    events,
    logger,
    tray,
    notifications,
    clock,
    waitForStatus: (status, timeoutMs = 10_000) =>
      waitFor(() => core.snapshot().connection.status === status, timeoutMs, `status ${status}`),
  };
}

export async function waitFor(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A chat that began with a live message is counted, and the listing that message started is
 * done: an outage from here on takes the path of a listed chat, however loaded the machine.
 */
export const waitForListed = (core: AppCore, unread: number): Promise<void> =>
  waitFor(
    () => core.snapshot().inbox.totalUnread === unread && !core.snapshot().inbox.syncing,
    5_000,
    `${unread} unread and the chat listed`,
  );

export async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/**
 * "Online" means the client sent join-organization; the server handles it a moment
 * later (a real backend too). Tests that inject right away wait for the join.
 */
/** How many sockets the simulator has in an organization's room. */
export async function joinedSockets(simUrl: string, organizationId: string): Promise<number> {
  const state = (await (await fetch(`${simUrl}/sim/state`)).json()) as {
    organizations: Array<{ id: string; sockets: { joined: number } }>;
  };
  return state.organizations.find((o) => o.id === organizationId)?.sockets.joined ?? 0;
}

export async function waitForJoined(simUrl: string, organizationId: string, count = 1): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    if ((await joinedSockets(simUrl, organizationId)) >= count) return;
    if (Date.now() > deadline) throw new Error(`no socket joined ${organizationId}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A typed command call for tests: the value, or a thrown Error with the user-facing message. */
export async function call<C extends CommandChannel>(
  core: AppCore,
  channel: C,
  ...args: CommandArgs<C>
): Promise<CommandResult<C>> {
  const outcome = await core.dispatch(channel, args);
  if (!outcome.ok) throw new Error(inEnglish(outcome.error.message));
  return outcome.value as CommandResult<C>;
}
