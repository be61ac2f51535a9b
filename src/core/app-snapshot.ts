/**
 * The app snapshot the window shows (connection, instances, flows, inbox totals,
 * diagnostics, settings) and what the shell shows outside the window, published
 * together: one snapshot per change, the tray only when its state differs.
 */
import type { AppInfo, AppSnapshot, ConnectionState, ConnectFlow } from '../shared/bridge';
import type { InboxSummary, NotificationSettings } from '../shared/inbox';
import type { DroppedEvent } from './event-gate';
import type { InstancesState } from './instances/instances-model';
import type { Clock, TraySink, TrayState } from './ports';
import { describeTray } from './tray-state';

/** Where each part of the snapshot comes from, read at the moment of publishing. */
export interface SnapshotSources {
  info: AppInfo;
  connection(): ConnectionState;
  diagnostics(): { droppedEvents: number; lastDropped: DroppedEvent | null };
  instances(): InstancesState;
  flows(): ConnectFlow[];
  inbox(): InboxSummary;
  notifications(): NotificationSettings;
}

export interface SnapshotPublisher {
  snapshot(): AppSnapshot;
  trayState(): TrayState;
  /** Pushes the current snapshot, and the tray state when it changed. */
  publish(): void;
}

export function createSnapshotPublisher(
  sources: SnapshotSources,
  sinks: { push: (snapshot: AppSnapshot) => void; tray: TraySink },
): SnapshotPublisher {
  const snapshot = (): AppSnapshot => ({
    connection: sources.connection(),
    info: sources.info,
    diagnostics: sources.diagnostics(),
    instances: sources.instances(),
    connectFlows: sources.flows(),
    inbox: sources.inbox(),
    notifications: sources.notifications(),
  });
  const trayFor = (current: AppSnapshot) =>
    describeTray(current.connection.status, current.inbox.totalUnread, current.info.demo);

  let lastTray = '';
  return {
    snapshot,
    trayState: () => trayFor(snapshot()),
    publish() {
      const current = snapshot();
      sinks.push(current);
      const tray = trayFor(current);
      const key = JSON.stringify(tray);
      if (key !== lastTray) {
        lastTray = key;
        sinks.tray.update(tray);
      }
    },
  };
}

/** The connection as shown when there is no live one (not started, unusable settings, stopped). */
export function offlineConnection(
  clock: Clock,
  detail: string,
  status: 'offline' | 'auth_failed' = 'offline',
): ConnectionState {
  return { status, detail, since: new Date(clock.now()).toISOString(), attempt: 0, transport: null };
}
