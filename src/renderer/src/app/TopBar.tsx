import type { AppSnapshot } from '../../../shared/bridge';
import { NotificationControls } from '../features/settings/NotificationControls';
import { ConnectionStatus } from '../features/status/ConnectionStatus';

/** Brand, organization, unread total, notification controls, connection, settings. */
export function TopBar({
  snapshot,
  settingsOpen,
  onOpenSettings,
}: {
  snapshot: AppSnapshot;
  settingsOpen: boolean;
  onOpenSettings: () => void;
}) {
  const { info, inbox } = snapshot;
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true">
          A
        </span>
        <span className="brand__name">AuZap</span>
        {info.demo ? (
          <span
            className="pill pill--demo"
            data-testid="demo-badge"
            title="No server is configured: this is the built-in demo backend."
          >
            Demo
          </span>
        ) : null}
      </div>
      <div className="topbar__org" data-testid="organization" title={info.serverUrl}>
        Organization <strong>{info.organizationId || '—'}</strong>
      </div>
      <span className="topbar__unread" data-testid="total-unread" data-count={inbox.totalUnread}>
        {inbox.totalUnread > 0 ? `${inbox.totalUnread} unread` : 'All read'}
      </span>
      <NotificationControls settings={snapshot.notifications} />
      <ConnectionStatus connection={snapshot.connection} />
      <button
        type="button"
        className={`button button--icon${settingsOpen ? ' button--active' : ''}`}
        aria-label="Settings"
        title="Settings"
        onClick={onOpenSettings}
        data-testid="open-settings"
      >
        ⚙
      </button>
    </header>
  );
}

/** Version, sync activity, and malformed server events the app ignored. */
export function StatusBar({ snapshot }: { snapshot: AppSnapshot }) {
  const { info, inbox, diagnostics } = snapshot;
  return (
    <footer className="statusbar">
      <span>v{info.version}</span>
      {inbox.syncing ? <span>Updating inbox…</span> : null}
      {diagnostics.droppedEvents > 0 ? (
        <span
          data-testid="dropped-events"
          title={
            diagnostics.lastDropped ? `${diagnostics.lastDropped.event}: ${diagnostics.lastDropped.reason}` : undefined
          }
        >
          {diagnostics.droppedEvents} malformed server event{diagnostics.droppedEvents === 1 ? '' : 's'} ignored
        </span>
      ) : null}
    </footer>
  );
}
