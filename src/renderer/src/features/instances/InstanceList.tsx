import type { AppSnapshot } from '../../../../shared/bridge';
import { formatPhoneNumber } from '../../../../shared/phone';

const STATUS_WORDS = { connected: 'Connected', connecting: 'Connecting…', disconnected: 'Disconnected' } as const;

export function InstanceList({
  instances,
  selectedId,
  onSelect,
}: {
  instances: AppSnapshot['instances'];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <nav className="sidebar__section" aria-label="WhatsApp numbers">
      <h2 className="sidebar__title">WhatsApp numbers</h2>
      {instances.error ? (
        <p className="sidebar__error" role="alert" data-testid="instances-error">
          {instances.error}
        </p>
      ) : null}
      {instances.loadedAt === null && !instances.error ? <p className="muted sidebar__note">Loading…</p> : null}
      {instances.loadedAt !== null && instances.items.length === 0 ? (
        <p className="muted sidebar__note">No WhatsApp numbers in this organization yet.</p>
      ) : null}
      <ul className="instance-list">
        {instances.items.map((instance) => (
          <li key={instance.id}>
            <button
              type="button"
              className={`instance-item${instance.id === selectedId ? ' instance-item--selected' : ''}`}
              data-testid={`instance-${instance.id}`}
              data-status={instance.status}
              aria-current={instance.id === selectedId ? 'page' : undefined}
              onClick={() => onSelect(instance.id)}
            >
              <span className={`status-dot status-dot--${instance.status}`} aria-hidden="true" />
              <span className="instance-item__text">
                <span className="instance-item__name">{instance.name || 'Unnamed number'}</span>
                <span className="instance-item__meta">
                  {instance.status === 'connected' && instance.phoneNumber
                    ? formatPhoneNumber(instance.phoneNumber)
                    : STATUS_WORDS[instance.status]}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
