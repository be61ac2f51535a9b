import type { AppSnapshot, ConnectionState } from '../../../../shared/bridge';
import { unusableSettings } from '../../../../shared/settings-fix';
import { say } from '../../../../shared/i18n/user-text';
import { useT } from '../../i18n/I18nProvider';
import { summarizeInstance } from './instance-summary';

/** Never a bare "Loading…" that stays: when nothing can load, say why. */
function notLoadedYet(connection: ConnectionState) {
  if (unusableSettings(connection)) return 'instances.notLoaded.settings' as const;
  if (connection.status === 'auth_failed') return 'instances.notLoaded.signIn' as const;
  if (connection.status === 'offline') return 'instances.notLoaded.offline' as const;
  return 'common.loading' as const;
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
  connection: ConnectionState;
}) {
  const live = connection.status === 'online';
  const i18n = useT();
  const { t } = i18n;
  return (
    <nav
      className={`sidebar__section${live ? '' : ' instance-list--stale'}`}
      aria-label={t('instances.title')}
      data-testid="instance-list"
      data-live={live}
    >
      <h2 className="sidebar__title">{t('instances.title')}</h2>
      {instances.error ? (
        <p className="sidebar__error" role="alert" data-testid="instances-error">
          {say(i18n, instances.error)}
        </p>
      ) : null}
      {!live && instances.items.length > 0 ? (
        <p className="muted sidebar__note" data-testid="instances-last-known">
          {t('instances.lastKnown')}
        </p>
      ) : null}
      {instances.loadedAt === null && !instances.error ? (
        <p className="muted sidebar__note" data-testid="instances-not-loaded">
          {t(notLoadedYet(connection))}
        </p>
      ) : null}
      {instances.loadedAt !== null && instances.items.length === 0 ? (
        <p className="muted sidebar__note">{t('instances.none')}</p>
      ) : null}
      <ul className="instance-list">
        {instances.items.map((instance) => {
          const summary = summarizeInstance(instance);
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
                  <span className="instance-item__name">{instance.name || t('instance.unnamed')}</span>
                  <span
                    className={`instance-item__meta instance-item__meta--${summary.look}`}
                    data-testid="instance-headline"
                  >
                    {live
                      ? say(i18n, summary.headline)
                      : t('instance.lastKnownAs', { status: say(i18n, summary.headline) })}
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
