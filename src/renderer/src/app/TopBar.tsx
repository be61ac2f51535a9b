import type { AppSnapshot } from '../../../shared/bridge';
import { inboxNotLoaded } from '../features/inbox/inbox-not-loaded';
import { NotificationControls } from '../features/settings/NotificationControls';
import { ConnectionStatus } from '../features/status/ConnectionStatus';
import { useT } from '../i18n/I18nProvider';

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
  const { t } = useT();
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true">
          A
        </span>
        <span className="brand__name">{t('app.name')}</span>
        {info.demo ? (
          <span className="pill pill--demo" data-testid="demo-badge" title={t('topbar.demoHint')}>
            {t('topbar.demo')}
          </span>
        ) : null}
      </div>
      <div className="topbar__org" data-testid="organization" title={info.serverUrl}>
        {t('topbar.organization')} <strong>{info.organizationId || '—'}</strong>
      </div>
      <span className="topbar__unread" data-testid="total-unread" data-count={inbox.totalUnread}>
        {inbox.totalUnread > 0
          ? t('topbar.unread', { count: inbox.totalUnread })
          : // Nothing loaded yet: not "all read", which nobody knows.
            inboxNotLoaded(snapshot) === null && t('topbar.allRead')}
      </span>
      <NotificationControls settings={snapshot.notifications} />
      <ConnectionStatus connection={snapshot.connection} />
      <button
        type="button"
        className={`button button--icon${settingsOpen ? ' button--active' : ''}`}
        aria-label={t('settings.title')}
        title={t('settings.title')}
        // Says that the main area shows Settings now (the active look alone is not read out).
        aria-current={settingsOpen ? 'page' : undefined}
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
  const { t } = useT();
  return (
    <footer className="statusbar">
      <span>{t('statusbar.version', { version: info.version })}</span>
      {inbox.syncing ? <span>{t('statusbar.syncing')}</span> : null}
      {diagnostics.droppedEvents > 0 ? (
        <span
          data-testid="dropped-events"
          title={
            diagnostics.lastDropped ? `${diagnostics.lastDropped.event}: ${diagnostics.lastDropped.reason}` : undefined
          }
        >
          {t('statusbar.dropped', { count: diagnostics.droppedEvents })}
        </span>
      ) : null}
    </footer>
  );
}
