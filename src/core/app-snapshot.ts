/**
 * The app snapshot the window shows (connection, instances, flows, inbox totals,
 * diagnostics, settings) and what the shell shows outside the window. A source that
 * changed says which part it is; only that part is read again, and only a part that
 * really differs is pushed (as a patch), so an inbox flush that left the totals as they
 * were costs no push. The tray is told the state derived from that same snapshot, and
 * only when it differs.
 */
import type { AppInfo, AppSnapshot, AppSnapshotPatch, ConnectionState, ConnectFlow } from '../shared/bridge';
import type { Locale } from '../shared/i18n/locale';
import type { UserText } from '../shared/i18n/user-text';
import type { InboxSummary, NotificationSettings } from '../shared/inbox';
import type { DroppedEvent } from './event-gate';
import type { InstancesState } from './instances/instances-model';
import type { Clock, TraySink, TrayState } from './ports';
import { describeTray } from './tray-state';

/** Where each part of the snapshot comes from, read when that part is published. */
export interface SnapshotSources {
  info: AppInfo;
  connection(): ConnectionState;
  diagnostics(): { droppedEvents: number; lastDropped: DroppedEvent | null };
  instances(): InstancesState;
  flows(): ConnectFlow[];
  inbox(): InboxSummary;
  notifications(): NotificationSettings;
}

/** What a source says changed: the instances part covers the list and its connect flows. */
export type SnapshotPart = 'connection' | 'diagnostics' | 'instances' | 'inbox' | 'notifications';

export interface SnapshotPublisher {
  /** Reads every part afresh (the window asking for the whole state). */
  snapshot(): AppSnapshot;
  /** The tray state of the last snapshot, as the tray was told it. */
  trayState(): TrayState;
  /** Pushes the part that changed when it differs from what was pushed, and the tray state when that differs. */
  publish(part: SnapshotPart): void;
  /** Tells the tray its state again when its words changed (a new language). */
  refreshTray(): void;
}

export interface SnapshotSinks {
  /** The whole snapshot: the first publish. */
  push: (snapshot: AppSnapshot) => void;
  /** Only the parts that changed since. */
  patch: (patch: AppSnapshotPatch) => void;
  tray: TraySink;
  /** The language the tray speaks. */
  locale(): Locale;
}

export function createSnapshotPublisher(sources: SnapshotSources, sinks: SnapshotSinks): SnapshotPublisher {
  const read = (part: SnapshotPart): AppSnapshotPatch => {
    switch (part) {
      case 'connection':
        return { connection: sources.connection() };
      case 'diagnostics':
        return { diagnostics: sources.diagnostics() };
      case 'instances':
        return { instances: sources.instances(), connectFlows: sources.flows() };
      case 'inbox':
        return { inbox: sources.inbox() };
      case 'notifications':
        return { notifications: sources.notifications() };
    }
  };
  const readAll = (): AppSnapshot => ({
    info: sources.info,
    connection: sources.connection(),
    diagnostics: sources.diagnostics(),
    instances: sources.instances(),
    connectFlows: sources.flows(),
    inbox: sources.inbox(),
    notifications: sources.notifications(),
  });

  /** What every window was last sent (null: nothing yet), and the tray state derived from it. */
  let pushed: AppSnapshot | null = null;
  let tray: TrayState | null = null;
  let trayKey = '';
  const showTray = (current: AppSnapshot) => {
    tray = describeTray(
      current.connection,
      current.inbox.totalUnread,
      current.info.demo,
      sinks.locale(),
      current.notifications,
    );
    const key = JSON.stringify(tray);
    if (key === trayKey) return;
    trayKey = key;
    sinks.tray.update(tray);
  };
  const send = (next: AppSnapshotPatch) => {
    if (pushed === null) return;
    const patch = changedParts(pushed, next);
    if (!patch) return;
    pushed = { ...pushed, ...patch };
    sinks.patch(patch);
    showTray(pushed);
  };

  return {
    snapshot() {
      const fresh = readAll();
      // A window that asks may see totals a flush has not pushed yet; pushing them now keeps
      // every window on the same state (and a change undone before the flush is not lost).
      send(fresh);
      return fresh;
    },
    trayState() {
      if (tray === null) showTray(readAll());
      return tray ?? describeTray({ status: 'offline', detail: null }, 0, sources.info.demo, sinks.locale());
    },
    refreshTray() {
      if (pushed !== null) showTray(pushed);
    },
    publish(part) {
      if (pushed !== null) {
        send(read(part));
        return;
      }
      pushed = readAll();
      sinks.push(pushed);
      showTray(pushed);
    },
  };
}

/** The entries of `next` that differ from `previous` (parts are small plain data), or null for none. */
function changedParts(previous: AppSnapshot, next: AppSnapshotPatch): AppSnapshotPatch | null {
  const changed: Record<string, unknown> = {};
  let any = false;
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) === JSON.stringify(previous[key as keyof AppSnapshot])) continue;
    changed[key] = value;
    any = true;
  }
  return any ? (changed as AppSnapshotPatch) : null;
}

/** The connection as shown when there is no live one (not started, unusable settings, stopped). */
export function offlineConnection(
  clock: Clock,
  detail: UserText,
  status: 'offline' | 'auth_failed' = 'offline',
): ConnectionState {
  return { status, detail, since: new Date(clock.now()).toISOString(), attempt: 0, transport: null };
}
