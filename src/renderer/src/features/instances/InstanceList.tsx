import type { AppSnapshot, ConnectionStatus } from '../../../../shared/bridge';
import { useT } from '../../i18n/I18nProvider';
import { summarizeInstance } from './instance-summary';

/** Never a bare "Loading…" that stays: when nothing can load, say why. */
function notLoadedYet(connection: ConnectionStatus): string {
  if (connection === 'auth_failed') return 'Can’t load the numbers: sign-in needed.';
  if (connection === 'offline') return 'Can’t load the numbers while AuZap is offline.';
  return 'Loading…';
}

/**
 * The organization's WhatsApp numbers with their status. While the app itself is offline
 * (not `online`) nobody knows their real state: they are shown dimmed, as "last known".
 */
export function InstanceList({
  instances,
  selectedId,
  onSelect,
  connection,
}: {
  instances: AppSnapshot['instances'];
  selectedId: string | null;
  onSelect: (id: string) => void;
  connection: ConnectionStatus;
}) {
  const live = connection === 'online';
  const translator = useT();
  return (
    <nav
      className={`sidebar__section${live ? '' : ' instance-list--stale'}`}
      aria-label="WhatsApp numbers"
      data-testid="instance-list"
      data-live={live}
    >
      <h2 className="sidebar__title">WhatsApp numbers</h2>
      {instances.error ? (
        <p className="sidebar__error" role="alert" data-testid="instances-error">
          {instances.error}
        </p>
      ) : null}
      {!live && instances.items.length > 0 ? (
        <p className="muted sidebar__note" data-testid="instances-last-known">
          Last known status — AuZap is offline.
        </p>
      ) : null}
      {instances.loadedAt === null && !instances.error ? (
        <p className="muted sidebar__note" data-testid="instances-not-loaded">
          {notLoadedYet(connection)}
        </p>
      ) : null}
      {instances.loadedAt !== null && instances.items.length === 0 ? (
        <p className="muted sidebar__note">No WhatsApp numbers in this organization yet.</p>
      ) : null}
      <ul className="instance-list">
        {instances.items.map((instance) => {
          const summary = summarizeInstance(instance, translator);
          return (
            <li key={instance.id}>
              <button
                type="button"
                className={`instance-item${instance.id === selectedId ? ' instance-item--selected' : ''}`}
                data-testid={`instance-${instance.id}`}
                data-status={instance.status}
                data-look={summary.look}
                aria-current={instance.id === selectedId ? 'page' : undefined}
                onClick={() => onSelect(instance.id)}
              >
                <span className={`status-dot status-dot--${summary.look}`} aria-hidden="true" />
                <span className="instance-item__text">
                  <span className="instance-item__name">{instance.name || 'Unnamed number'}</span>
                  <span
                    className={`instance-item__meta instance-item__meta--${summary.look}`}
                    data-testid="instance-headline"
                  >
                    {live ? summary.headline : `Last known: ${summary.headline}`}
                  </span>
                  {summary.lastPhone ? (
                    <span className="instance-item__meta" data-testid="instance-last-phone">
                      {summary.lastPhone}
                    </span>
                  ) : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
